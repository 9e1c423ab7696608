// What a model id may be: a Hugging Face repo id (`name` or `org/name`) or a file name a server lists
// (`sd_xl_base_1.0.safetensors`). Model ids end up in URL paths, so nothing else passes: no `..`, no `/` beyond one.

/** One path segment of a repo id: starts with a letter or digit, then letters, digits, `_`, `-`, `.` (at most 96). */
const SEGMENT = '[A-Za-z0-9][A-Za-z0-9_.-]{0,95}';

/** A repo id as the Hub allows it, with no `..` anywhere. */
export const REPO_ID_PATTERN = new RegExp(`^(?!.*\\.\\.)(?:${SEGMENT}/)?${SEGMENT}$`);

/** True for `org/name`, `name` and file names; false for `../admin`, `a/b/c`, `a b`, `%2e%2e`. */
export const isRepoId = (id: string): boolean => REPO_ID_PATTERN.test(id);

/** A repo id as URL path segments, each percent-encoded. */
export const repoIdPath = (id: string): string => id.split('/').map(encodeURIComponent).join('/');
