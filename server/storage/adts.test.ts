import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { audioFixture } from "../../testing/audio-fixtures";
import { adtsFrom, decodedLength } from "../testing/ffmpeg";
import { adtsDurationMs } from "./adts";

/** A frame header (no CRC) for 44.1 kHz stereo with one block, `length` bytes long in all. */
function frame(length: number) {
  const bytes = new Uint8Array(length);
  bytes.set([0xff, 0xf1, 0x50, 0x80 | (length >> 11), (length >> 3) & 0xff, ((length & 7) << 5) | 0x1f, 0xfc]);
  return bytes;
}

describe("raw AAC (ADTS)", () => {
  it.each(["speech-short.wav", "speech-passage.m4a"])("from %s: walks every frame to the decoded length", (name) => {
    const { file, bytes } = adtsFrom(name);
    // `ffmpeg -i` prints a Duration for ADTS estimated from the first frames' bitrate (24.6 s for
    // the 28 s passage); where decoding ends is the truth.
    const truthMs = decodedLength(file).ms;
    // Whole frames of 1024 samples: within one frame (23 ms at 44.1 kHz) of where decoding ends.
    expect(Math.abs(adtsDurationMs(bytes, bytes.length)! - truthMs)).toBeLessThanOrEqual(24);
  });

  it("gives up on a variable-bitrate stream longer than the bytes read", () => {
    const { bytes } = adtsFrom("speech-passage.m4a");
    expect(adtsDurationMs(bytes.subarray(0, 64 * 1024), bytes.length)).toBeNull();
  });

  it("computes a constant-bitrate stream's length from its size", () => {
    const frames = Array.from({ length: 100 }, () => frame(300));
    const head = new Uint8Array(frames.flatMap((bytes) => [...bytes]));
    // 10,000 frames of 1024 samples at 44.1 kHz, of which the first 100 were read.
    expect(adtsDurationMs(head, 300 * 10_000)).toBe(Math.round((10_000 * 1024 * 1000) / 44_100));
  });

  it("is not fooled by something else", () => {
    expect(adtsDurationMs(readFileSync(audioFixture("speech-short.mp3").path), 100_000)).toBeNull();
    expect(adtsDurationMs(new Uint8Array(4096), 4096)).toBeNull();
  });
});
