import "server-only";
import { env } from "../env";
import { logger } from "../log";
import { servicesFromEnv } from "../services";
import type { JobSettings } from "./handlers";
import { JobRuntime } from "./runtime";

const jobSettings: JobSettings = {
  graceSeconds: env.ORPHAN_GRACE_SECONDS,
  maxObjectsPerRun: env.SWEEP_MAX_OBJECTS_PER_RUN,
  retentionDays: env.RECORDING_RETENTION_DAYS,
  auditRetentionDays: env.AUDIT_RETENTION_DAYS,
};

/** Starts a worker on the app's database and services; resolves to its stop function. */
export async function startWorker() {
  const runtime = new JobRuntime({
    connectionString: env.DATABASE_URL,
    supervise: true,
    pollingIntervalSeconds: env.WORKER_POLL_SECONDS,
  });
  await runtime.start();
  await runtime.work(servicesFromEnv(), jobSettings);
  logger.info({ pollingIntervalSeconds: env.WORKER_POLL_SECONDS }, "background worker started");
  return () => runtime.stop();
}
