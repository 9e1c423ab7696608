// The content-addressed resource store: hashing, dedupe, type sniffing, atomic writes, user files.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFsResourceStore, importUserFile, sniffType } from '../../src-main/platform/fs-resource-store';
import { tinyMp4, tinyPng, tinyWav } from '../support/fake-hf-media';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (s: string) => new TextEncoder().encode(s);
/** The first page of an Ogg Vorbis stream: the capture pattern, one segment, the codec's identification header. */
function oggVorbisPage(): Uint8Array {
  const page = Buffer.alloc(64);
  page.write('OggS', 0);
  page[5] = 2; // beginning of stream
  page[26] = 1; // one segment
  page[27] = 30;
  page.write('\x01vorbis', 28, 'latin1');
  return new Uint8Array(page);
}

describe('sniffType', () => {
  it.each([
    ['png', new Uint8Array(tinyPng(2, 2)), 'image/png'],
    ['jpg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['gif', ascii('GIF89a....'), 'image/gif'],
    ['webp', ascii('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    ['bmp', new Uint8Array([...ascii('BM'), ...new Array(30).fill(0)]), 'image/bmp'],
    ['wav', new Uint8Array(tinyWav(4)), 'audio/wav'],
    ['mp3', new Uint8Array([...ascii('ID3'), 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0, ...new Array(200).fill(0)]), 'audio/mpeg'],
    ['flac', ascii('fLaC\0\0\0\x22'), 'audio/flac'],
    ['ogg', oggVorbisPage(), 'audio/ogg'],
    ['mp4', new Uint8Array(tinyMp4()), 'video/mp4'],
    ['pdf', ascii('%PDF-1.7\n'), 'application/pdf'],
  ])('knows %s', async (ext, data, mime) => {
    expect(await sniffType(data)).toEqual({ ext, mime });
  });

  it('types text by the given name, and other bytes as bin', async () => {
    expect(await sniffType(ascii('a,b\n1,2\n'), { name: 'table.CSV' })).toEqual({ ext: 'csv', mime: 'text/csv' });
    expect(await sniffType(ascii('héllo wörld'))).toEqual({ ext: 'txt', mime: 'text/plain' });
    expect(await sniffType(bytes(0, 1, 2, 3, 250))).toEqual({ ext: 'bin', mime: 'application/octet-stream' });
  });
});

describe('createFsResourceStore', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'resources-')); });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 with the sniffed extension, and reads them back', async () => {
    const store = createFsResourceStore(dir);
    const png = new Uint8Array(tinyPng(3, 3));
    const ref = await store.put(png, { name: 'photo.png' });
    const hash = createHash('sha256').update(png).digest('hex');
    expect(ref).toEqual({ hash, ext: 'png', mime: 'image/png', size: png.length, name: 'photo.png' });
    expect(store.pathOf(ref)).toBe(join(dir, 'resources', `${hash}.png`));
    expect(await store.read(ref)).toEqual(png);
  });

  it('deduplicates: the same bytes are written once, and no temp files remain', async () => {
    const store = createFsResourceStore(dir);
    const wav = new Uint8Array(tinyWav(8));
    const [a, b] = await Promise.all([store.put(wav), store.put(wav, { name: 'again.wav' })]);
    expect(a.hash).toBe(b.hash);
    const firstWrite = (await stat(store.pathOf(a))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await store.put(wav);
    expect((await stat(store.pathOf(a))).mtimeMs).toBe(firstWrite);
    expect(await readdir(join(dir, 'resources'))).toEqual([`${a.hash}.wav`]);
  });

  it('refuses refs that are not resource file names', () => {
    const store = createFsResourceStore(dir);
    expect(() => store.pathOf({ hash: '../../etc/passwd', ext: 'txt' } as never)).toThrow();
  });

  it('imports a user file once, keeping its name', async () => {
    const store = createFsResourceStore(dir);
    const path = join(dir, 'my table.csv');
    await writeFile(path, 'x,y\n1,2\n');
    const ref = await importUserFile(store, path);
    expect(ref).toMatchObject({ ext: 'csv', mime: 'text/csv', name: 'my table.csv', size: 8 });
    expect(await readFile(store.pathOf(ref), 'utf8')).toBe('x,y\n1,2\n');
    await expect(importUserFile(store, 'relative.csv')).rejects.toThrow(/absolute/);
  });
});
