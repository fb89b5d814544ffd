import { describe, expect, it } from "vitest";
import { effectiveDuration } from "./duration";

describe("effectiveDuration", () => {
  it("prefers the element's duration when it is finite", () => {
    expect(effectiveDuration(2.99, 3054)).toBe(2.99);
  });

  it("falls back to the stored duration for WebM that reports Infinity", () => {
    expect(effectiveDuration(Number.POSITIVE_INFINITY, 27_976)).toBeCloseTo(27.976);
    expect(effectiveDuration(Number.NaN, 2_998)).toBeCloseTo(2.998);
  });

  it("is unknown when neither knows", () => {
    expect(effectiveDuration(Number.POSITIVE_INFINITY, null)).toBeNull();
  });
});
