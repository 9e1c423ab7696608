// Model output is checked before it becomes a node's output (issue 20, item 13): an HTML page is not an image,
// and a 50 MB text answer does not flow whole into records, the cache and the next model.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capText, MAX_TEXT_OUTPUT_CHARS, storeOutputs } from '../../src-main/engine/executor/store-outputs';
import { createFsResourceStore } from '../../src-main/platform/fs-resource-store';
import { tinyPng } from '../support/fake-hf-media';

const store = () => createFsResourceStore(mkdtempSync(join(tmpdir(), 'hgs-outputs-')));
const html = new TextEncoder().encode('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>');

describe('output content checks', () => {
  it('refuses an HTML page answered as a generated image, as bad output', async () => {
    await expect(storeOutputs([{ port: 'image', modality: 'image', bytes: html, mime: 'image/png' }], store())).rejects.toMatchObject({
      kind: 'bad-output',
      message: expect.stringMatching(/^the model answered text\/plain \(\d+ bytes\) where image was expected$/),
    });
  });

  it('refuses a picture where audio was expected, and keeps real images', async () => {
    await expect(storeOutputs([{ port: 'audio', modality: 'audio', bytes: new Uint8Array(tinyPng(4, 4)) }], store())).rejects.toMatchObject({ kind: 'bad-output' });
    const [out] = await storeOutputs([{ port: 'image', modality: 'image', bytes: new Uint8Array(tinyPng(4, 4)) }], store());
    expect(out.resource?.mime).toBe('image/png');
  });

  it('caps a huge text output and says so', async () => {
    const [out] = await storeOutputs([{ port: 'text', modality: 'text', text: 'x'.repeat(50_000_000) }], store());
    expect(out.text!.length).toBeLessThan(MAX_TEXT_OUTPUT_CHARS + 200);
    expect(out.text).toMatch(/\[truncated: the model answered 50,000,000 characters; the first 1,000,000 are kept\]$/);
    expect(capText('short')).toBe('short');
  });
});
