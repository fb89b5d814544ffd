// The shape of a recording's analysis, shared by the analyser (server/analysis), the job that stores
// it and the API. Names and units are the public contract of `recording.analysis`.

import "server-only";

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

export interface AnalysisMetrics {
  durationMs: number;
  speakingMs: number;
  wordsPerMinute: { estimate: number; low: number; high: number };
  syllablesPerMinute: { estimate: number; low: number; high: number };
  /** Syllable nuclei found (both rates come from this count, calibrated). */
  syllableCount: number;
  pauses: {
    count: number;
    perMinute: number;
    totalMs: number;
    longestMs: number;
    /** Mean length of speech between pauses. */
    meanRunMs: number;
    items: TimeSpan[];
  };
  loudness: { integratedLufs: number | null; rangeLu: number | null; clippedRatio: number; snrDb: number | null };
  pitch: { medianHz: number | null; variationSemitones: number | null; monotone: TimeSpan[] };
}

export interface Waveform {
  /** Interleaved min/max pairs in -1..1: [min0, max0, min1, max1, ...]. */
  peaks: number[];
  /** Pairs per second of audio. */
  peaksPerSecond: number;
}

export interface AnalysisOutput {
  version: number;
  metrics: AnalysisMetrics;
  waveform: Waveform;
}
