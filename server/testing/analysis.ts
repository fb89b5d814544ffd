import type { AnalysisMetrics } from "../analysis/types";
import { encodeWaveform } from "../analysis/waveform-codec";
import { db } from "../db/client";
import { PEAKS_PER_SECOND, realisticMetrics, waveformFor } from "./analysis-metrics";

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
