// A WAV file from raw samples: what a server answering audio as a JSON list of floats (the Inference
// Toolkit's text-to-speech, `{"audio": [[...]], "sampling_rate": N}`) is turned into.

/** 16-bit PCM mono WAV from samples in [-1, 1] (values outside are clipped). */
export function wavFromSamples(samples: ArrayLike<number>, sampleRate: number): Uint8Array {
  const dataBytes = samples.length * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    const value = Number(samples[i]);
    wav.writeInt16LE(Math.round(Math.max(-1, Math.min(1, Number.isFinite(value) ? value : 0)) * 32767), 44 + i * 2);
  }
  return new Uint8Array(wav.buffer, wav.byteOffset, wav.byteLength);
}
