import "server-only";
import type { Db } from "../db/client";

/**
 * The only code allowed to delete audit rows: it tells the table's trigger, for this transaction
 * only, that the retention job is at work (see the operations_audit_usage migration).
 */
export async function pruneAuditLog(db: Db, now: Date, retentionDays: number) {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  const [, deleted] = await db.$transaction([
    db.$executeRaw`select set_config('speech_coach.audit_retention', 'on', true)`,
    db.$executeRaw`delete from audit_event where at < ${cutoff}`,
  ]);
  return deleted;
}
