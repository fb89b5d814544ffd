import "server-only";
import { Prisma } from "../generated/prisma/client";
import { RecordingStatus } from "../generated/prisma/enums";
import { logger } from "../log";
import type { Services } from "./services";
import { adjustUsage } from "./usage";
import { QUOTA_STATUSES } from "./view";

const FIRST_RETRY_SECONDS = 30;
const MAX_RETRY_SECONDS = 3600;
// Once its job is queued a deletion is not due again for this long, so the scan does not queue it
// twice; should the job be lost (dead-lettered), the lease lapses and the scan queues it again.
const QUEUED_LEASE_SECONDS = 600;

export function retryDelaySeconds(attempts: number) {
  return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Takes the recording out of every list at once; the audio is removed now if S3 answers, or by
 * the deletion retries later. Repeating it is harmless.
 */
export async function deleteForever(services: Services, recordingId: string) {
  const { db, now } = services;
  const marked = await db.$transaction(async (tx) => {
    // The row lock keeps a concurrent confirm or expiry from changing the status under us.
    const [row] = await tx.$queryRaw<{ ownerId: string; status: RecordingStatus; sizeBytes: number | null }[]>`
      select "ownerId", status, "sizeBytes" from recording where id = ${recordingId}::uuid for update`;
    if (!row || row.status === RecordingStatus.DELETING || row.status === RecordingStatus.DELETED) return false;
    await tx.recording.update({
      where: { id: recordingId },
      data: { status: RecordingStatus.DELETING, deleteRequestedAt: now(), nextDeleteAttemptAt: now() },
      select: { id: true },
    });
    if (QUOTA_STATUSES.includes(row.status)) await adjustUsage(tx, row.ownerId, -(row.sizeBytes ?? 0));
    return true;
  });
  if (!marked) return;
  await attemptDeletion(services, recordingId);
}

/** One try at removing the audio; on success the row becomes a tombstone. */
export async function attemptDeletion(services: Services, recordingId: string): Promise<boolean> {
  const { db, storage, now } = services;
  const row = await db.recording.findUnique({
    where: { id: recordingId },
    select: { status: true, fileKey: true, deleteAttempts: true },
  });
  if (row?.status !== RecordingStatus.DELETING) return false;
  try {
    if (row.fileKey) await storage.delete(row.fileKey);
  } catch (error) {
    const attempts = row.deleteAttempts + 1;
    await db.recording.update({
      where: { id: recordingId },
      data: {
        deleteAttempts: attempts,
        nextDeleteAttemptAt: new Date(now().getTime() + retryDelaySeconds(attempts) * 1000),
        lastDeleteError: error instanceof Error ? error.message.slice(0, 500) : String(error),
      },
    });
    logger.warn({ recordingId, attempts }, "audio deletion failed; will retry");
    return false;
  }
  // The tombstone keeps nothing measured from the voice either.
  await db.recordingAnalysis.deleteMany({ where: { recordingId } });
  await db.recording.update({
    where: { id: recordingId },
    data: {
      status: RecordingStatus.DELETED,
      deletedAt: now(),
      fileKey: null,
      title: "",
      transcript: null,
      analysis: Prisma.DbNull,
      nextDeleteAttemptAt: null,
      lastDeleteError: null,
    },
  });
  return true;
}

/**
 * Queues a `deletions.run` job for each deletion whose next attempt is due, and in the same
 * transaction pushes its next attempt past the lease. Runs as the `deletions.scan` job, one at a
 * time (see server/jobs/queues.ts); the jobs themselves spread over every worker.
 */
export async function queueDueDeletions(services: Services, batchSize = 500) {
  const { db, now, jobs } = services;
  return db.$transaction(async (tx) => {
    const due = await tx.recording.findMany({
      where: { status: RecordingStatus.DELETING, nextDeleteAttemptAt: { lte: now() } },
      select: { id: true },
      orderBy: { nextDeleteAttemptAt: "asc" },
      take: batchSize,
    });
    const ids = due.map((row) => row.id);
    await tx.recording.updateMany({
      where: { id: { in: ids } },
      data: { nextDeleteAttemptAt: new Date(now().getTime() + QUEUED_LEASE_SECONDS * 1000) },
    });
    await jobs.send(tx, "deletions.run", ids.map((recordingId) => ({ data: { recordingId } })));
    return { queued: ids.length };
  });
}
