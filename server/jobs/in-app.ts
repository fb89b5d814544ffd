import "server-only";
import { env } from "../env";
import { logger } from "../log";
import { startWorker } from ".";

if (env.WORKER_ENABLED) {
  // The app serves requests even if the worker cannot start (the database away at boot): jobs
  // wait in their queues for this or another worker.
  startWorker().then(
    (stop) => process.once("SIGTERM", () => void stop()),
    (error: unknown) => logger.error({ err: error }, "background worker did not start"),
  );
}
