import "server-only";

// Nuclei per word and per syllable fall as speech gets faster (close syllables merge into one
// intensity peak), so both are straight lines in the nuclei rate (nuclei per minute of speaking
// time), clamped to the rates calibration saw. Fitted by `npm run analysis:eval` on the calibration
// split (clips 1 and 3, clean, noisy and at 0.85× and 1.2×), run of 2026-11-25 with
// ANALYSIS_VERSION 2. The error bands are the worst relative errors, rounded up, of the held-out
// report split (clips 2, 4 and 5, 30 recordings) in the run with these lines: every estimate was
// between 11.1 % under and 0 % over the truth (syllables: 12.2 % under, 0 % over).
interface RateLine {
  intercept: number;
  slope: number;
  minRate: number;
  maxRate: number;
}

export const NUCLEI_PER_WORD: RateLine = { intercept: 1.9206, slope: -2.5863e-3, minRate: 225, maxRate: 284 };
export const NUCLEI_PER_SYLLABLE: RateLine = { intercept: 1.3828, slope: -1.8621e-3, minRate: 225, maxRate: 284 };
export const WORDS_PER_MINUTE_ERROR = { under: 0.112, over: 0 };
export const SYLLABLES_PER_MINUTE_ERROR = { under: 0.123, over: 0 };

export function nucleiPer(line: RateLine, nucleiPerMinute: number): number {
  const rate = Math.min(line.maxRate, Math.max(line.minRate, nucleiPerMinute));
  return line.intercept + line.slope * rate;
}
