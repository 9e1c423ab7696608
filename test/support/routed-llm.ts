// Routes the fake LLM's answers by stage (planning, selection, response, LLM-done tasks) from the system prompt.
import type { FakeAnswer, FakeLlm } from './fake-llm';

/** Which stage a chat request belongs to. */
export type Stage = 'plan' | 'select' | 'respond' | 'direct' | 'task';

/** Recognises the stage from the request's system prompt. */
export function stageOf(body: any): Stage {
  const system: string = body.messages?.[0]?.role === 'system' ? String(body.messages[0].content) : '';
  if (system.startsWith('You plan the work of expert AI models')) return 'plan';
  if (system.startsWith('You pick the AI model')) return 'select';
  if (system.startsWith('You are the response stage')) return 'respond';
  if (system.includes('No expert model was needed')) return 'direct';
  return 'task';
}

/** Picks the first candidate listed for every task of a selection request. */
export function firstCandidates(body: any): string {
  const text: string = body.messages.at(-1).content;
  const choices = [...text.matchAll(/^Task (\d+): [^\n]*\n {2}candidates:\n {2}- (\S+)/gm)].map((m) => ({ task: Number(m[1]), id: m[2], reason: `${m[2]} is the best fit` }));
  return JSON.stringify({ choices });
}

/** Answers each stage with the given function (plans and responses as text). */
export function routeLlm(llm: FakeLlm, answers: Partial<Record<Stage, (body: any) => FakeAnswer>>): void {
  llm.fallback((body) => {
    const stage = stageOf(body);
    const answer = answers[stage] ?? (stage === 'select' ? firstCandidates : () => `answer for ${stage}`);
    return answer(body);
  });
}
