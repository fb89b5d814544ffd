import "server-only";
import { RecordingStatus } from "../generated/prisma/enums";
import { logger } from "../log";
import type { Services } from "../recordings/services";
import { parseAudioKey, USERS_PREFIX } from "../storage/keys";

export interface SweepSettings {
  /** How long past its upload window, or since it landed, an object is left alone. */
  graceSeconds: number;
  /** The most objects one run lists, so a huge bucket is swept over several runs. */
  maxObjectsPerRun: number;
}

const EXPIRED_REASON = "The upload did not finish in time.";

/**
 * PENDING recordings whose upload window (plus the grace period) has passed become EXPIRED and
 * lose any object at their key. The batch is claimed with SKIP LOCKED, so concurrent workers
 * split the work instead of repeating it.
 */
export async function expireAbandonedUploads(services: Services, settings: SweepSettings, batchSize = 100) {
  const { db, storage, now } = services;
  const cutoff = new Date(now().getTime() - settings.graceSeconds * 1000);
  const expired = await db.$queryRaw<{ id: string; fileKey: string | null }[]>`
    update recording set status = 'EXPIRED', "failureReason" = ${EXPIRED_REASON}
    where id in (
      select id from recording
      where status = 'PENDING' and "uploadExpiresAt" < ${cutoff}
      order by "uploadExpiresAt"
      limit ${batchSize}
      for update skip locked
    )
    returning id, "fileKey"`;
  let objectsDeleted = 0;
  for (const { fileKey } of expired) {
    if (!fileKey) continue;
    // A failure here leaves an object with no live row: the orphan sweep removes it next time.
    await storage.delete(fileKey).then(
      () => (objectsDeleted += 1),
      (error: unknown) => logger.warn({ err: error, fileKey }, "could not delete an expired upload yet"),
    );
  }
  return { expired: expired.length, objectsDeleted };
}

const CURSOR = "orphan-sweep-cursor";
const LIVE_STATUSES: RecordingStatus[] = [RecordingStatus.PENDING, RecordingStatus.READY];

/**
 * Deletes objects under users/ that no PENDING or READY recording points at (left by a crash
 * between steps, or by a delete that failed), once they are older than the grace period. Lists at
 * most maxObjectsPerRun keys per run, continuing where the previous run stopped; one worker at a
 * time holds the cursor row, the others skip the job.
 */
export async function sweepOrphanObjects(services: Services, settings: SweepSettings) {
  const { db, storage, now } = services;
  const cutoff = new Date(now().getTime() - settings.graceSeconds * 1000);
  return db.$transaction(
    async (tx) => {
      await tx.workerState.upsert({ where: { name: CURSOR }, create: { name: CURSOR }, update: {} });
      const [claimed] = await tx.$queryRaw<{ value: string | null }[]>`
        select value from worker_state where name = ${CURSOR} for update skip locked`;
      if (!claimed) return { skipped: true, listed: 0, deleted: 0, finishedPass: false };

      let token = claimed.value ?? undefined;
      let listed = 0;
      let deleted = 0;
      do {
        const page = await storage.listPage(
          USERS_PREFIX,
          token,
          Math.min(1000, settings.maxObjectsPerRun - listed),
        );
        listed += page.objects.length;
        token = page.nextAfter;
        const old = page.objects.filter((object) => object.lastModified < cutoff);
        const live = new Set(
          (
            await tx.recording.findMany({
              where: { fileKey: { in: old.map((object) => object.key) }, status: { in: LIVE_STATUSES } },
              select: { fileKey: true },
            })
          ).map((row) => row.fileKey),
        );
        for (const object of old) {
          if (live.has(object.key)) continue;
          if (!parseAudioKey(object.key)) logger.warn({ key: object.key }, "unexpected key under users/");
          await storage.delete(object.key);
          deleted += 1;
        }
      } while (token && listed < settings.maxObjectsPerRun);

      await tx.workerState.update({ where: { name: CURSOR }, data: { value: token ?? null } });
      return { skipped: false, listed, deleted, finishedPass: !token };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
