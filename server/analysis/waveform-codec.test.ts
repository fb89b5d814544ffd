import { describe, expect, it } from "vitest";
import { decodeWaveform, encodeWaveform } from "./waveform-codec";

describe("waveform codec", () => {
  it("keeps each value within one step of 1/127 and clamps what is out of range", () => {
    const peaks = [-1, 1, -0.5, 0.25, 0, 0.003, -2, 3];
    const decoded = decodeWaveform(encodeWaveform(peaks));
    expect(decoded).toHaveLength(peaks.length);
    peaks.forEach((value, index) => {
      expect(Math.abs(decoded[index]! - Math.max(-1, Math.min(1, value)))).toBeLessThanOrEqual(0.5 / 127);
    });
  });

  it("stores one byte per value", () => {
    expect(encodeWaveform(new Array(4000).fill(0.5)).byteLength).toBe(4000);
  });
});
