// Writes the tiny test GGUF (llama architecture, 1 layer, 32-dim, byte-level vocabulary, random weights) to a file:
//   npx tsx scripts/write-tiny-gguf.ts tiny.gguf [--prefer ']}[{":']
// The tests build the same bytes in memory (test/support/tiny-gguf.ts) and serve them from a loopback Hub.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tinyGguf } from '../test/support/tiny-gguf';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { prefer: { type: 'string' }, context: { type: 'string' } } });
if (positionals.length !== 1) {
  process.stderr.write('usage: npx tsx scripts/write-tiny-gguf.ts <out.gguf> [--prefer CHARS] [--context TOKENS]\n');
  process.exit(2);
}
const bytes = tinyGguf({ prefer: values.prefer, contextLength: values.context ? Number(values.context) : undefined });
writeFileSync(positionals[0], bytes);
process.stderr.write(`wrote ${positionals[0]} (${bytes.length} bytes)\n`);
