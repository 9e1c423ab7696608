// The README's "what runs where" table is the one the code's rules produce (regenerate it with
// `npx tsx scripts/what-runs-where.ts` when the rules change).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whatRunsWhereTable } from '../support/what-runs-where';

describe('README: what runs where', () => {
  it('matches the cloud routes, the library\'s providers and the endpoint protocols', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /<!-- what-runs-where:start -->\n([\s\S]*?)\n<!-- what-runs-where:end -->/.exec(readme)?.[1];
    expect(block).toBe(whatRunsWhereTable());
  });

  it('has no cloud provider for the task types the library cannot call', () => {
    const rows = Object.fromEntries(whatRunsWhereTable().split('\n').slice(2).map((r) => r.split(' | ').map((c) => c.replace(/^\| /, ''))).map((c) => [c[0], c[1]]));
    expect(rows['depth-estimation']).toBe('no provider');
    expect(rows['text2text-generation']).toBe('no provider');
    expect(rows['image-to-text']).toContain('chat:');
  });
});
