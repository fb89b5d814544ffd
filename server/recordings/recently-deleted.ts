import "server-only";
import { AppError } from "../errors";
import { RecordingStatus } from "../generated/prisma/enums";
import { deleteForever } from "./deletion";
import type { Services } from "./services";
import { adjustUsage } from "./usage";
import { recordingSummarySelect, toSummary } from "./view";

const DAY_MS = 24 * 3600 * 1000;

/**
 * What the owner's delete does: a READY recording moves to "Recently deleted" (hidden from every
 * list and from coaches at once, audio, analysis and comments kept) until the retention period
 * ends; anything else, or every recording when the period is 0, is deleted for good. Deleting a
 * recording already there changes nothing, so a repeated click never destroys it.
 */
export async function requestDeletion(services: Services, recordingId: string) {
  const { db, now, settings } = services;
  if (settings.deletedRetentionDays > 0) {
    const trashed = await db.recording.updateMany({
      where: { id: recordingId, status: RecordingStatus.READY },
      data: {
        status: RecordingStatus.TRASHED,
        trashedAt: now(),
        purgeAt: new Date(now().getTime() + settings.deletedRetentionDays * DAY_MS),
      },
    });
    if (trashed.count > 0) return;
    const row = await db.recording.findUnique({ where: { id: recordingId }, select: { status: true } });
    if (row?.status === RecordingStatus.TRASHED) return;
  }
  await deleteForever(services, recordingId);
}

export async function listRecentlyDeleted({ db }: Services, ownerId: string) {
  const rows = await db.recording.findMany({
    where: { ownerId, status: RecordingStatus.TRASHED },
    orderBy: [{ trashedAt: "desc" }, { id: "desc" }],
    select: { ...recordingSummarySelect, trashedAt: true, purgeAt: true },
  });
  return rows.map(({ trashedAt, purgeAt, ...row }) => ({ ...toSummary(row), trashedAt: trashedAt!, purgeAt: purgeAt! }));
}

const GONE = "This recording is no longer in Recently deleted.";

/** Puts a recently deleted recording back in history exactly as it was. */
export async function restoreRecording({ db }: Services, ownerId: string, recordingId: string) {
  // The status check and the change are one statement, so a purge running at the same moment
  // either wins (and the restore is refused) or loses (and finds nothing to purge).
  const restored = await db.recording.updateMany({
    where: { id: recordingId, ownerId, status: RecordingStatus.TRASHED },
    data: { status: RecordingStatus.READY, trashedAt: null, purgeAt: null },
  });
  if (restored.count === 0) throw new AppError("NOT_FOUND", GONE);
}

/** "Delete forever" from Recently deleted: the durable deletion, at once. */
export async function deleteRecentlyDeletedForever(services: Services, ownerId: string, recordingId: string) {
  const row = await services.db.recording.findFirst({
    where: { id: recordingId, ownerId, status: RecordingStatus.TRASHED },
    select: { id: true },
  });
  if (!row) throw new AppError("NOT_FOUND", GONE);
  await deleteForever(services, row.id);
}

/**
 * Recordings whose time in Recently deleted is over go to the durable deletion: marked DELETING
 * here (claimed with SKIP LOCKED, so workers share the batch), their audio removed by
 * retryDueDeletions, which retries for as long as S3 needs.
 */
export async function purgeRecentlyDeleted({ db, now }: Services, batchSize = 100) {
  // Trashed bytes count against the quota until this moment, so they are released here.
  const purged = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ ownerId: string; sizeBytes: number | null }[]>`
      update recording
      set status = 'DELETING', "deleteRequestedAt" = ${now()}, "nextDeleteAttemptAt" = ${now()}
      where id in (
        select id from recording
        where status = 'TRASHED' and "purgeAt" <= ${now()}
        order by "purgeAt"
        limit ${batchSize}
        for update skip locked
      )
      returning "ownerId", "sizeBytes"`;
    for (const row of rows) await adjustUsage(tx, row.ownerId, -(row.sizeBytes ?? 0));
    return rows.length;
  });
  return { purged };
}
