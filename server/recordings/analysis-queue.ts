import "server-only";
import { ANALYSIS_VERSION } from "../analysis/analyze";
import { Prisma } from "../generated/prisma/client";
import { jobSender, type JobSender } from "../jobs/boss";

/** The analysis version a new request asks for: the analyser's own. */
const REQUESTED_ANALYSIS_VERSION = ANALYSIS_VERSION;

/**
 * Hands a recording whose pending analysis row was just written to the job queue, inside the
 * caller's transaction so the row and the job exist together or not at all. The queue keeps one
 * waiting job per recording, so asking twice queues it once.
 */
export async function enqueueAnalysis(
  tx: Prisma.TransactionClient,
  recordingId: string,
  jobs: JobSender = jobSender,
): Promise<void> {
  await jobs.send(tx, "analysis.run", [{ data: { recordingId }, singletonKey: recordingId }]);
}

const PENDING_AT_CURRENT_VERSION = {
  status: "pending",
  version: REQUESTED_ANALYSIS_VERSION,
  failureReason: null,
  attempts: 0,
  metrics: Prisma.DbNull,
  waveform: null,
  peaksPerSecond: null,
  wordsPerMinute: null,
  pausesPerMinute: null,
  pitchVariationSemitones: null,
  integratedLufs: null,
  startedAt: null,
  finishedAt: null,
} as const;

/**
 * Writes a pending analysis at the current version, replacing whatever the recording had, and
 * queues its job, both in the caller's transaction.
 */
export async function startAnalysis(tx: Prisma.TransactionClient, recordingId: string, jobs?: JobSender) {
  await tx.recordingAnalysis.upsert({
    where: { recordingId },
    create: { recordingId, ...PENDING_AT_CURRENT_VERSION },
    update: PENDING_AT_CURRENT_VERSION,
  });
  await enqueueAnalysis(tx, recordingId, jobs);
}
