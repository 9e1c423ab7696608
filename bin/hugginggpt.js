#!/usr/bin/env node
// The `hugginggpt` command: runs the built CLI (npm install builds it through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('hugginggpt: not built yet; run "npm run build" in the project folder\n');
  process.exit(2);
}
const { main } = await import(built);
await main();
