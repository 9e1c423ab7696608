// tabular-classification -> tabularClassification: the CSV (header row + rows) becomes the library's
// column format JSON {inputs: {data: {column: [cell per row]}}}; the answer is one number per row.
import { InferenceError } from '../../../engine/inference';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileInput, textOutput } from '../wire';

/** Parses CSV text (quoted cells, doubled quotes, CRLF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

/** The table's columns by header name, as tabularClassification wants them. */
export function csvToColumns(text: string): Record<string, string[]> {
  const [header, ...rows] = parseCsv(text);
  if (!header || rows.length === 0) throw new InferenceError('invalid-input', 'The table needs a header row and at least one data row.');
  return Object.fromEntries(header.map((name, c) => [name.trim(), rows.map((r) => (r[c] ?? '').trim())]));
}

/** Classifies each row of a CSV table. */
export const tabularClassification: TaskInvoker = {
  type: 'tabular-classification',
  async invoke(client, args) {
    const data = csvToColumns(new TextDecoder().decode(fileInput(args.inputs, 'table').bytes));
    const predictions = await client.tabularClassification({ ...route(args), inputs: { data } }, args.options);
    return [textOutput(predictions.map((p, i) => `row ${i + 1}: ${p}`).join('\n'), predictions)];
  },
};
