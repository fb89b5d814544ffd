import { PutObjectCommand } from "@aws-sdk/client-s3";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, db } from "../db/client";
import { retryDueDeletions } from "../recordings/deletion";
import { Storage, type StorageConfig } from "../storage/storage";
import { createUser, testServices } from "../testing/helpers";
import { startStoppableS3 } from "../testing/outage";
import { expireAbandonedUploads } from "./sweeper";

/** The real bucket, with a tally of which worker deleted which key. */
class TallyingStorage extends Storage {
  constructor(
    config: StorageConfig,
    private readonly tally: string[],
  ) {
    super(config);
  }

  override async delete(key: string) {
    this.tally.push(key);
    await super.delete(key);
  }
}

let s3: Awaited<ReturnType<typeof startStoppableS3>>;
beforeAll(async () => {
  s3 = await startStoppableS3();
});
afterAll(() => s3.dispose());

async function seed(status: "DELETING" | "PENDING", count: number) {
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
    await s3.storage.client.send(new PutObjectCommand({ Bucket: s3.storage.bucket, Key: row.fileKey, Body: "x" }));
  }
  return rows.map((row) => row.fileKey);
}

// Two workers: separate tallies, separate database connection pools, the same database and bucket.
function twoWorkers() {
  return [[], []].map((tally: string[]) => ({
    tally,
    services: testServices({ db: createDb(process.env.DATABASE_URL!), storage: new TallyingStorage(s3.config, tally) }),
  }));
}

describe("two workers at once never take the same job", () => {
  it("deletion retries: every object is deleted exactly once", async () => {
    const keys = await seed("DELETING", 30);
    const workers = twoWorkers();
    await Promise.all(workers.map(({ services }) => retryDueDeletions(services, 5).then(() => retryDueDeletions(services, 50))));
    const all = workers.flatMap((worker) => worker.tally).filter((key) => keys.includes(key));
    expect(all.sort()).toEqual([...keys].sort());
    expect(workers.every((worker) => worker.tally.length > 0)).toBe(true);
    for (const key of keys) expect(await s3.storage.exists(key)).toBe(false);
    await Promise.all(workers.map(({ services }) => services.db.$disconnect()));
  });

  it("expiring abandoned uploads: every one is expired and deleted exactly once", async () => {
    const keys = await seed("PENDING", 30);
    const workers = twoWorkers();
    const settings = { graceSeconds: 3600, maxObjectsPerRun: 1000 };
    await Promise.all(workers.map(({ services }) => expireAbandonedUploads(services, settings, 5).then(() => expireAbandonedUploads(services, settings, 50))));
    const all = workers.flatMap((worker) => worker.tally).filter((key) => keys.includes(key));
    expect(all.sort()).toEqual([...keys].sort());
    expect(await db.recording.count({ where: { fileKey: { in: keys }, status: "EXPIRED" } })).toBe(keys.length);
    await Promise.all(workers.map(({ services }) => services.db.$disconnect()));
  });
});
