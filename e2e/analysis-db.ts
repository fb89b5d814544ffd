// Writes analysis rows straight into the e2e database, as the analysis job would.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { E2E_ENV } from "../playwright.config";
import type { AnalysisMetrics } from "../server/analysis/types";
import { PEAKS_PER_SECOND, realisticMetrics, waveformFor } from "../server/testing/analysis-metrics";

const pool = new pg.Pool({
  connectionString: `postgresql://postgres:postgres@127.0.0.1:${E2E_ENV.EMBEDDED_POSTGRES_PORT}/speech_coach`,
  max: 2,
});

/** The stored form: a signed byte per value (server/analysis/waveform-codec.ts). */
const encode = (peaks: number[]) => Buffer.from(Int8Array.from(peaks, (value) => Math.round(value * 127)).buffer);

type Row = { status: "pending" | "running" } | { status: "failed"; failureReason: string } | { status: "done"; metrics?: AnalysisMetrics };

export async function storeAnalysis(recordingId: string, row: Row) {
  const metrics = row.status === "done" ? (row.metrics ?? realisticMetrics()) : null;
  await pool.query(
    `insert into recording_analysis ("recordingId", status, version, "failureReason", metrics, waveform, "peaksPerSecond",
       "wordsPerMinute", "pausesPerMinute", "pitchVariationSemitones", "integratedLufs", "updatedAt")
     values ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10, now())
     on conflict ("recordingId") do update set status = excluded.status, "failureReason" = excluded."failureReason",
       metrics = excluded.metrics, waveform = excluded.waveform, "peaksPerSecond" = excluded."peaksPerSecond",
       "wordsPerMinute" = excluded."wordsPerMinute", "pausesPerMinute" = excluded."pausesPerMinute",
       "pitchVariationSemitones" = excluded."pitchVariationSemitones", "integratedLufs" = excluded."integratedLufs", "updatedAt" = now()`,
    [
      recordingId,
      row.status,
      row.status === "failed" ? row.failureReason : null,
      metrics && JSON.stringify(metrics),
      metrics && encode(waveformFor(metrics)),
      metrics && PEAKS_PER_SECOND,
      metrics?.wordsPerMinute.estimate ?? null,
      metrics?.pauses.perMinute ?? null,
      metrics?.pitch.variationSemitones ?? null,
      metrics?.loudness.integratedLufs ?? null,
    ],
  );
}

export async function dropAnalysis(recordingId: string) {
  await pool.query(`delete from recording_analysis where "recordingId" = $1`, [recordingId]);
}

async function userIdOf(email: string) {
  const { rows } = await pool.query<{ id: string }>(`select id from "user" where email = $1`, [email]);
  return rows[0]!.id;
}

/** Analysed recordings from before audio was stored, one a day ending yesterday, oldest first. */
export async function seedAnalysedHistory(email: string, figures: { title: string; metrics: AnalysisMetrics }[]) {
  const ownerId = await userIdOf(email);
  for (const [index, { title, metrics }] of figures.entries()) {
    const id = randomUUID();
    const daysAgo = figures.length - index;
    await pool.query(
      `insert into recording (id, "ownerId", title, status, "durationMs", "createdAt") values ($1, $2, $3, 'READY', $4, now() - make_interval(days => $5))`,
      [id, ownerId, title, metrics.durationMs, daysAgo],
    );
    await storeAnalysis(id, { status: "done", metrics });
  }
}

export async function linkCoach(coachEmail: string, studentEmail: string) {
  await pool.query(`insert into coach_student (id, "coachId", "studentId") values ($1, $2, $3)`, [
    randomUUID(),
    await userIdOf(coachEmail),
    await userIdOf(studentEmail),
  ]);
}
