import { describe, expect, it } from "vitest";
import { FeatureExtractor } from "./features";
import { integratedLoudness, loudnessRange } from "./loudness";

const RATE = 16_000;

// A 997 Hz sine (the BS.1770 reference tone, where K-weighting adds +0.691 dB that the formula's
// −0.691 cancels) has a loudness of 10·log10(A²/2) LUFS: 0 dBFS peak is −3.01 LUFS.
const amplitudeFor = (lufs: number) => Math.SQRT2 * 10 ** (lufs / 20);

function tone(parts: Array<[seconds: number, lufs: number]>): Float32Array {
  const total = parts.reduce((sum, [seconds]) => sum + seconds * RATE, 0);
  const samples = new Float32Array(total);
  let at = 0;
  for (const [seconds, lufs] of parts) {
    const amplitude = lufs === -Infinity ? 0 : amplitudeFor(lufs);
    for (let i = 0; i < seconds * RATE; i++, at++) samples[at] = amplitude * Math.sin((2 * Math.PI * 997 * at) / RATE);
  }
  return samples;
}

function kBlocks(samples: Float32Array): Float32Array {
  const extractor = new FeatureExtractor(RATE);
  // In uneven chunks, as ffmpeg delivers them.
  for (let at = 0; at < samples.length; at += 12_345) extractor.push(samples.subarray(at, at + 12_345));
  return extractor.finish().kBlockPower;
}

describe("loudness (ITU-R BS.1770-4, EBU Tech 3341/3342)", () => {
  it("measures a -20 dBFS 997 Hz sine at -23.0 LUFS", () => {
    expect(integratedLoudness(kBlocks(tone([[20, -23.01]])))).toBeCloseTo(-23.01, 1);
    expect(20 * Math.log10(amplitudeFor(-23.01))).toBeCloseTo(-20, 2);
  });

  it("measures a full-scale sine at -3.01 LUFS", () => {
    expect(integratedLoudness(kBlocks(tone([[10, -3.01]])))).toBeCloseTo(-3.01, 1);
  });

  it("gates quiet passages out of the integrated figure (Tech 3341 case 3: -36, -23, -36 LUFS)", () => {
    expect(integratedLoudness(kBlocks(tone([[10, -36], [60, -23], [10, -36]])))).toBeCloseTo(-23, 1);
  });

  it("ignores silence below the absolute gate (Tech 3341 case 5 shape: tone, silence, tone)", () => {
    expect(integratedLoudness(kBlocks(tone([[20, -26], [20, -Infinity], [20, -26]])))).toBeCloseTo(-26, 1);
  });

  it("measures a loudness range of 10 LU for 20 s at -20 then 20 s at -30 LUFS (Tech 3342 case 1)", () => {
    expect(loudnessRange(kBlocks(tone([[20, -20], [20, -30]])))).toBeCloseTo(10, 0);
  });

  it("has no loudness for digital silence", () => {
    const blocks = kBlocks(new Float32Array(5 * RATE));
    expect(integratedLoudness(blocks)).toBeNull();
    expect(loudnessRange(blocks)).toBeNull();
  });
});
