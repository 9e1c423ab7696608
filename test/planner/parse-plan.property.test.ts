// Property-based checks: the parser never hangs or throws anything but PlanParseError, always returns
// tasks in the paper's format, and reads back any valid plan however an LLM decorates it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanTaskSchema, referencedIds, type PlanTask } from '../../src-shared/plan';
import { parsePartialPlan, parsePlanText, PlanParseError } from '../../src-main/engine/planner/parse-plan';

/** Runs the parser; returns the tasks or the PlanParseError, rethrowing anything else. */
function outcome(raw: string): PlanTask[] | PlanParseError {
  try {
    return parsePlanText(raw);
  } catch (error) {
    if (error instanceof PlanParseError) return error;
    throw error;
  }
}

function expectPaperFormat(tasks: PlanTask[]): void {
  for (const task of tasks) {
    expect(PlanTaskSchema.safeParse(task).success).toBe(true);
    expect(task.dep.length).toBeGreaterThan(0);
    if (task.dep.includes(-1)) expect(task.dep).toEqual([-1]);
    for (const value of Object.values(task.args)) for (const id of referencedIds(value)) expect(task.dep).toContain(id);
  }
}

const JSONISH = fc.constantFrom('[', ']', '{', '}', '"', "'", ',', ':', ' ', '\n', '//', '/*', '*/', '#', '\\', '"task"', 'task', '"id"', '0', '-1', '"dep"', '"args"', '<resource>-0', '<GENERATED-1>', '```', 'null', '1e999', '\u201c', '"__proto__"', 'constructor');

describe('parsePlanText properties', () => {
  it('returns paper-format tasks or a PlanParseError for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const result = outcome(raw);
        if (!(result instanceof PlanParseError)) expectPaperFormat(result);
      }),
      { numRuns: 500 },
    );
  });

  it('does the same for JSON-like noise', () => {
    fc.assert(
      fc.property(fc.array(JSONISH, { maxLength: 120 }).map((parts) => parts.join('')), (raw) => {
        const result = outcome(raw);
        if (!(result instanceof PlanParseError)) expectPaperFormat(result);
        expect(() => parsePartialPlan(raw)).not.toThrow();
      }),
      { numRuns: 800 },
    );
  });

  it('survives hostile inputs: deep nesting, endless brackets, huge text', () => {
    for (const raw of ['['.repeat(100_000), '{'.repeat(50_000), '[{"task":'.repeat(20_000), '}'.repeat(100_000), '"'.repeat(100_001), '['.repeat(5) + '{"task":"a"}'.repeat(10_000)]) {
      const result = outcome(raw);
      if (!(result instanceof PlanParseError)) expectPaperFormat(result);
      expect(() => parsePartialPlan(raw)).not.toThrow();
    }
  });
});

const TASK_NAMES = ['image-to-text', 'text-to-speech', 'object-detection', 'pose-detection', 'summarization'];
const REF_SPELLINGS = [(n: number) => `<resource>-${n}`, (n: number) => `<resource-${n}>`, (n: number) => `<GENERATED>-${n}`, (n: number) => `<generated-${n}>`];

/** A valid plan: each task may use outputs of earlier ones, written with any reference spelling. */
const planArb = fc.array(
  fc.record({
    task: fc.constantFrom(...TASK_NAMES),
    text: fc.string({ maxLength: 20 }).filter((s) => !/[<>]/.test(s)),
    refs: fc.array(fc.nat(), { maxLength: 2 }),
    spelling: fc.nat({ max: REF_SPELLINGS.length - 1 }),
  }),
  { minLength: 1, maxLength: 6 },
).map((items) =>
  items.map((item, id) => {
    const refs = id === 0 ? [] : [...new Set(item.refs.map((r) => r % id))];
    const written = refs.map((r) => REF_SPELLINGS[item.spelling](r));
    const expected = refs.map((r) => `<resource>-${r}`);
    return {
      raw: { task: item.task, id, dep: refs.length ? refs : [-1], args: { text: [item.text, ...written].join(' ') } },
      expected: { id, task: item.task, dep: refs.length ? [...refs].sort((a, b) => a - b) : [-1], args: { text: [item.text, ...expected].join(' ') } },
    };
  }),
);

const DECORATIONS: Array<(json: string) => string> = [
  (j) => j,
  (j) => `Here is the plan:\n${j}\nHope this helps.`,
  (j) => '```json\n' + j + '\n```',
  (j) => `{"tasks": ${j}}`,
  // Trailing commas after each task's last field and after the last task (only where they are structural:
  // a regex over the text would also change braces inside string values).
  (j) => `[${(JSON.parse(j) as unknown[]).map((t) => JSON.stringify(t).replace(/\}$/, ',}')).join(',')},]`,
  (j) => j.slice(1, -1),
  (j) => `// plan\n${j}`,
];

describe('parsePlanText reads back valid plans', () => {
  it('whatever the decoration', () => {
    fc.assert(
      fc.property(planArb, fc.nat({ max: DECORATIONS.length - 1 }), (plan, decoration) => {
        const json = JSON.stringify(plan.map((p) => p.raw));
        expect(parsePlanText(DECORATIONS[decoration](json))).toEqual(plan.map((p) => p.expected));
      }),
      { numRuns: 400 },
    );
  });
});
