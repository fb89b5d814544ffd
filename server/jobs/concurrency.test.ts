import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, db } from "../db/client";
import { queueDueDeletions } from "../recordings/deletion";
import { Storage, type StorageConfig } from "../storage/storage";
import { testServices } from "../testing/helpers";
import { seedWithObjects, TEST_JOB_SETTINGS } from "../testing/jobs";
import { startStoppableS3 } from "../testing/outage";
import { JobRuntime } from "./runtime";
import { queueAbandonedUploads } from "./sweeper";

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

// Two workers: separate tallies, separate database connection pools and pg-boss instances, the
// same database, queues and bucket.
async function twoWorkers() {
  return Promise.all(
    [[], []].map(async (tally: string[]) => ({
      tally,
      services: testServices({ db: createDb(process.env.DATABASE_URL!), storage: new TallyingStorage(s3.config, tally) }),
      runtime: await new JobRuntime({ connectionString: process.env.DATABASE_URL! }).start(),
    })),
  );
}

async function stopAll(workers: Awaited<ReturnType<typeof twoWorkers>>) {
  await Promise.all(workers.map(({ services, runtime }) => Promise.all([services.db.$disconnect(), runtime.stop()])));
}

describe("two workers at once never take the same job", () => {
  it("deletion retries: every object is deleted exactly once", async () => {
    const keys = await seedWithObjects(s3.storage, "DELETING", 30);
    const workers = await twoWorkers();
    expect(await queueDueDeletions(workers[0]!.services)).toMatchObject({ queued: expect.any(Number) });
    const runs = await Promise.all(
      workers.map(({ services, runtime }) => runtime.runDueJobs(services, TEST_JOB_SETTINGS, ["deletions.run"])),
    );
    const all = workers.flatMap((worker) => worker.tally).filter((key) => keys.includes(key));
    expect(all.sort()).toEqual([...keys].sort());
    expect(workers.every((worker) => worker.tally.length > 0)).toBe(true);
    for (const key of keys) expect(await s3.storage.exists(key)).toBe(false);
    expect(runs.flatMap((run) => run["deletions.run"]?.failed ?? [])).toEqual([]);
    await stopAll(workers);
  });

  it("expiring abandoned uploads: every one is expired and deleted exactly once", async () => {
    const keys = await seedWithObjects(s3.storage, "PENDING", 30);
    const workers = await twoWorkers();
    // Queued twice over: the queue keeps one waiting job per upload.
    await queueAbandonedUploads(workers[0]!.services, TEST_JOB_SETTINGS);
    await queueAbandonedUploads(workers[1]!.services, TEST_JOB_SETTINGS);
    await Promise.all(
      workers.map(({ services, runtime }) => runtime.runDueJobs(services, TEST_JOB_SETTINGS, ["uploads.expire"])),
    );
    const all = workers.flatMap((worker) => worker.tally).filter((key) => keys.includes(key));
    expect(all.sort()).toEqual([...keys].sort());
    expect(workers.every((worker) => worker.tally.length > 0)).toBe(true);
    expect(await db.recording.count({ where: { fileKey: { in: keys }, status: "EXPIRED" } })).toBe(keys.length);
    await stopAll(workers);
  });
});
