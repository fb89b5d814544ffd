// What each queue's jobs do. Declared queues live in ./queues.ts; add a queue there and its
// handler here. A handler returns what the job produced (kept as the job's output) or throws to
// fail the job, which pg-boss then retries with the queue's backoff.
import "server-only";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { pruneAuditLog } from "../audit/retention";
import { clearExpiredRateLimits } from "../limits/rate-limits";
import { rollUpDailyUsage } from "../operations/daily-usage";
import { compressDueRecordings } from "../recordings/compression";
import { attemptDeletion, queueDueDeletions } from "../recordings/deletion";
import { deleteDueObjects } from "../recordings/object-deletions";
import { purgeRecentlyDeleted } from "../recordings/recently-deleted";
import type { Services } from "../recordings/services";
import { runAnalysis } from "./analysis";
import type { QueueName } from "./queues";
import { applyRetention } from "./retention";
import { expireUpload, queueAbandonedUploads, sweepOrphanObjects, type SweepSettings } from "./sweeper";

export interface JobSettings extends SweepSettings {
  retentionDays?: number;
  auditRetentionDays?: number;
}

export type Job = PgBoss.JobWithMetadata<unknown>;
export type JobHandler = (job: Job) => Promise<object>;

const recordingJob = z.object({ recordingId: z.uuid() });

export function jobHandlers(services: Services, settings: JobSettings): Partial<Record<QueueName, JobHandler>> {
  const recordingIdOf = (job: Job) => recordingJob.parse(job.data).recordingId;
  return {
    "deletions.scan": () => queueDueDeletions(services),
    "deletions.run": async (job) => ({ deleted: await attemptDeletion(services, recordingIdOf(job)) }),
    "uploads.expire-scan": () => queueAbandonedUploads(services, settings),
    "uploads.expire": (job) => expireUpload(services, recordingIdOf(job)),
    "orphans.sweep": () => sweepOrphanObjects(services, settings),
    "retention.scan": async () =>
      settings.retentionDays ? applyRetention(services, settings.retentionDays) : { skipped: "retention is off" },
    "analysis.run": (job) => runAnalysis(services, job, recordingIdOf(job)),
    "recently-deleted.purge": () => purgeRecentlyDeleted(services),
    "objects.delete-due": () => deleteDueObjects(services),
    "compression.scan": () => compressDueRecordings(services),
    "rate-limits.clean": async () => ({ cleared: await clearExpiredRateLimits(services.db, services.now()) }),
    "usage.rollup": () => rollUpDailyUsage(services.db, services.now()),
    "audit.prune": async () =>
      settings.auditRetentionDays
        ? { deleted: await pruneAuditLog(services.db, services.now(), settings.auditRetentionDays) }
        : { skipped: "audit retention is off" },
  };
}
