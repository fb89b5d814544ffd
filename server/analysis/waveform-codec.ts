import "server-only";

// Waveform peaks are stored as signed bytes (-127..127): 2,000 pairs take 4 KB, and a byte per
// value is finer than any waveform is ever drawn.

export function encodeWaveform(peaks: readonly number[]): Uint8Array<ArrayBuffer> {
  const bytes = new Int8Array(peaks.length);
  peaks.forEach((value, index) => {
    bytes[index] = Math.round(Math.max(-1, Math.min(1, value)) * 127);
  });
  return new Uint8Array(bytes.buffer);
}

export function decodeWaveform(bytes: Uint8Array): number[] {
  const values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from(values, (value) => value / 127);
}
