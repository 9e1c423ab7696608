// Prints the README's "what runs where" table from the code's rules: `npx tsx scripts/what-runs-where.ts`.
import { whatRunsWhereTable } from '../test/support/what-runs-where';

process.stdout.write(`${whatRunsWhereTable()}\n`);
