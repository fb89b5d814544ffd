// Every queue of the job system, declared once: its pg-boss policy, retries, expiry, dead letter
// and, for recurring work, its schedule. Handlers are registered in ./handlers.ts. This file is
// imported by the migration step (no app modules) so it must stay declarative.
import "server-only";
import type PgBoss from "pg-boss";

/** Where a job ends up after its last retry: kept (not worked) so people can see what failed. */
const DEAD_LETTERS = "dead-letters" as const;

interface QueueDefinition {
  options: Omit<PgBoss.Queue, "name">;
  /**
   * Jobs a worker takes per poll. pg-boss waits the polling interval between fetches even when
   * it found work, so short jobs come in batches; each job still succeeds or fails on its own.
   */
  batchSize?: number;
  /** Cron (UTC) for recurring work: pg-boss sends one job per tick, whichever instance is first. */
  cron?: string;
}

// A recurring scan: `stately` keeps at most one queued and one running, so scans never overlap
// across any number of workers and never pile up behind a slow one.
const scan = (cron: string, expireInSeconds = 300): QueueDefinition => ({
  cron,
  options: { policy: "stately", retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds, deadLetter: DEAD_LETTERS },
});

// One job per recording. Unexpected failures (the database away mid-job, a worker killed) retry
// with backoff, then go to the dead letters; the scans re-queue whatever is still due.
const perRecording = (policy: "standard" | "short", expireInSeconds: number, batchSize: number): QueueDefinition => ({
  batchSize,
  options: { policy, retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds, deadLetter: DEAD_LETTERS },
});

const QUEUES = {
  /** Finds DELETING recordings whose next attempt is due and queues a deletion for each. */
  "deletions.scan": scan("* * * * *"),
  /** One try at removing a deleted recording's audio; S3 failures back off on the row. */
  "deletions.run": perRecording("standard", 300, 20),
  /** Finds PENDING uploads past their window and grace period and queues their expiry. */
  "uploads.expire-scan": scan("* * * * *"),
  /** Expires one abandoned upload; `short` keeps one queued job per recording (singletonKey). */
  "uploads.expire": perRecording("short", 300, 20),
  /** Deletes objects no live recording points at, a bounded page per run, resuming next run. */
  "orphans.sweep": scan("* * * * *", 900),
  /** Deletes recordings older than RECORDING_RETENTION_DAYS through the deletion path. */
  "retention.scan": scan("17 * * * *", 900),
  /** Moves recordings whose time in Recently deleted is over to the durable deletion. */
  "recently-deleted.purge": scan("*/5 * * * *"),
  /** Deletes objects whose booked deletion is due (originals replaced by compressed audio). */
  "objects.delete-due": scan("* * * * *"),
  /** Compresses a few recordings stored above the bitrate threshold per run. */
  "compression.scan": scan("*/2 * * * *", 3600),
  /** Drops expired per-user request budgets. */
  "rate-limits.clean": scan("*/10 * * * *"),
  /** Writes today's row of the daily usage rollup (storage held, uploads, plays, bytes served). */
  "usage.rollup": scan("*/15 * * * *"),
  /** Removes audit events older than AUDIT_RETENTION_DAYS, the only deletion the log allows. */
  "audit.prune": scan("43 3 * * *", 900),
  /**
   * Analyses one recording (queued with the confirm that made it READY, by a request, or by the
   * backfill). `short`: one waiting job per recording. Batches of one: a job can take minutes.
   */
  "analysis.run": {
    batchSize: 1,
    options: { policy: "short", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 1800, deadLetter: DEAD_LETTERS },
  },
  [DEAD_LETTERS]: { options: { policy: "standard", retentionMinutes: 30 * 24 * 60 } },
} satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof QUEUES;

export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

export function cronOf(name: QueueName): string | undefined {
  return (QUEUES[name] as QueueDefinition).cron;
}

export function batchSizeOf(name: QueueName): number {
  return (QUEUES[name] as QueueDefinition).batchSize ?? 1;
}

/** Creates every queue and brings its settings up to date; safe to run again and concurrently. */
export async function declareQueues(boss: PgBoss) {
  // Dead letters first: the others name it and pg-boss checks the reference.
  const deadLettersFirst: QueueName[] = [DEAD_LETTERS, ...QUEUE_NAMES.filter((queue) => queue !== DEAD_LETTERS)];
  for (const name of deadLettersFirst) {
    const { options } = QUEUES[name] as QueueDefinition;
    await boss.createQueue(name, { name, ...options });
    await boss.updateQueue(name, { name, ...options });
  }
}
