import "server-only";
import { deleteForever } from "../recordings/deletion";
import type { Services } from "../recordings/services";
import { VISIBLE_STATUSES } from "../recordings/view";

/** Deletes recordings older than the retention period through the usual deletion path. */
export async function applyRetention(services: Services, retentionDays: number, batchSize = 100) {
  const cutoff = new Date(services.now().getTime() - retentionDays * 24 * 3600 * 1000);
  const old = await services.db.recording.findMany({
    where: { createdAt: { lt: cutoff }, status: { in: VISIBLE_STATUSES } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: batchSize,
  });
  for (const { id } of old) await deleteForever(services, id);
  return { deleted: old.length };
}
