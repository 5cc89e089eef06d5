/**
 * Follow-ups through the Desk on the real knowledge base: a question without its subject is read with
 * the previous question of its conversation, "source?" repeats the previous answer's citations, and with
 * nothing before it the bot asks what the message refers to. Conversations never leak into each other.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/core/conversation/follow-up-rule.ts';
import { createDesk } from '../../src/core/desk.ts';
import type { Desk, Requester } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';

let n = 0;
/** A requester in a conversation of its own. */
const inThread = (key = `console:test-${n++}`, continues?: string): Requester => ({
  platform: 'console',
  userId: 'u1',
  conversation: 'console',
  thread: { key, ...(continues && { continues }) },
});
const chunkIds = (answer: { snippets: { citation: { chunkId: string } }[] }) => answer.snippets.map((s) => s.citation.chunkId);

describe('the follow-up rule', () => {
  // The base's own parser decides what names a framework; here a stand-in that knows the two names.
  const frameworksIn = (text: string) => ['tensorflow', 'pytorch', 'tf', 'torch'].filter((f) => new RegExp(`\\b${f}\\b`, 'i').test(text));
  const kind = (text: string) => classifyMessage(text, frameworksIn).kind;

  it('reads a continuation signal without a subject as a follow-up', () => {
    for (const text of [
      'and for mobile?',
      'what about pytorch?',
      'how about on tf',
      'ok but which one is faster then',
      'can you explain that more simply',
      'So on mobile?',
      'and is that true for torch?',
      'faster then?',
      'is it fast?',
    ]) {
      expect(kind(text), text).toBe('follow-up');
    }
    expect(classifyMessage('what about pytorch?', frameworksIn)).toEqual({ kind: 'follow-up', namesFramework: true });
    expect(classifyMessage('and for mobile?', frameworksIn)).toEqual({ kind: 'follow-up', namesFramework: false });
  });

  it('keeps a message with a subject of its own, or with nothing but stop words, standing alone', () => {
    for (const text of [
      'which framework is better for production?',
      'and does pytorch support distributed training?',
      'is there a library that does distributed training',
      'thanks, that helps',
      // A pronoun beside a framework name points inside the message.
      'why is it called tensorflow',
      'how long does it take to get good at tensorflow',
      'and?',
      'mobile?',
      '',
    ]) {
      expect(kind(text), text).toBe('question');
    }
  });

  it('recognises a request for sources only when that is the whole message', () => {
    for (const text of ['source?', 'Sources?', 'link?', 'citation?', 'references', "what's the source?", 'sources please', 'ok, source for that?', '  > source?']) {
      expect(kind(text), text).toBe('sources');
    }
    expect(kind('which source says pytorch is faster?')).not.toBe('sources');
  });
});

