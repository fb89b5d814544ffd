// Two `npm run worker` processes on one database: each job is done by exactly one of them, and
// both take part.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { queueDueDeletions } from "../recordings/deletion";
import { seedWithObjects } from "../testing/jobs";
import { useStoppableS3 } from "../testing/outage";

const WORKER = path.resolve(import.meta.dirname, "../../scripts/worker.ts");
const stack = useStoppableS3();

interface WorkerProcess {
  child: ChildProcess;
  /** Ids of the deletion jobs this process finished, from its log. */
  done: string[];
  started: Promise<void>;
}

function startWorkerProcess(): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", WORKER], {
    env: {
      ...process.env,
      S3_ENDPOINT: stack.s3.config.endpoint,
      S3_BUCKET: stack.s3.config.bucket,
      LOG_LEVEL: "debug",
      WORKER_POLL_SECONDS: "0.5",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const done: string[] = [];
  let buffered = "";
  const started = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it started`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith("{")) continue;
        const entry = JSON.parse(line) as { msg?: string; queue?: string; jobId?: string };
        if (entry.msg === "background worker started") resolve();
        if (entry.msg === "job done" && entry.queue === "deletions.run") done.push(entry.jobId!);
      }
    });
  });
  return { child, done, started };
}

async function stopWorkerProcess({ child }: WorkerProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function jobsOf(recordingIds: string[]) {
  return db.$queryRaw<{ id: string; state: string; retryCount: number }[]>`
    select id::text, state::text, retry_count as "retryCount" from pgboss.job
    where name = 'deletions.run' and data->>'recordingId' = any(${recordingIds})`;
}

describe("several worker processes on one database", () => {
  it("share the queued jobs and do each exactly once", { timeout: 120_000 }, async () => {
    const keys = await seedWithObjects(stack.s3.storage, "DELETING", 100);
    const recordingIds = keys.map((key) => key.split("/")[3]!);
    const workers = [startWorkerProcess(), startWorkerProcess()];
    try {
      await Promise.all(workers.map((worker) => worker.started));
      await queueDueDeletions(stack.services);
      const ours = await jobsOf(recordingIds);
      expect(ours).toHaveLength(keys.length);

      // Waits on the jobs' state in the queue, however long the machine takes.
      while ((await jobsOf(recordingIds)).some((job) => job.state !== "completed")) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      // A worker logs "job done" after pg-boss has recorded the completion: wait for its log too.
      const ourIds = new Set(ours.map((job) => job.id));
      const doneByEach = () => workers.map((worker) => worker.done.filter((id) => ourIds.has(id)));
      while (doneByEach().flat().length < ourIds.size && workers.every((worker) => worker.child.exitCode === null)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const doneBy = doneByEach();
      expect(doneBy.flat().sort()).toEqual([...ourIds].sort());
      expect(doneBy.every((ids) => ids.length > 0)).toBe(true);
      expect((await jobsOf(recordingIds)).every((job) => job.retryCount === 0)).toBe(true);
      expect(await db.recording.count({ where: { id: { in: recordingIds }, status: "DELETED" } })).toBe(keys.length);
      for (const key of keys) expect(await stack.s3.storage.exists(key)).toBe(false);
    } finally {
      await Promise.all(workers.map(stopWorkerProcess));
    }
  });
});
