import { loadKnowledgeBase } from './src/core/knowledge/load.ts';
const { snapshot } = await loadKnowledgeBase('knowledge');
for (const c of snapshot!.chunks) if (/research|arxiv|paper|speed|throughput|resnet|lightning|tensorboard|visuali|eager|community|stars|tflite|mobile|lite|2\.3|features as of|define|graph|scaling|distributed|memory/i.test(c.heading)) console.log(c.id, '|', c.source.publisher, c.source.date);
