import { describe, expect, it } from "vitest";
import { summarisePitch } from "./pitch";

const FRAMES_PER_SECOND = 100;

function track(seconds: number, hzAt: (t: number) => number) {
  const frames = seconds * FRAMES_PER_SECOND;
  const f0 = Float32Array.from({ length: frames }, (_, i) => hzAt(i / FRAMES_PER_SECOND));
  return { f0, voiced: new Uint8Array(frames).fill(1) };
}

describe("pitch summary", () => {
  it("gives the median and the SD in semitones of a sinusoidal intonation (A/√2 semitones)", () => {
    const { f0, voiced } = track(20, (t) => 120 * 2 ** ((4 * Math.sin(2 * Math.PI * 0.5 * t)) / 12));
    const summary = summarisePitch(f0, voiced);
    expect(summary.medianHz).toBeCloseTo(120, 0);
    expect(summary.variationSemitones).toBeCloseTo(4 / Math.SQRT2, 1);
    expect(summary.monotone).toEqual([]);
  });

  it("marks 8 s or more of flat pitch as monotone, and only that stretch", () => {
    // 6 s lively, 12 s within half a semitone, 6 s lively.
    const { f0, voiced } = track(24, (t) => {
      const flat = t >= 6 && t < 18;
      return 150 * 2 ** (((flat ? 0.5 : 5) * Math.sin(2 * Math.PI * 0.7 * t)) / 12);
    });
    // An 8 s window still counts as flat with 2 s of the lively part in it (SD 1.8 semitones), so the
    // stretch may reach up to 2 s past the flat part on each side.
    const [stretch, ...others] = summarisePitch(f0, voiced).monotone;
    expect(others).toEqual([]);
    expect(stretch!.startMs).toBeGreaterThanOrEqual(4000);
    expect(stretch!.startMs).toBeLessThanOrEqual(6000);
    expect(stretch!.endMs).toBeGreaterThanOrEqual(18_000);
    expect(stretch!.endMs).toBeLessThanOrEqual(20_000);
  });

  it("has no pitch without voiced frames", () => {
    const { f0 } = track(5, () => 100);
    expect(summarisePitch(f0, new Uint8Array(f0.length))).toEqual({ medianHz: null, variationSemitones: null, monotone: [] });
  });
});
