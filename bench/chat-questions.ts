/** What the end-to-end chat benchmarks send: typical questions, and one the bot must decline. */
export const CHAT_QUESTIONS = [
  'Which framework is better for mobile deployment?',
  'Is PyTorch more popular in research?',
  'How do I deploy a TensorFlow model in the browser?',
  'Which one is easier to learn?',
  'what is the weather today',
];
