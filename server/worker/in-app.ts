import "server-only";
import { env } from "../env";
import { startWorker } from ".";

if (env.WORKER_ENABLED) {
  const stop = startWorker();
  process.once("SIGTERM", () => void stop());
}
