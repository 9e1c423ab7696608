import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../src-main/platform/atomic-file';

describe('atomic writes', () => {
  it('write the whole content into new folders and leave no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hgs-atomic-'));
    await writeFileAtomic(join(dir, 'a', 'x.json'), '{"a":1}');
    writeFileAtomicSync(join(dir, 'b', 'y.json'), '{"b":2}');
    writeFileAtomicSync(join(dir, 'b', 'y.json'), '{"b":3}');
    expect(readFileSync(join(dir, 'a', 'x.json'), 'utf8')).toBe('{"a":1}');
    expect(readFileSync(join(dir, 'b', 'y.json'), 'utf8')).toBe('{"b":3}');
    expect(readdirSync(join(dir, 'b'))).toEqual(['y.json']);
  });

  it('create the file with the given mode (secrets: owner only)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hgs-atomic-'));
    writeFileAtomicSync(join(dir, 'secrets.json'), '{}', { mode: 0o600 });
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });
});
