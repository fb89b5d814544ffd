import type { AnalysisMetrics, TimeSpan } from "../analysis/types";
import { encodeWaveform } from "../analysis/waveform-codec";
import { db } from "../db/client";

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

type Row =
  | { status: "pending" | "running" }
  | { status: "failed"; failureReason: string }
  | { status: "done"; metrics?: AnalysisMetrics };

/** Writes a recording's analysis row the way the analysis job does. */
export async function storeAnalysis(recordingId: string, row: Row, version = 1) {
  const metrics = row.status === "done" ? (row.metrics ?? realisticMetrics()) : null;
  const data = {
    status: row.status,
    version,
    failureReason: row.status === "failed" ? row.failureReason : null,
    ...(metrics && {
      metrics: metrics as object,
      waveform: encodeWaveform(waveformFor(metrics)),
      peaksPerSecond: PEAKS_PER_SECOND,
      wordsPerMinute: metrics.wordsPerMinute.estimate,
      pausesPerMinute: metrics.pauses.perMinute,
      pitchVariationSemitones: metrics.pitch.variationSemitones,
      integratedLufs: metrics.loudness.integratedLufs,
    }),
  };
  await db.recordingAnalysis.upsert({ where: { recordingId }, create: { recordingId, ...data }, update: data });
}

/** A recording row written straight to the database, as old recordings and tests have them. */
export async function insertRecording(
  ownerId: string,
  { title = "Talk", createdAt = new Date(), status = "READY" as const, withAudio = true }: {
    title?: string;
    createdAt?: Date;
    status?: "READY" | "PENDING" | "FAILED" | "DELETING";
    withAudio?: boolean;
  } = {},
) {
  const id = crypto.randomUUID();
  await db.recording.create({
    data: {
      id,
      ownerId,
      title,
      status,
      createdAt,
      ...(withAudio && { fileKey: `users/${ownerId}/recordings/${id}/audio.wav`, contentType: "audio/wav" }),
    },
    select: { id: true },
  });
  return id;
}
