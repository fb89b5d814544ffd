import "server-only";
import type { Db } from "../db/client";

/**
 * Jobs waiting (created or retrying) and running in each pg-boss queue, read from its table, so
 * every instance reports the same numbers. Queues with nothing waiting are absent.
 */
export async function jobQueueDepths(db: Db) {
  const rows = await db.$queryRaw<{ queue: string; waiting: number; active: number }[]>`
    select name as queue,
      count(*) filter (where state in ('created', 'retry'))::int as waiting,
      count(*) filter (where state = 'active')::int as active
    from pgboss.job
    where state in ('created', 'retry', 'active')
    group by name`;
  return rows;
}
