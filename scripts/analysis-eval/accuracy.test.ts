import { beforeAll, describe, expect, it } from "vitest";
import { pauseF1, score, type Scored } from "./score";
import { passageClips, splice } from "./truth-set";

// The held-out clean recordings of the evaluation (clips 2, 4 and 5, which calibration never saw).
describe("analysis accuracy on the spliced truth set (clean, report split)", () => {
  let scored: Scored[];

  beforeAll(async () => {
    const items = splice(await passageClips(), "report");
    scored = [];
    for (const item of items) scored.push(await score(item, { praat: true }));
  }, 300_000);

  it("finds pauses of 250 ms or more with F1 >= 0.9, edges within 100 ms", () => {
    expect(pauseF1(scored).f1).toBeGreaterThanOrEqual(0.9);
  });

  it("estimates words per minute within 15 % on every recording of 20 s or more", () => {
    for (const entry of scored) {
      expect(entry.item.samples.length / 16_000).toBeGreaterThanOrEqual(20);
      expect(Math.abs(entry.wordsPerMinuteError)).toBeLessThanOrEqual(0.15);
    }
  });

  it("gives each recording's words-per-minute range around the truth", () => {
    for (const entry of scored) {
      const truth = entry.item.words / (entry.item.samples.length / 16_000 / 60);
      expect(entry.metrics.wordsPerMinute.low).toBeLessThanOrEqual(truth);
      expect(entry.metrics.wordsPerMinute.high).toBeGreaterThanOrEqual(truth);
    }
  });

  it("finds the median F0 within 5 % of Praat's", () => {
    for (const entry of scored) expect(Math.abs(entry.f0Error!)).toBeLessThanOrEqual(0.05);
  });
});
