import { describe, expect, it } from 'vitest';
import { isFileOutput, outputFileName } from '../../src-shared/output-names';

const png = { hash: 'a'.repeat(64), ext: 'png', mime: 'image/png', size: 10 };

describe('outputFileName', () => {
  it('names a file by task and modality, with the stored extension', () => {
    expect(outputFileName(1, { port: 'image', modality: 'image', resource: png })).toBe('task-1-image.png');
    expect(outputFileName(4, { port: 'audio', modality: 'audio', path: '/d/resources/x.WAV' })).toBe('task-4-audio.wav');
  });

  it('adds the port when two file outputs of the task share a modality, so names never collide', () => {
    const outputs = [{ port: 'mask', modality: 'image' as const, resource: png }, { port: 'boxes drawn', modality: 'image' as const, resource: png }];
    const names = outputs.map((o) => outputFileName(2, o, outputs));
    expect(names).toEqual(['task-2-image-mask.png', 'task-2-image-boxes-drawn.png']);
  });

  it('tells files from inline text', () => {
    expect(isFileOutput({ resource: png })).toBe(true);
    expect(isFileOutput({ text: 'a cat' })).toBe(false);
  });
});
