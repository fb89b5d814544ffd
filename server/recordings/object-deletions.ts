import "server-only";
import { logger } from "../log";
import { retryDelaySeconds } from "./deletion";
import type { Services } from "./services";

const CLAIM_SECONDS = 120;

/**
 * Deletes objects whose deletion was scheduled (an original replaced by its compressed audio,
 * kept until every playback URL signed for it has expired). Claimed with SKIP LOCKED and a lease
 * like the recording deletions; a failure is retried with the same backoff.
 */
export async function deleteDueObjects(services: Services, batchSize = 50) {
  const { db, storage, now } = services;
  const claimedUntil = new Date(now().getTime() + CLAIM_SECONDS * 1000);
  const claimed = await db.$queryRaw<{ key: string; attempts: number }[]>`
    update object_deletion set "deleteAfter" = ${claimedUntil}
    where key in (
      select key from object_deletion
      where "deleteAfter" <= ${now()}
      order by "deleteAfter"
      limit ${batchSize}
      for update skip locked
    )
    returning key, attempts`;
  let deleted = 0;
  for (const { key, attempts } of claimed) {
    try {
      await storage.delete(key);
      await db.objectDeletion.delete({ where: { key } });
      deleted += 1;
    } catch (error) {
      await db.objectDeletion.update({
        where: { key },
        data: {
          attempts: attempts + 1,
          deleteAfter: new Date(now().getTime() + retryDelaySeconds(attempts + 1) * 1000),
          lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
        },
      });
      logger.warn({ key, attempts: attempts + 1 }, "scheduled object deletion failed; will retry");
    }
  }
  return { attempted: claimed.length, deleted };
}
