import "server-only";
import { logger } from "../log";
import type { Services } from "../recordings/services";
import { runWorkerCycle, type WorkerSettings } from "./cycle";

/** Runs a cycle now and then every intervalSeconds until stopped; cycles never overlap. */
export function startWorkerLoop(services: Services, settings: WorkerSettings, intervalSeconds: number) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();

  const tick = () => {
    running = runWorkerCycle(services, settings)
      .then((results) => logger.debug({ results }, "worker cycle done"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalSeconds * 1000);
      });
  };
  tick();

  return async function stop() {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
