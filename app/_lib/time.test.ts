import { describe, expect, it } from "vitest";
import { formatClock, formatDurationMs, parseClock } from "./time";

describe("formatClock", () => {
  it.each([
    [0, "0:00"],
    [2.99, "0:02"],
    [27.9, "0:27"],
    [61, "1:01"],
    [3600 + 62, "1:01:02"],
    [Number.POSITIVE_INFINITY, "0:00"],
    [Number.NaN, "0:00"],
  ])("%d s is %s", (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });
});

describe("formatDurationMs", () => {
  it("rounds to the nearest second and shows a dash when unknown", () => {
    expect(formatDurationMs(2990)).toBe("0:03");
    expect(formatDurationMs(27_994)).toBe("0:28");
    expect(formatDurationMs(null)).toBe("—");
  });
});

describe("parseClock", () => {
  it.each([
    ["0:02", 2000],
    ["1:05", 65_000],
    ["1:00:01", 3_601_000],
    ["12", 12_000],
    ["2.5", 2500],
  ])("%s is %d ms", (text, ms) => {
    expect(parseClock(text)).toBe(ms);
  });

  it.each(["", "a:b", "1:-2", "1:2:3:4"])("%j is unreadable", (text) => {
    expect(parseClock(text)).toBeNull();
  });
});
