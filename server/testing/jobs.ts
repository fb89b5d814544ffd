import { PutObjectCommand } from "@aws-sdk/client-s3";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { db } from "../db/client";
import type { JobSettings } from "../jobs/handlers";
import { QUEUE_NAMES, type QueueName } from "../jobs/queues";
import { JobRuntime } from "../jobs/runtime";
import type { Storage } from "../storage/storage";
import { createUser } from "./helpers";

export const TEST_JOB_SETTINGS: JobSettings = { graceSeconds: 3600, maxObjectsPerRun: 1000 };

/** Every queue but analysis: what the storage-keeping tests run (their fixtures have no analyser). */
export const MAINTENANCE_QUEUES = QUEUE_NAMES.filter((name) => name !== "analysis.run");

/** The analysis jobs queued for a recording, in any state. */
export function analysisJobsOf(recordingId: string) {
  return db.$queryRaw<{ state: string; retryCount: number; retryLimit: number; startAfter: Date }[]>`
    select state::text, retry_count as "retryCount", retry_limit as "retryLimit", start_after as "startAfter"
    from pgboss.job where name = 'analysis.run' and data->>'recordingId' = ${recordingId}`;
}

/** Drops a queue's waiting jobs, so a test sees only the jobs it queued. */
export async function purgeQueue(name: QueueName) {
  await db.$executeRaw`delete from pgboss.job where name = ${name} and state < 'active'`;
}

/** Time passing for the queue: jobs waiting out a retry backoff become due now. */
export async function makeRetriesDue(name: QueueName) {
  await db.$executeRaw`update pgboss.job set start_after = now() where name = ${name} and state = 'retry'`;
}

/** A worker of the test file's own on the test database, started before its tests and stopped after. */
export function useJobRuntime() {
  const fixture = {} as { runtime: JobRuntime };
  beforeAll(async () => {
    fixture.runtime = await new JobRuntime({ connectionString: process.env.DATABASE_URL! }).start();
  });
  afterAll(() => fixture.runtime.stop());
  return fixture;
}

/**
 * Recordings with their objects in the bucket, due for the background jobs two hours ago: DELETING
 * ones for a deletion retry, PENDING ones for expiry. Resolves to their keys.
 */
export async function seedWithObjects(storage: Storage, status: "DELETING" | "PENDING", count: number) {
  const owner = await createUser();
  const past = new Date(Date.now() - 2 * 3600 * 1000);
  const rows = Array.from({ length: count }, () => {
    const id = randomUUID();
    return {
      id,
      ownerId: owner.id,
      title: "t",
      status,
      fileKey: `users/${owner.id}/recordings/${id}/audio.wav`,
      contentType: "audio/wav",
      sizeBytes: 1,
      nextDeleteAttemptAt: status === "DELETING" ? past : null,
      uploadExpiresAt: status === "PENDING" ? past : null,
    };
  });
  await db.recording.createMany({ data: rows });
  for (const row of rows) {
    await storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: row.fileKey, Body: "x" }));
  }
  return rows.map((row) => row.fileKey);
}
