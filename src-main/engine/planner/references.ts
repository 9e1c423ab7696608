// The spellings LLMs use for "the output of task N", normalised to the paper's `<resource>-N`.
import { resourceRef } from '../../../src-shared/plan';

/**
 * `<resource>-N`, `<resource-N>`, `<GENERATED>-N`, `<GENERATED-N>` (any case, optional spaces or `_`),
 * and a bare `<resource>` / `<GENERATED>` with no number (group 1 and 2 both empty).
 */
const ANY_REFERENCE = /<\s*(?:resource|generated)\s*(?:[-_]\s*(\d{1,9})\s*>|>(?:\s*[-_]\s*(\d{1,9}))?)/gi;

/** Rewrites every reference in `value` to `<resource>-N`; a bare one becomes `<resource>-{soleDep}` when known. */
export function normalizeReferences(value: string, soleDep?: number): string {
  return value.replace(ANY_REFERENCE, (whole, inner: string | undefined, outer: string | undefined) => {
    const digits = inner ?? outer;
    if (digits !== undefined) return resourceRef(Number(digits));
    return soleDep !== undefined ? resourceRef(soleDep) : '<resource>';
  });
}

/** Whether `value` holds a reference with no task number (`<resource>` alone). */
export const hasBareReference = (value: string): boolean => /<resource>(?!-\d)/.test(value);
