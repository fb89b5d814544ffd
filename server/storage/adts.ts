// A raw AAC file (ADTS, what some Android recorders and tools write) has no header stating its
// length: it is a run of frames, each with a 7- or 9-byte header giving its byte length, its sample
// rate and how many 1024-sample blocks it holds. Walking the frames gives the exact length. When the
// file is longer than the bytes read, the length follows from the file's size only if every frame
// read had the same size (constant bitrate); a variable-bitrate stream's start says too little
// about the rest (speech ran 13% off), so its length stays unknown rather than guessed.

import "server-only";

const SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];
const SAMPLES_PER_BLOCK = 1024;
// Fewer frames than this say too little about the rest of the file.
const MIN_FRAMES_FOR_ESTIMATE = 50;
// Frames of a constant-bitrate stream differ by the padding byte at most.
const CONSTANT_BITRATE_SPREAD = 1;

interface Frame {
  length: number;
  sampleRate: number;
  samples: number;
}

function frameAt(bytes: Uint8Array, at: number): Frame | null {
  if (at + 7 > bytes.length) return null;
  if (bytes[at] !== 0xff || (bytes[at + 1]! & 0xf6) !== 0xf0) return null;
  const sampleRate = SAMPLE_RATES[(bytes[at + 2]! >> 2) & 0x0f];
  const length = ((bytes[at + 3]! & 0x03) << 11) | (bytes[at + 4]! << 3) | (bytes[at + 5]! >> 5);
  const blocks = (bytes[at + 6]! & 0x03) + 1;
  if (!sampleRate || length < 7) return null;
  return { length, sampleRate, samples: blocks * SAMPLES_PER_BLOCK };
}

/**
 * The duration of an ADTS stream in milliseconds, from `head` (the file's first bytes) and the
 * file's total size; null when `head` does not start with ADTS frames (an ID3 tag is skipped).
 */
export function adtsDurationMs(head: Uint8Array, sizeBytes: number): number | null {
  let at = id3Length(head);
  const start = at;
  let frames = 0;
  let samples = 0;
  let sampleRate = 0;
  let shortest = Infinity;
  let longest = 0;
  for (let frame = frameAt(head, at); frame; frame = frameAt(head, at)) {
    if (at + frame.length > head.length) break;
    if (sampleRate && frame.sampleRate !== sampleRate) return null;
    sampleRate = frame.sampleRate;
    frames += 1;
    samples += frame.samples;
    shortest = Math.min(shortest, frame.length);
    longest = Math.max(longest, frame.length);
    at += frame.length;
  }
  if (frames === 0) return null;
  if (at >= sizeBytes) return Math.round((samples / sampleRate) * 1000);
  if (frames < MIN_FRAMES_FOR_ESTIMATE || longest - shortest > CONSTANT_BITRATE_SPREAD) return null;
  const bytesPerSample = (at - start) / samples;
  return Math.round(((sizeBytes - start) / bytesPerSample / sampleRate) * 1000);
}

/** Bytes taken by an ID3v2 tag at the start, which some tools put before the frames. */
function id3Length(bytes: Uint8Array) {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  return 10 + size + (bytes[5]! & 0x10 ? 10 : 0);
}
