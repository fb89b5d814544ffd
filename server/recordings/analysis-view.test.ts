import { describe, expect, it } from "vitest";
import { sparkline } from "./analysis-view";

describe("sparkline", () => {
  it("keeps the largest magnitude of each bucket of min/max pairs", () => {
    const peaks = [-0.1, 0.2, -0.9, 0.3, 0, 0.05, -0.4, 0.41];
    expect(sparkline(peaks, 2)).toEqual([0.9, 0.41]);
  });

  it("never makes more points than there are pairs, and none from nothing", () => {
    expect(sparkline([-0.5, 0.5, -0.25, 0.25], 48)).toEqual([0.5, 0.25]);
    expect(sparkline([])).toEqual([]);
  });

  it("spreads an uneven number of pairs over the buckets without dropping any", () => {
    const peaks = Array.from({ length: 7 }, (_, pair) => [0, pair === 6 ? 1 : 0.1]).flat();
    expect(sparkline(peaks, 3)).toEqual([0.1, 0.1, 1]);
  });
});
