// Plain data, no database: the browser suite seeds its analyses from these too.
import type { AnalysisMetrics, TimeSpan } from "../analysis/types";

export const PEAKS_PER_SECOND = 50;

/**
 * The metrics a 30-second talk at about 150 words per minute would get: four pauses, one monotone
 * stretch, loudness near the podcast target. Overrides replace top-level parts.
 */
export function realisticMetrics(overrides: Partial<AnalysisMetrics> = {}): AnalysisMetrics {
  const pauses: TimeSpan[] = [
    { startMs: 4_200, endMs: 4_650 },
    { startMs: 9_800, endMs: 10_900 },
    { startMs: 16_050, endMs: 16_420 },
    { startMs: 22_300, endMs: 23_100 },
  ];
  const totalMs = pauses.reduce((sum, pause) => sum + pause.endMs - pause.startMs, 0);
  return {
    durationMs: 30_000,
    speakingMs: 30_000 - totalMs - 900,
    wordsPerMinute: { estimate: 148, low: 131, high: 165 },
    syllablesPerMinute: { estimate: 262, low: 238, high: 286 },
    syllableCount: 113,
    pauses: {
      count: pauses.length,
      perMinute: 8,
      totalMs,
      longestMs: 1_100,
      meanRunMs: 5_100,
      items: pauses,
    },
    loudness: { integratedLufs: -19.4, rangeLu: 6.2, clippedRatio: 0.0001, snrDb: 31.5 },
    pitch: { medianHz: 182, variationSemitones: 2.9, monotone: [{ startMs: 11_000, endMs: 19_500 }] },
    ...overrides,
  };
}

/** Min/max pairs for the metrics' duration: speech-like bursts, near silence inside each pause. */
export function waveformFor(metrics: AnalysisMetrics, peaksPerSecond = PEAKS_PER_SECOND): number[] {
  const pairs = Math.round((metrics.durationMs / 1000) * peaksPerSecond);
  const peaks: number[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    const ms = (pair / peaksPerSecond) * 1000;
    const silent = metrics.pauses.items.some((pause) => ms >= pause.startMs && ms < pause.endMs);
    const level = silent ? 0.01 : 0.3 + 0.5 * Math.abs(Math.sin(pair / 3));
    peaks.push(-level, level);
  }
  return peaks;
}
