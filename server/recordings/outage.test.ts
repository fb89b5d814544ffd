// The user-facing procedures while S3 or the database is away: a clear, quick answer, nothing
// half-done, and normal service as soon as the server is back, with no restart of the app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { startLocalPostgres, type LocalPostgres } from "../../scripts/local/postgres";
import { freePort } from "../../scripts/local/ports";
import { createDb, db } from "../db/client";
import { applyMigrations } from "../../scripts/local/schema-engine";
import { callerFor, createUser, fixture, outcomeOf, postToStorage, testServices, uploadRecording } from "../testing/helpers";
import { installJobQueues } from "../jobs/boss";
import { JobRuntime } from "../jobs/runtime";
import { MAINTENANCE_QUEUES, TEST_JOB_SETTINGS } from "../testing/jobs";
import { useStoppableS3 } from "../testing/outage";
import { Storage } from "../storage/storage";

describe("S3 down", () => {
  const stack = useStoppableS3();

  it("createUpload fails with SERVICE_UNAVAILABLE and reserves nothing; it works again once S3 is back", async () => {
    const owner = await createUser();
    const caller = callerFor(owner, stack.services);
    const input = { fileName: "a.wav", contentType: "audio/wav", sizeBytes: 100 };
    await stack.s3.stop();
    await expect(outcomeOf(() => caller.recording.createUpload(input))).resolves.toBe("SERVICE_UNAVAILABLE");
    expect(await db.recording.count({ where: { ownerId: owner.id } })).toBe(0);
    await stack.s3.restart();
    await expect(outcomeOf(() => caller.recording.createUpload(input))).resolves.toBe("ok");
  });

  it("after a failure, createUpload is refused at once, without asking S3, until one probe after the cool-down", async () => {
    const clock = { now: 0 };
    const storage = new Storage({ ...stack.s3.config, breaker: { cooldownMs: 5000, now: () => clock.now } });
    const caller = callerFor(await createUser(), testServices({ storage }));
    const input = { fileName: "a.wav", contentType: "audio/wav", sizeBytes: 100 };
    await stack.s3.stop();
    await expect(outcomeOf(() => caller.recording.createUpload(input))).resolves.toBe("SERVICE_UNAVAILABLE");
    await stack.s3.restart();
    // S3 is back, so this refusal is the breaker's own.
    clock.now = 4999;
    await expect(outcomeOf(() => caller.recording.createUpload(input))).resolves.toBe("SERVICE_UNAVAILABLE");
    clock.now = 5000;
    await expect(outcomeOf(() => caller.recording.createUpload(input))).resolves.toBe("ok");
  });

  it("confirmUpload and playbackUrl fail clearly, the upload stays PENDING, and confirming later works", async () => {
    const owner = await createUser();
    const services = stack.services;
    const caller = callerFor(owner, services);
    const file = fixture("speech-short.wav");
    const created = await caller.recording.createUpload({ fileName: file.name, contentType: file.contentType, sizeBytes: file.bytes.length });
    await postToStorage(created.upload, file.bytes, file.contentType);
    await stack.s3.stop();
    const failure = caller.recording.confirmUpload({ recordingId: created.recordingId });
    await expect(failure).rejects.toThrow(/Audio storage is unavailable right now/);
    expect((await caller.recording.byId({ recordingId: created.recordingId })).status).toBe("PENDING");
    await stack.s3.restart();
    expect((await caller.recording.confirmUpload({ recordingId: created.recordingId })).status).toBe("READY");
  });
});

describe("the database restarted mid-run", () => {
  let pg: LocalPostgres;
  let port: number;
  const dataDir = path.resolve(".data/test/postgres-outage");
  const start = () => startLocalPostgres({ dataDir, port, database: "outage" });

  beforeAll(async () => {
    port = await freePort();
    pg = await start();
    await applyMigrations(pg.url);
    await installJobQueues(pg.url);
  });
  afterAll(() => pg.stop());

  it("answers SERVICE_UNAVAILABLE while it is down, and the app and the worker recover by themselves", async () => {
    const ownDb = createDb(pg.url);
    const services = testServices({ db: ownDb });
    const ownerId = randomUUID();
    await ownDb.user.create({ data: { id: ownerId, name: "O", email: `${ownerId}@example.test` } });
    const owner = { id: ownerId, role: "student" as const };
    const caller = callerFor(owner, services);
    const ready = await uploadRecording(owner, "speech-short.mp3", services);
    const worker = await new JobRuntime({ connectionString: pg.url }).start();

    await pg.stop();
    await expect(outcomeOf(() => caller.recording.list())).resolves.toBe("SERVICE_UNAVAILABLE");
    await expect(caller.recording.byId({ recordingId: ready.id })).rejects.toThrow(/cannot reach its database/);
    const whileDown = await worker.runDueJobs(services, TEST_JOB_SETTINGS, MAINTENANCE_QUEUES);
    expect(whileDown["deletions.scan"]?.failed).toHaveLength(1);
    expect(whileDown["deletions.scan"]?.completed).toEqual([]);

    pg = await start();
    expect((await caller.recording.list()).items.map((item) => item.id)).toEqual([ready.id]);
    const healthy = await worker.runDueJobs(services, TEST_JOB_SETTINGS, MAINTENANCE_QUEUES);
    expect(healthy["deletions.scan"]).toEqual({ completed: [{ queued: 0 }], failed: [] });
    await worker.stop();
    await ownDb.$disconnect();
  });
});
