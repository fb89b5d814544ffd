import { describe, expect, it } from "vitest";
import { BANDS, bandText, formatNumber, verdictOf } from "./bands";

describe("verdictOf", () => {
  it("places a figure below, within or above its band, edges included", () => {
    expect(verdictOf(BANDS.pace, 120)).toBe("below");
    expect(verdictOf(BANDS.pace, 130)).toBe("within");
    expect(verdictOf(BANDS.pace, 170)).toBe("within");
    expect(verdictOf(BANDS.pace, 171)).toBe("above");
    expect(verdictOf(BANDS.loudness, -30)).toBe("below");
    expect(verdictOf(BANDS.loudness, -14)).toBe("above");
  });

  it("gives a figure whose range reaches the band the benefit of the doubt", () => {
    expect(verdictOf(BANDS.pace, 125, { low: 110, high: 140 })).toBe("within");
    expect(verdictOf(BANDS.pace, 185, { low: 172, high: 199 })).toBe("above");
  });
});

describe("bandText", () => {
  it("writes negatives with a minus sign", () => {
    expect(bandText(BANDS.loudness)).toBe("−23 to −16 LUFS");
    expect(bandText(BANDS.pace)).toBe("130 to 170 words per minute");
    expect(formatNumber(-19.44, 1)).toBe("−19.4");
  });
});
