import "server-only";
import { RecordingStatus } from "../generated/prisma/enums";
import { logger } from "../log";
import { metrics } from "../metrics/metrics";
import type { Services } from "../recordings/services";
import { adjustUsage } from "../recordings/usage";
import { parseAudioKey, USERS_PREFIX } from "../storage/keys";

export interface SweepSettings {
  /** How long past its upload window, or since it landed, an object is left alone. */
  graceSeconds: number;
  /** The most objects one run lists, so a huge bucket is swept over several runs. */
  maxObjectsPerRun: number;
}

const EXPIRED_REASON = "The upload did not finish in time.";

/**
 * Queues an `uploads.expire` job for each PENDING recording whose upload window (plus the grace
 * period) has passed. The queue keeps one waiting job per recording, so scanning again before the
 * jobs ran queues nothing twice.
 */
export async function queueAbandonedUploads(services: Services, settings: SweepSettings, batchSize = 500) {
  const { db, now, jobs } = services;
  const cutoff = new Date(now().getTime() - settings.graceSeconds * 1000);
  const abandoned = await db.recording.findMany({
    where: { status: RecordingStatus.PENDING, uploadExpiresAt: { lt: cutoff } },
    select: { id: true },
    orderBy: { uploadExpiresAt: "asc" },
    take: batchSize,
  });
  await jobs.send(
    db,
    "uploads.expire",
    abandoned.map(({ id }) => ({ data: { recordingId: id }, singletonKey: id })),
  );
  return { queued: abandoned.length };
}

/**
 * Expires one abandoned upload and deletes anything at its key. Only the job that moves the row
 * out of PENDING touches the object, so a repeated job does nothing.
 */
export async function expireUpload(services: Services, recordingId: string) {
  const { db, storage } = services;
  const expired = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ fileKey: string | null; ownerId: string; sizeBytes: number | null }[]>`
      update recording set status = 'EXPIRED', "failureReason" = ${EXPIRED_REASON}
      where id = ${recordingId}::uuid and status = 'PENDING'
      returning "fileKey", "ownerId", "sizeBytes"`;
    if (row) await adjustUsage(tx, row.ownerId, -(row.sizeBytes ?? 0));
    return row;
  });
  if (expired) metrics.uploadsExpired.inc();
  if (!expired?.fileKey) return { expired: Boolean(expired), objectDeleted: false };
  // A failure here leaves an object with no live row: the orphan sweep removes it later.
  const objectDeleted = await storage.delete(expired.fileKey).then(
    () => true,
    (error: unknown) => {
      logger.warn({ err: error, fileKey: expired.fileKey }, "could not delete an expired upload yet");
      return false;
    },
  );
  return { expired: true, objectDeleted };
}

const CURSOR = "orphan-sweep-cursor";
const LIVE_STATUSES: RecordingStatus[] = [RecordingStatus.PENDING, RecordingStatus.READY, RecordingStatus.TRASHED];

/**
 * Deletes objects under users/ that no PENDING or READY recording points at (left by a crash
 * between steps, or by a delete that failed), once they are older than the grace period. Lists at
 * most maxObjectsPerRun keys per run, continuing where the previous run stopped. Runs as the
 * `orphans.sweep` job, whose queue lets one run at a time, so the cursor has a single writer.
 */
export async function sweepOrphanObjects(services: Services, settings: SweepSettings) {
  const { db, storage, now } = services;
  const cutoff = new Date(now().getTime() - settings.graceSeconds * 1000);
  const cursor = await db.workerState.findUnique({ where: { name: CURSOR }, select: { value: true } });
  let token = cursor?.value ?? undefined;
  let listed = 0;
  let deleted = 0;
  do {
    const page = await storage.listPage(USERS_PREFIX, token, Math.min(1000, settings.maxObjectsPerRun - listed));
    listed += page.objects.length;
    token = page.nextAfter;
    const old = page.objects.filter((object) => object.lastModified < cutoff);
    const oldKeys = old.map((object) => object.key);
    const [liveRows, scheduled] = await Promise.all([
      db.recording.findMany({ where: { fileKey: { in: oldKeys }, status: { in: LIVE_STATUSES } }, select: { fileKey: true } }),
      // Replaced originals wait for their playback URLs to expire; their deletion is booked.
      db.objectDeletion.findMany({ where: { key: { in: oldKeys } }, select: { key: true } }),
    ]);
    const live = new Set<string | null>([...liveRows.map((row) => row.fileKey), ...scheduled.map((row) => row.key)]);
    for (const object of old) {
      if (live.has(object.key)) continue;
      if (!parseAudioKey(object.key)) logger.warn({ key: object.key }, "unexpected key under users/");
      await storage.delete(object.key);
      deleted += 1;
      metrics.orphansRemoved.inc();
    }
  } while (token && listed < settings.maxObjectsPerRun);

  await db.workerState.upsert({
    where: { name: CURSOR },
    create: { name: CURSOR, value: token ?? null },
    update: { value: token ?? null },
  });
  return { listed, deleted, finishedPass: !token };
}
