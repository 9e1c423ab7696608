// The evaluation files: annotated requests (the dataset) and recorded raw LLM outputs (predictions), as JSON lines.
import { z } from 'zod';
import { PlanTaskSchema, type PlanTask } from '../../../src-shared/plan';

/** The paper's request types: one task, a chain of tasks, or a graph of tasks. */
export const EVAL_REQUEST_TYPES = ['single', 'sequential', 'graph'] as const;
export type EvalRequestType = (typeof EVAL_REQUEST_TYPES)[number];

const IdSchema = z.union([z.string().min(1), z.number().int()]).transform(String);

/** One annotated request: what the user asked and the plan a careful annotator would write. */
export const EvalItemSchema = z.object({
  id: IdSchema,
  type: z.enum(EVAL_REQUEST_TYPES),
  request: z.string().min(1),
  tasks: z.array(PlanTaskSchema),
});
export type EvalItem = z.infer<typeof EvalItemSchema>;

/** What one LLM call cost, as measured in LLM mode. */
export const LlmMeasurementSchema = z.object({
  calls: z.number().int().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  latencyMs: z.number().nonnegative(),
});
export type LlmMeasurement = z.infer<typeof LlmMeasurementSchema>;

/** One recorded planner answer: the raw LLM text (null when the call failed), as saved by an LLM-mode run. */
export const EvalPredictionSchema = z.object({
  id: IdSchema,
  output: z.string().nullable(),
  /** `length`: the answer was cut off at the token limit, which the app refuses as a plan. */
  finishReason: z.string().optional(),
  error: z.string().optional(),
  llm: LlmMeasurementSchema.optional(),
});
export type EvalPrediction = z.infer<typeof EvalPredictionSchema>;

/** Why an evaluation file was refused. */
export type EvalInputErrorKind = 'bad-json' | 'bad-line' | 'duplicate-id' | 'empty';

/** An evaluation file that cannot be used, naming the line. */
export class EvalInputError extends Error {
  constructor(
    readonly kind: EvalInputErrorKind,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'EvalInputError';
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ');
}

/** Parses JSON lines against `schema` (blank lines skipped); ids must be unique. Throws EvalInputError. */
export function parseJsonLines<T extends { id: string }>(text: string, schema: z.ZodType<T>, what: string): T[] {
  const items: T[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const lineNo = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new EvalInputError('bad-json', `${what} line ${lineNo} is not valid JSON: ${(error as Error).message}`, lineNo);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new EvalInputError('bad-line', `${what} line ${lineNo}: ${describeIssues(parsed.error)}`, lineNo);
    if (seen.has(parsed.data.id)) throw new EvalInputError('duplicate-id', `${what} line ${lineNo}: id "${parsed.data.id}" appears twice`, lineNo);
    seen.add(parsed.data.id);
    items.push(parsed.data);
  });
  return items;
}

/** Reads a dataset; it must hold at least one request. */
export function parseDataset(text: string): EvalItem[] {
  const items = parseJsonLines(text, EvalItemSchema, 'dataset');
  if (items.length === 0) throw new EvalInputError('empty', 'the dataset holds no requests');
  return items;
}

/** Reads recorded predictions. */
export function parsePredictions(text: string): EvalPrediction[] {
  return parseJsonLines(text, EvalPredictionSchema, 'predictions');
}

/** The plan parser the scoring uses: the app's own, injected so scoring stays independent of it. */
export type ParsePlan = (raw: string) => PlanTask[];
