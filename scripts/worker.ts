// `npm run worker`: the background worker on its own, for deployments that run it apart from the
// app. Any number may run beside the app's own workers: jobs are claimed with SKIP LOCKED.
import "./local/load-env";
import { startWorker } from "../server/worker";

const stop = startWorker();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stop().then(() => process.exit(0)));
}
