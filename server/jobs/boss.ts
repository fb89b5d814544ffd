// pg-boss in our own PostgreSQL (schema `pgboss`). Workers start an instance with its own small
// pool; sending needs none: jobs are inserted through Prisma, inside the caller's transaction when
// there is one, so a job exists exactly when the change that asked for it was committed.
import "server-only";
import PgBoss from "pg-boss";
import { declareQueues, type QueueName } from "./queues";

export interface BossOptions {
  connectionString: string;
  /** Runs pg-boss's maintenance (expiring stuck jobs, archiving) and the cron schedules. */
  supervise?: boolean;
  pollingIntervalSeconds?: number;
}

export function createBoss({ connectionString, supervise = false, pollingIntervalSeconds = 2 }: BossOptions) {
  return new PgBoss({
    connectionString,
    max: 4,
    application_name: "speech-coach-jobs",
    supervise,
    schedule: supervise,
    migrate: true,
    pollingIntervalSeconds,
  });
}

/**
 * Installs or upgrades pg-boss's schema and declares our queues. Part of applying migrations, so
 * every database the app runs on can take jobs before any worker has started.
 */
export async function installJobQueues(connectionString: string) {
  const boss = createBoss({ connectionString });
  boss.on("error", () => {});
  await boss.start();
  try {
    await declareQueues(boss);
  } finally {
    await boss.stop({ graceful: false });
  }
}

/** What runs SQL for an insert: the Prisma client or an interactive transaction of it. */
export interface SqlRunner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface JobRequest<Data extends object = object> {
  data: Data;
  /** With a `short` or `stately` queue: at most one queued job per key. */
  singletonKey?: string;
  startAfter?: Date;
}

/** Queues jobs. Never opens a connection of its own: see the note at the top. Stateless. */
export class JobSender {
  // Not started: used only for the SQL pg-boss writes for an insert.
  private readonly boss = new PgBoss({ connectionString: "postgres://unused" });

  async send(via: SqlRunner, queue: QueueName, requests: JobRequest[]) {
    if (requests.length === 0) return;
    const db = {
      executeSql: async (text: string, values: unknown[]) => ({
        rows: await via.$queryRawUnsafe<unknown[]>(text, ...values.map((value) => value ?? null)),
      }),
    };
    await this.boss.insert(
      requests.map(({ data, singletonKey, startAfter }) => ({
        name: queue,
        data,
        singletonKey,
        startAfter: startAfter?.toISOString(),
      })),
      { db },
    );
  }
}

export const jobSender = new JobSender();
