// WAV into the built-in runtime: transformers.js's audio pipelines take mono float samples at the model's
// rate (its own file reader needs a browser's AudioContext).
import { InferenceError } from '../../../engine/inference';

/** Mono samples in [-1, 1] at `sampleRate`. */
export interface Samples {
  samples: Float32Array;
  sampleRate: number;
}

const text = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/** Reads a RIFF/WAVE file (PCM 8/16/24/32-bit or IEEE float 32/64), mixed down to mono. */
export function decodeWav(bytes: Uint8Array): Samples {
  if (bytes.length < 12 || text(bytes, 0) !== 'RIFF' || text(bytes, 8) !== 'WAVE') {
    throw new InferenceError('invalid-input', 'The built-in runtime reads WAV audio only; convert the file to .wav first.', { retriable: false });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format = 0, channels = 0, sampleRate = 0, bits = 0;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = text(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
      if (format === 0xfffe && size >= 26) format = view.getUint16(body + 24, true); // WAVE_FORMAT_EXTENSIBLE
    } else if (id === 'data') {
      if (!channels || !sampleRate) break;
      return { samples: readFrames(view, body, Math.min(size, bytes.length - body), { format, channels, bits }), sampleRate };
    }
    at = body + size + (size % 2);
  }
  throw new InferenceError('invalid-input', 'This WAV file has no readable audio (missing fmt or data chunk).', { retriable: false });
}

function readFrames(view: DataView, start: number, length: number, f: { format: number; channels: number; bits: number }): Float32Array {
  const width = f.bits / 8;
  const read = sampleReader(view, f.format, f.bits);
  const frames = Math.floor(length / (width * f.channels));
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++) sum += read(start + (i * f.channels + c) * width);
    out[i] = sum / f.channels;
  }
  return out;
}

function sampleReader(view: DataView, format: number, bits: number): (at: number) => number {
  if (format === 3 && bits === 32) return (at) => view.getFloat32(at, true);
  if (format === 3 && bits === 64) return (at) => view.getFloat64(at, true);
  if (format === 1 && bits === 8) return (at) => (view.getUint8(at) - 128) / 128;
  if (format === 1 && bits === 16) return (at) => view.getInt16(at, true) / 32768;
  if (format === 1 && bits === 24) return (at) => ((view.getUint8(at + 2) << 24) | (view.getUint8(at + 1) << 16) | (view.getUint8(at) << 8)) / 2147483648;
  if (format === 1 && bits === 32) return (at) => view.getInt32(at, true) / 2147483648;
  throw new InferenceError('invalid-input', `Unsupported WAV encoding (format ${format}, ${bits} bits).`, { retriable: false });
}

/** Linear resampling to `rate` (the model's sampling rate). */
export function resample({ samples, sampleRate }: Samples, rate: number): Float32Array {
  if (sampleRate === rate) return samples;
  const length = Math.max(1, Math.round((samples.length * rate) / sampleRate));
  const out = new Float32Array(length);
  const step = sampleRate / rate;
  for (let i = 0; i < length; i++) {
    const x = i * step;
    const k = Math.floor(x);
    const a = samples[Math.min(k, samples.length - 1)] ?? 0;
    const b = samples[Math.min(k + 1, samples.length - 1)] ?? a;
    out[i] = a + (b - a) * (x - k);
  }
  return out;
}
