import "server-only";
import { Prisma } from "../generated/prisma/client";
import { RecordingStatus } from "../generated/prisma/enums";
import { logger } from "../log";
import type { Services } from "./services";

const FIRST_RETRY_SECONDS = 30;
const MAX_RETRY_SECONDS = 3600;
// A claimed deletion is invisible to other workers for this long; a worker that dies mid-way
// simply lets the claim lapse and another picks the deletion up.
const CLAIM_SECONDS = 120;

export function retryDelaySeconds(attempts: number) {
  return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Takes the recording out of every list at once; the audio is removed now if S3 answers, or by
 * the deletion retries later. Repeating it is harmless.
 */
export async function requestDeletion(services: Services, recordingId: string) {
  const { db, now } = services;
  const marked = await db.recording.updateMany({
    where: { id: recordingId, status: { notIn: [RecordingStatus.DELETING, RecordingStatus.DELETED] } },
    data: {
      status: RecordingStatus.DELETING,
      deleteRequestedAt: now(),
      nextDeleteAttemptAt: now(),
    },
  });
  if (marked.count === 0) return;
  await attemptDeletion(services, recordingId);
}

/** One try at removing the audio; on success the row becomes a tombstone. */
async function attemptDeletion(services: Services, recordingId: string): Promise<boolean> {
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
 * Retries deletions whose next attempt is due. Each batch is claimed with SKIP LOCKED, so any
 * number of workers can run this at once without two of them taking the same recording.
 */
export async function retryDueDeletions(services: Services, batchSize = 50) {
  const { db, now } = services;
  const claimedUntil = new Date(now().getTime() + CLAIM_SECONDS * 1000);
  const claimed = await db.$queryRaw<{ id: string }[]>`
    update recording set "nextDeleteAttemptAt" = ${claimedUntil}
    where id in (
      select id from recording
      where status = 'DELETING' and "nextDeleteAttemptAt" <= ${now()}
      order by "nextDeleteAttemptAt"
      limit ${batchSize}
      for update skip locked
    )
    returning id`;
  let deleted = 0;
  for (const { id } of claimed) {
    if (await attemptDeletion(services, id)) deleted += 1;
  }
  return { attempted: claimed.length, deleted };
}
