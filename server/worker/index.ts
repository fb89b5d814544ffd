import "server-only";
import { env } from "../env";
import { logger } from "../log";
import { servicesFromEnv } from "../services";
import type { WorkerSettings } from "./cycle";
import { startWorkerLoop } from "./loop";

export const workerSettings: WorkerSettings = {
  graceSeconds: env.ORPHAN_GRACE_SECONDS,
  maxObjectsPerRun: env.SWEEP_MAX_OBJECTS_PER_RUN,
  retentionDays: env.RECORDING_RETENTION_DAYS,
};

export function startWorker() {
  logger.info({ intervalSeconds: env.WORKER_INTERVAL_SECONDS }, "background worker started");
  return startWorkerLoop(servicesFromEnv(), workerSettings, env.WORKER_INTERVAL_SECONDS);
}
