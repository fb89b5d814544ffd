import "server-only";
import { clearExpiredRateLimits } from "../limits/rate-limits";
import { logger } from "../log";
import { retryDueDeletions } from "../recordings/deletion";
import type { Services } from "../recordings/services";
import { applyRetention } from "./retention";
import { expireAbandonedUploads, sweepOrphanObjects, type SweepSettings } from "./sweeper";

export interface WorkerSettings extends SweepSettings {
  retentionDays?: number;
}

/**
 * One pass over every job. Each job runs on its own: one failing (S3 or the database away) is
 * logged and the others still run; whatever it did not finish is picked up by the next pass.
 */
export async function runWorkerCycle(services: Services, settings: WorkerSettings) {
  const jobs = {
    deletions: () => retryDueDeletions(services),
    expiredUploads: () => expireAbandonedUploads(services, settings),
    orphans: () => sweepOrphanObjects(services, settings),
    retention: () =>
      settings.retentionDays ? applyRetention(services, settings.retentionDays) : Promise.resolve(null),
    rateLimits: () => clearExpiredRateLimits(services.db, services.now()),
  };
  const results: Record<string, unknown> = {};
  for (const [name, job] of Object.entries(jobs)) {
    try {
      results[name] = await job();
    } catch (error) {
      results[name] = { error: error instanceof Error ? error.message : String(error) };
      logger.warn({ err: error, job: name }, "worker job failed; it will run again next cycle");
    }
  }
  return results;
}
