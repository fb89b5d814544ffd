// `npm run worker`: a background worker on its own, for deployments that run it apart from the
// app. Any number may run beside the app's own: pg-boss hands each job to one of them.
import "./local/load-env";
import { startWorker } from "../server/jobs";

const stop = await startWorker();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stop().then(() => process.exit(0)));
}
