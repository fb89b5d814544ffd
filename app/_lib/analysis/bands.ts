// What a listener expects of each measure, shared by the metric cards and the progress charts.

export interface Band {
  low: number;
  high: number;
  unit: string;
}

export const BANDS = {
  // Comfortable listening pace for presentations and podcasts.
  pace: { low: 130, high: 170, unit: "words per minute" },
  // Pauses of a quarter second or more: a few each minute lets ideas land without breaking the flow.
  pauses: { low: 4, high: 12, unit: "pauses per minute" },
  // Spoken-word loudness targets, from podcasts (−16 LUFS) to broadcast (−23 LUFS).
  loudness: { low: -23, high: -16, unit: "LUFS" },
  // Spread of pitch; under 2 semitones sounds flat, past 6 sounds exaggerated.
  pitch: { low: 2, high: 6, unit: "semitones" },
} satisfies Record<string, Band>;

export type Measure = keyof typeof BANDS;

export type Verdict = "below" | "within" | "above";

/** Where a figure falls; a figure with a range counts as within when the range meets the band. */
export function verdictOf(band: Band, value: number, range?: { low: number; high: number }): Verdict {
  const low = range?.low ?? value;
  const high = range?.high ?? value;
  if (high < band.low) return "below";
  if (low > band.high) return "above";
  return "within";
}

const WORDS: Record<Measure, Record<Verdict, string>> = {
  pace: { below: "Slower than most listeners expect", within: "A comfortable pace", above: "Faster than most listeners can follow" },
  pauses: { below: "Few pauses: give ideas room to land", within: "Well paced with pauses", above: "Many pauses: the flow breaks up" },
  loudness: { below: "Quiet: listeners will turn it up", within: "Good loudness for listening", above: "Loud: it may sound harsh" },
  pitch: { below: "Flat: vary your pitch more", within: "Lively pitch", above: "Very wide pitch swings" },
};

export function verdictWords(measure: Measure, verdict: Verdict) {
  return WORDS[measure][verdict];
}

/** "130–170 words per minute" (a minus sign for negatives). */
export function bandText(band: Band) {
  return `${formatNumber(band.low)} to ${formatNumber(band.high)} ${band.unit}`;
}

export function formatNumber(value: number, digits = 0) {
  return value.toFixed(digits).replace("-", "−");
}
