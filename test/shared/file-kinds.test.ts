// One verdict for a file, whoever asks: the planner by the name the user wrote, the executor by the type the
// store sniffed from the bytes (src-shared/file-kinds.ts).
import { describe, expect, it } from 'vitest';
import { contentTypeOfName, fileKindOfName, modalitiesOfKind } from '../../src-shared/file-kinds';
import { findTaskType, type Modality } from '../../src-shared/tasks';
import { resolveInputs } from '../../src-main/engine/executor/resolve-inputs';
import { argumentProblems } from '../../src-main/engine/planner/validate-args';
import { sniffType } from '../../src-main/platform/fs-resource-store';

/** An ISO-BMFF file's first box: what .mp4, .m4a, .mov and .heic files all start with. */
function ftyp(brand: string): Uint8Array {
  const box = Buffer.alloc(32);
  box.writeUInt32BE(32, 0);
  box.write('ftyp', 4);
  box.write(brand, 8);
  box.write('isom', 16);
  return new Uint8Array(box);
}

const TASK_FOR: Record<Modality, string> = {
  image: 'image-classification', audio: 'audio-classification', video: 'video-classification', text: 'text-classification', table: 'tabular-classification',
};

/** The planner's verdict on a file named `name` given to a task reading `modality`. */
function plannerAccepts(name: string, modality: Modality): boolean {
  const spec = findTaskType(TASK_FOR[modality])!;
  const port = spec.inputs[0]!.name;
  const task = { id: 0, task: spec.type, dep: [-1], args: { [port]: name } };
  return argumentProblems(task, spec, { byId: new Map([[0, task]]), userResources: new Set([name]) }).length === 0;
}

/** The executor's verdict on the stored file (typed by sniffing its bytes, with its name as a hint). */
async function executorAccepts(name: string, bytes: Uint8Array, modality: Modality): Promise<boolean> {
  const { ext, mime } = await sniffType(bytes, { name });
  const spec = findTaskType(TASK_FOR[modality])!;
  const ref = { hash: '0'.repeat(64), ext, mime, size: bytes.length, name };
  const resolution = resolveInputs(spec, { [spec.inputs[0]!.name]: name }, { userResources: { [name]: ref }, outputsOf: () => undefined, isUpstream: () => false });
  return resolution.ok;
}

describe('file kinds', () => {
  it.each([
    ['voice.m4a', ftyp('M4A '), 'audio'],
    ['voice.m4a', ftyp('isom'), 'audio'], // a generic MP4 container: the name decides between look-alikes
    ['photo.heic', ftyp('heic'), 'image'],
    ['clip.mov', ftyp('qt  '), 'video'],
    ['clip.mov', ftyp('isom'), 'video'],
    ['clip.mp4', ftyp('isom'), 'video'],
  ] as const)('%s is %s for the planner and the executor alike', async (name, bytes, modality) => {
    expect(modalitiesOfKind(fileKindOfName(name))).toContain(modality);
    for (const port of ['image', 'audio', 'video'] as const) {
      const expected = port === modality;
      expect(plannerAccepts(name, port), `planner, ${port} port`).toBe(expected);
      expect(await executorAccepts(name, bytes, port), `executor, ${port} port`).toBe(expected);
    }
  });

  it('the bytes win over a misleading name outside a container family', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect(await sniffType(new Uint8Array(png), { name: 'song.mp3' })).toEqual({ ext: 'png', mime: 'image/png' });
  });

  it('serves text kinds as UTF-8 and unknown kinds as bytes to download', () => {
    expect(contentTypeOfName('a.csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeOfName('a.heic')).toBe('image/heic');
    expect(contentTypeOfName('a.html')).toBe('application/octet-stream');
  });
});
