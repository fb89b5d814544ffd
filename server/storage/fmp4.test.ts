import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixture } from "../testing/helpers";
import { fragmentedMp4DurationMs, isFragmentedMp4 } from "./fmp4";

const recorded = readFileSync(path.resolve(import.meta.dirname, "../testing/fixtures/chrome-recorder-fragmented.m4a"));

describe("fragmented MP4", () => {
  it("is told apart from a plain MP4 by its header", () => {
    expect(isFragmentedMp4(recorded.subarray(0, 4100))).toBe(true);
    expect(isFragmentedMp4(fixture("speech-short.m4a").bytes.subarray(0, 4100))).toBe(false);
  });

  it("has its length read from the header and the last fragment", () => {
    const ms = fragmentedMp4DurationMs(recorded.subarray(0, 4100), recorded.subarray(recorded.length - 65536));
    // The browser recorded for a little over three seconds.
    expect(ms).toBeGreaterThan(2900);
    expect(ms).toBeLessThan(4500);
  });

  it("gives up, rather than guess, when the last fragment is not in the bytes given", () => {
    expect(fragmentedMp4DurationMs(recorded.subarray(0, 4100), recorded.subarray(recorded.length - 100))).toBeNull();
  });
});
