// WAV files into the audio pipelines: PCM and float encodings, stereo mixed down, resampled to the model's rate.
import { describe, expect, it } from 'vitest';
import { decodeWav, resample } from '../../src-main/platform/endpoints/transformers-js/wav';

function wavFile(format: 1 | 3, bits: number, channels: number, rate: number, frames: number[][]): Uint8Array {
  const width = bits / 8;
  const data = Buffer.alloc(frames.length * channels * width);
  frames.forEach((frame, i) => frame.forEach((v, c) => {
    const at = (i * channels + c) * width;
    if (format === 3) data.writeFloatLE(v, at);
    else if (bits === 16) data.writeInt16LE(Math.round(v * 32767), at);
    else data.writeUInt8(Math.round(v * 127 + 128), at);
  }));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + data.length, 4); header.write('WAVE', 8);
  header.write('fmt ', 12); header.writeUInt32LE(16, 16); header.writeUInt16LE(format, 20); header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24); header.writeUInt32LE(rate * channels * width, 28); header.writeUInt16LE(channels * width, 32); header.writeUInt16LE(bits, 34);
  header.write('data', 36); header.writeUInt32LE(data.length, 40);
  return new Uint8Array(Buffer.concat([header, data]));
}

describe('WAV input', () => {
  it('reads 16-bit stereo as the mean of its channels, and float and 8-bit mono', () => {
    const stereo = decodeWav(wavFile(1, 16, 2, 8000, [[0.5, -0.5], [1, 0]]));
    expect(stereo.sampleRate).toBe(8000);
    expect([...stereo.samples].map((v) => +v.toFixed(2))).toEqual([0, 0.5]);
    expect([...decodeWav(wavFile(3, 32, 1, 16000, [[0.25], [-0.75]])).samples]).toEqual([0.25, -0.75]);
    expect([...decodeWav(wavFile(1, 8, 1, 16000, [[0], [1]])).samples].map((v) => +v.toFixed(1))).toEqual([0, 1]);
  });

  it('resamples linearly to the model rate', () => {
    expect([...resample({ samples: Float32Array.from([0, 1]), sampleRate: 8000 }, 16000)]).toEqual([0, 0.5, 1, 1]);
    const same = Float32Array.from([1, 2]);
    expect(resample({ samples: same, sampleRate: 16000 }, 16000)).toBe(same);
  });

  it('refuses other formats with a message that says what to do', () => {
    expect(() => decodeWav(new TextEncoder().encode('ID3 an mp3 file'))).toThrow(/WAV audio only; convert the file to \.wav/);
    expect(() => decodeWav(wavFile(1, 12, 1, 16000, [[0]]))).toThrow(/Unsupported WAV encoding/);
  });
});
