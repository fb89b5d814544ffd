import "server-only";
import type { AnalysisMetrics } from "../analysis/types";
import { decodeWaveform } from "../analysis/waveform-codec";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

/**
 * What `recording.analysis` answers. "none" means the recording has no analysis row at all (made
 * before analysis existed, or never confirmed): the owner may ask for one with
 * `recording.requestAnalysis` when `canRequest` is true.
 */
type AnalysisStatusView = "none" | "pending" | "running" | "done" | "failed";

const analysisSelect = {
  status: true,
  version: true,
  failureReason: true,
  metrics: true,
  waveform: true,
  peaksPerSecond: true,
} satisfies Prisma.RecordingAnalysisSelect;

type AnalysisRow = Prisma.RecordingAnalysisGetPayload<{ select: typeof analysisSelect }>;

// A byte per value is stored; three decimals carry all of it and keep the JSON small.
const roundPeak = (value: number) => Math.round(value * 1000) / 1000;

function toAnalysisView(row: AnalysisRow | null) {
  if (!row) return { status: "none" as AnalysisStatusView, version: null };
  const done = row.status === "done";
  return {
    status: row.status as AnalysisStatusView,
    version: row.version as number | null,
    ...(row.status === "failed" && { failureReason: row.failureReason ?? "The analysis could not be completed." }),
    // The analysis job writes exactly this shape (server/analysis/types.ts).
    ...(done && row.metrics !== null && { metrics: row.metrics as unknown as AnalysisMetrics }),
    ...(done &&
      row.waveform !== null &&
      row.peaksPerSecond !== null && {
        waveform: { peaks: decodeWaveform(row.waveform).map(roundPeak), peaksPerSecond: row.peaksPerSecond },
      }),
  };
}

export async function getAnalysis(db: Db, recordingId: string) {
  const row = await db.recordingAnalysis.findUnique({ where: { recordingId }, select: analysisSelect });
  return toAnalysisView(row);
}

export type AnalysisView = ReturnType<typeof toAnalysisView>;

const SPARKLINE_POINTS = 48;

/**
 * The loudness envelope of interleaved min/max pairs in `points` buckets, each the largest
 * magnitude in its bucket (0..1, two decimals): enough for a card's small waveform.
 */
export function sparkline(peaks: readonly number[], points = SPARKLINE_POINTS): number[] {
  const pairs = Math.floor(peaks.length / 2);
  if (pairs === 0) return [];
  const buckets = Math.min(points, pairs);
  return Array.from({ length: buckets }, (_, bucket) => {
    const from = Math.floor((bucket * pairs) / buckets);
    const to = Math.floor(((bucket + 1) * pairs) / buckets);
    let largest = 0;
    for (let pair = from; pair < to; pair += 1) {
      largest = Math.max(largest, Math.abs(peaks[pair * 2]!), Math.abs(peaks[pair * 2 + 1]!));
    }
    return Math.round(largest * 100) / 100;
  });
}

const summarySelect = {
  recordingId: true,
  status: true,
  wordsPerMinute: true,
  pausesPerMinute: true,
  waveform: true,
} satisfies Prisma.RecordingAnalysisSelect;

/** Adds each recording's analysis summary for the history cards, in one query for the page. */
export async function withAnalysisSummary<T extends { id: string }>(db: Db, items: T[]) {
  const rows = items.length
    ? await db.recordingAnalysis.findMany({
        where: { recordingId: { in: items.map((item) => item.id) } },
        select: summarySelect,
      })
    : [];
  const byRecording = new Map(rows.map((row) => [row.recordingId, row]));
  return items.map((item) => {
    const row = byRecording.get(item.id);
    const done = row?.status === "done";
    return {
      ...item,
      analysis: row
        ? {
            status: row.status as Exclude<AnalysisStatusView, "none">,
            wordsPerMinute: done ? row.wordsPerMinute : null,
            pausesPerMinute: done ? row.pausesPerMinute : null,
            sparkline: done && row.waveform ? sparkline(decodeWaveform(row.waveform)) : [],
          }
        : null,
    };
  });
}