describe('follow-ups through the Desk', () => {
  let desk: Desk;
  let store: MemoryStore;
  beforeAll(async () => {
    store = new MemoryStore();
    desk = await createDesk({ knowledgeDir: 'knowledge', store });
  });

  it('"and for mobile?" after "which framework is better for production?" asks about production on mobile', async () => {
    const who = inThread();
    await desk.ask('which framework is better for production?', who);
    const followUp = await desk.ask('and for mobile?', who);
    const alone = await desk.ask('and for mobile?', inThread());
    expect(followUp.answered).toBe(true);
    expect(followUp.question).toBe('which framework is better for production? → and for mobile?');
    // Production and mobile both: a production-stack section beside a mobile one, which "mobile" alone does not cite.
    const cited = chunkIds(followUp).join(' ');
    expect(cited).toMatch(/production/);
    expect(cited).toMatch(/mobile/);
    expect(chunkIds(alone).join(' ')).not.toMatch(/production/);
  });

  it('"what about pytorch?" after a TensorFlow question swaps the framework and keeps the topic', async () => {
    const who = inThread();
    const first = await desk.ask('is tensorflow good for mobile?', who);
    expect(first.lead).toMatch(/TensorFlow Lite/);
    const followUp = await desk.ask('what about pytorch?', who);
    expect(followUp.answered).toBe(true);
    expect(followUp.lead).toMatch(/PyTorch Mobile/);
  });

  it('"source?" returns the previous answer\u2019s citations, twice, and the next follow-up still continues', async () => {
    const who = inThread();
    const answer = await desk.ask('is pytorch better for research?', who);
    const sources = await desk.ask('source?', who);
    expect(sources.answered).toBe(true);
    expect(sources.lead).toMatch(/Sources for “is pytorch better for research\?”/);
    expect(sources.snippets).toEqual(answer.snippets); // full citations: title, publisher, date, section, link, snippet
    expect(sources.id).toBeUndefined(); // no 👍/👎 on a list of sources
    expect(chunkIds(await desk.ask('links?', who))).toEqual(chunkIds(answer));
    const followUp = await desk.ask('and for beginners?', who);
    expect(followUp.question).toBe('is pytorch better for research? → and for beginners?');
  });

  it('with no previous question, asks what "source?" or a subject-less follow-up refers to, and records no gap', async () => {
    const fresh = new MemoryStore();
    const own = await createDesk({ knowledgeDir: 'knowledge', store: fresh });
    const sources = await own.ask('source?', inThread());
    expect(sources.answered).toBe(false);
    expect(sources.lead).toMatch(/Sources for which answer\? I have no earlier question in this conversation/);
    const vague = await own.ask('can you explain that more simply', inThread());
    expect(vague.lead).toMatch(/^What does “can you explain that more simply” refer to\?/);
    expect((await own.report(10)).unanswered).toEqual([]);
    // A follow-up that can stand alone is simply answered.
    expect((await own.ask('what about pytorch mobile?', inThread())).answered).toBe(true);
  });

  it('"source?" after a declined question says there was nothing to cite', async () => {
    const who = inThread();
    await desk.ask('how do I bake bread?', who);
    const sources = await desk.ask('sources?', who);
    expect(sources.answered).toBe(false);
    expect(sources.lead).toMatch(/My last reply, to “how do I bake bread\?”, cited nothing/);
  });

  it('a question with its own subject is answered exactly as without a conversation', async () => {
    const who = inThread();
    await desk.ask('is tensorflow good for mobile?', who);
    const inConversation = await desk.ask('when was pytorch released?', who);
    const alone = await desk.ask('when was pytorch released?', { platform: 'console', userId: 'u1', conversation: 'console' });
    expect(inConversation.question).toBe('when was pytorch released?');
    expect(inConversation.lead).toBe(alone.lead);
    expect(chunkIds(inConversation)).toEqual(chunkIds(alone));
  });

  it('a follow-up after a declined question is answered on its own: a declined question gives no subject', async () => {
    const who = inThread();
    await desk.ask('how do I bake bread?', who);
    const followUp = await desk.ask('what about pytorch mobile?', who);
    expect(followUp.answered).toBe(true);
    expect(followUp.question).toBe('what about pytorch mobile?');
    expect(followUp.lead).toBe((await desk.ask('what about pytorch mobile?', inThread())).lead);
  });

  it('a follow-up naming something the sources lack is declined for it, as it would be alone', async () => {
    const who = inThread();
    await desk.ask('is pytorch good for research?', who);
    const followUp = await desk.ask('and what about pytorch 2.5?', who);
    expect(followUp.answered).toBe(false);
    expect(followUp.question).toBe('and what about pytorch 2.5?');
    expect(followUp.lead).toMatch(/don.t cover “PyTorch 2\.5”/);
  });

  it('keeps conversations apart: another thread, or no thread at all, has no previous question', async () => {
    await desk.ask('which framework is better for production?', inThread('slack:T1:C1:100.1'));
    expect((await desk.ask('source?', inThread('slack:T1:C1:200.2'))).lead).toMatch(/Sources for which answer/);
    const noThread = await desk.ask('source?', { platform: 'cli', userId: 'u1', conversation: 'x' });
    expect(noThread.lead).not.toMatch(/Sources for/);
  });

  it('a reply chain reads the turn it continues and saves its own (Discord replies)', async () => {
    await desk.ask('is pytorch better for research?', inThread('discord:C:msg-1'));
    const reply = await desk.ask('and for beginners?', inThread('discord:C:msg-2', 'discord:C:msg-1'));
    expect(reply.question).toBe('is pytorch better for research? → and for beginners?');
    const next = await desk.ask('source?', inThread('discord:C:msg-3', 'discord:C:msg-2'));
    expect(next.snippets).toEqual(reply.snippets);
  });

  it('forgets a conversation after FOLLOW_UP_TTL, and reads a corrupt stored turn as none', async () => {
    let now = 1_000_000;
    const clocked = new MemoryStore({ now: () => now });
    const own = await createDesk({ knowledgeDir: 'knowledge', store: clocked, followUpTtlMs: 60_000 });
    const who = inThread('console:ttl');
    await own.ask('is pytorch better for research?', who);
    now += 59_000;
    expect((await own.ask('source?', who)).answered).toBe(true); // and refreshes the turn
    now += 59_000;
    expect((await own.ask('source?', who)).answered).toBe(true);
    now += 60_001;
    expect((await own.ask('source?', who)).lead).toMatch(/Sources for which answer/);
    for (const junk of ['{broken', '{"v":1,"shown":3}', '[]', '{"v":2,"shown":"a","searched":"a","answered":true,"snippets":[]}']) {
      await clocked.setConversation('console:junk', junk, 60_000);
      expect((await own.ask('source?', inThread('console:junk'))).lead).toMatch(/Sources for which answer/);
    }
  });
});
