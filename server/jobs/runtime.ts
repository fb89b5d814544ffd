// A worker: one pg-boss instance (its own small pool) that works the queues, in the app process or
// in `npm run worker`. Any number may run on one database; pg-boss hands each job to one of them.
import "server-only";
import type PgBoss from "pg-boss";
import { logger } from "../log";
import { metrics } from "../metrics/metrics";
import type { Services } from "../recordings/services";
import { createBoss, type BossOptions } from "./boss";
import { jobHandlers, type Job, type JobHandler, type JobSettings } from "./handlers";
import { batchSizeOf, cronOf, declareQueues, QUEUE_NAMES, type QueueName } from "./queues";

interface QueueRun {
  /** Outputs of the jobs that completed. */
  completed: unknown[];
  /** Messages of the jobs (or scheduled sends) that failed; failed jobs are retried later. */
  failed: string[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class JobRuntime {
  private readonly boss: PgBoss;

  constructor(private readonly options: BossOptions) {
    this.boss = createBoss(options);
    this.boss.on("error", (error) => logger.warn({ err: error }, "job system error; it carries on"));
  }

  async start() {
    await this.boss.start();
    await declareQueues(this.boss);
    if (this.options.supervise) {
      for (const name of QUEUE_NAMES) {
        const cron = cronOf(name);
        if (cron) await this.boss.schedule(name, cron, {}, { tz: "UTC" });
      }
    }
    return this;
  }

  /** Starts polling every queue that has a handler; each job goes to exactly one worker. */
  async work(services: Services, settings: JobSettings) {
    const handlers = jobHandlers(services, settings);
    for (const [name, handler] of Object.entries(handlers) as [QueueName, JobHandler][]) {
      await this.boss.work<unknown>(
        name,
        { includeMetadata: true, batchSize: batchSizeOf(name), pollingIntervalSeconds: this.options.pollingIntervalSeconds },
        async (jobs) => {
          // Settled one by one; pg-boss's own completion of the batch then finds nothing active.
          for (const job of jobs) await this.settle(name, handler, job);
        },
      );
    }
  }

  /**
   * Runs, in this process, every job that is due now, including one run of each recurring scan
   * (as its schedule would), until no queue has a due job left. For tests and one-off runs: it
   * goes through the same queues, policies and retries as `work`, without waiting for a poll.
   */
  async runDueJobs(services: Services, settings: JobSettings, queues: QueueName[] = QUEUE_NAMES) {
    const handlers = jobHandlers(services, settings);
    const runs = new Map<QueueName, QueueRun>();
    const runOf = (name: QueueName) => runs.get(name) ?? runs.set(name, { completed: [], failed: [] }).get(name)!;
    const names = queues.filter((name) => handlers[name]);
    for (const name of names) {
      if (!cronOf(name)) continue;
      try {
        await this.boss.send(name, {});
      } catch (error) {
        runOf(name).failed.push(messageOf(error));
      }
    }
    let ranAny: boolean;
    do {
      ranAny = false;
      for (const name of names) {
        const [job] = await this.boss.fetch<unknown>(name, { includeMetadata: true });
        if (!job) continue;
        ranAny = true;
        const outcome = await this.settle(name, handlers[name]!, job);
        if ("output" in outcome) runOf(name).completed.push(outcome.output);
        else runOf(name).failed.push(outcome.error);
      }
    } while (ranAny);
    return Object.fromEntries(runs) as Partial<Record<QueueName, QueueRun>>;
  }

  /** Finishes the jobs in hand (up to 30 s), then closes the pool. */
  async stop() {
    await this.boss.stop({ graceful: true, timeout: 30_000 });
  }

  /** Runs one job and records its end in pg-boss: completed with its output, or failed (retried). */
  private async settle(name: QueueName, handler: JobHandler, job: Job) {
    const started = Date.now();
    try {
      const output = await handler(job);
      await this.boss.complete(name, job.id, output);
      logger.debug({ queue: name, jobId: job.id, ms: Date.now() - started }, "job done");
      return { output };
    } catch (error) {
      await this.boss.fail(name, job.id, { message: messageOf(error) });
      metrics.jobFailures.inc({ queue: name });
      logger.warn({ err: error, queue: name, jobId: job.id, retryCount: job.retryCount }, "job failed");
      return { error: messageOf(error) };
    }
  }
}
