// A tiny stand-in for the app's plan parser, for scoring tests: strict JSON arrays of paper-format tasks only.
import { z } from 'zod';
import { PlanTaskSchema, type PlanTask } from '../../../src-shared/plan';

/** Parses `raw` as a JSON task list; throws on anything else (the app's parser is more forgiving). */
export function strictTestParse(raw: string): PlanTask[] {
  return z.array(PlanTaskSchema).parse(JSON.parse(raw));
}
