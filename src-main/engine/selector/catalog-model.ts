// The model catalog as the selector sees it: Hugging Face models by task type, with popularity figures.

/** One model of the catalog (bundled snapshot or a refresh from the Hub). */
export type CatalogModel = {
  id: string;
  task: string;
  downloads: number;
  likes: number;
  license?: string;
  description: string;
  /** Live Inference Providers that served it for this task at the last refresh (absent: not recorded). */
  providers?: string[];
};

/** Why a model could not be selected or targeted, in words a user can act on. */
export type SelectionErrorKind = 'unknown-task' | 'unknown-endpoint' | 'not-a-model-call' | 'invalid-model';

/** A selection problem with a kind the UI can act on. */
export class SelectionError extends Error {
  constructor(
    readonly kind: SelectionErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SelectionError';
  }
}

/** One line of at most `max` characters: whitespace collapsed, cut at a word with an ellipsis. */
export function trimDescription(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ') > max / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  return `${atWord.replace(/[\s,;:.-]+$/, '')}…`;
}
