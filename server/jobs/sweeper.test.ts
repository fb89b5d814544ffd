import { PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import type { SessionUser } from "../api/context";
import { auditIsClean, auditStorage } from "../storage/audit";
import { Storage } from "../storage/storage";
import { callerFor, createUser, uploadRecording, uploadWithoutConfirming } from "../testing/helpers";
import { MAINTENANCE_QUEUES, useJobRuntime } from "../testing/jobs";
import { useStoppableS3 } from "../testing/outage";
import { JobRuntime } from "./runtime";
import { sweepOrphanObjects } from "./sweeper";

const HOUR = 3600;
const stack = useStoppableS3();
const jobs = useJobRuntime();

const later = (seconds: number) => (): Date => new Date(Date.now() + seconds * 1000);

async function putObject(key: string) {
  await stack.s3.storage.client.send(new PutObjectCommand({ Bucket: stack.s3.storage.bucket, Key: key, Body: "x" }));
}

async function startAbandonedUpload(name: string, owner?: SessionUser) {
  return uploadWithoutConfirming(owner ?? (await createUser()), name, stack.services);
}

describe("expiring abandoned uploads", () => {
  it("leaves a pending upload alone within its window and grace period", async () => {
    const id = await startAbandonedUpload("speech-short.wav");
    const run = await jobs.runtime.runDueJobs(
      { ...stack.services, now: later(600 + HOUR - 60) },
      { graceSeconds: HOUR, maxObjectsPerRun: 100 },
      ["uploads.expire-scan", "uploads.expire"],
    );
    expect(run["uploads.expire-scan"]?.failed).toEqual([]);
    expect((await db.recording.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it("expires it afterwards and deletes what was uploaded", async () => {
    const id = await startAbandonedUpload("speech-short.mp3");
    const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id } });
    expect(await stack.s3.storage.exists(fileKey!)).toBe(true);
    const run = await jobs.runtime.runDueJobs(
      { ...stack.services, now: later(600 + HOUR + 60) },
      { graceSeconds: HOUR, maxObjectsPerRun: 100 },
      ["uploads.expire-scan", "uploads.expire"],
    );
    expect(run["uploads.expire"]?.completed).toContainEqual({ expired: true, objectDeleted: true });
    expect(await db.recording.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "EXPIRED",
      failureReason: "The upload did not finish in time.",
    });
    expect(await stack.s3.storage.exists(fileKey!)).toBe(false);
  });
});

describe("the orphan sweep", () => {
  it("deletes old objects without a live recording, keeps live and young ones", async () => {
    const owner = await createUser();
    const ready = await uploadRecording(owner, "speech-short.ogg", stack.services);
    const { fileKey: readyKey } = await db.recording.findUniqueOrThrow({ where: { id: ready.id } });
    const orphanKey = `users/${owner.id}/recordings/00000000-0000-4000-8000-00000000000a/audio.m4a`;
    await putObject(orphanKey);

    const young = await sweepOrphanObjects({ ...stack.services, now: later(60) }, { graceSeconds: HOUR, maxObjectsPerRun: 1000 });
    expect(young.deleted).toBe(0);
    expect(await stack.s3.storage.exists(orphanKey)).toBe(true);

    await sweepOrphanObjects({ ...stack.services, now: later(HOUR + 60) }, { graceSeconds: HOUR, maxObjectsPerRun: 1000 });
    expect(await stack.s3.storage.exists(orphanKey)).toBe(false);
    expect(await stack.s3.storage.exists(readyKey!)).toBe(true);
  });

  it("lists a bounded number of objects per run and continues where it stopped", async () => {
    const owner = await createUser();
    const keys = Array.from({ length: 5 }, (_, i) => `users/${owner.id}/recordings/0000000${i}-0000-4000-8000-000000000000/audio.wav`);
    for (const key of keys) await putObject(key);
    const settings = { graceSeconds: 0, maxObjectsPerRun: 2 };
    const runs = [];
    do {
      runs.push(await sweepOrphanObjects({ ...stack.services, now: later(5) }, settings));
    } while (!runs.at(-1)!.finishedPass && runs.length < 50);
    expect(Math.max(...runs.map((run) => run.listed))).toBeLessThanOrEqual(2);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) expect(await stack.s3.storage.exists(key)).toBe(false);
  });

  it("runs in one worker at a time: while another worker is sweeping, no second sweep starts", async () => {
    const settings = { graceSeconds: 0, maxObjectsPerRun: 1000 };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sweeping!: () => void;
    const started = new Promise<void>((resolve) => (sweeping = resolve));
    // The first worker's sweep stops at its first listing until released.
    class HeldStorage extends Storage {
      override async listPage(prefix: string, after?: string, maxKeys?: number) {
        sweeping();
        await held;
        return super.listPage(prefix, after, maxKeys);
      }
    }
    const first = jobs.runtime.runDueJobs(
      { ...stack.services, storage: new HeldStorage(stack.s3.config), now: later(5) },
      settings,
      ["orphans.sweep"],
    );
    await started;

    const second = await new JobRuntime({ connectionString: process.env.DATABASE_URL! }).start();
    try {
      expect(await second.runDueJobs({ ...stack.services, now: later(5) }, settings, ["orphans.sweep"])).toEqual({});
      release();
      // The sweep the second worker queued meanwhile was kept and ran once the first had finished.
      expect((await first)["orphans.sweep"]).toMatchObject({ completed: [expect.anything(), expect.anything()], failed: [] });
    } finally {
      await second.stop();
    }
  });
});

describe("the jobs while S3 is down", () => {
  it("reports the failure, loses nothing, and finishes the work once S3 is back", async () => {
    const owner = await createUser();
    const ready = await uploadRecording(owner, "speech-short.webm", stack.services);
    const abandoned = await startAbandonedUpload("speech-short.wav", owner);
    const orphanKey = `users/${owner.id}/recordings/00000000-0000-4000-8000-00000000000b/audio.ogg`;
    await putObject(orphanKey);
    await stack.s3.stop();
    await callerFor(owner, stack.services).recording.delete({ recordingId: ready.id });

    const settings = { graceSeconds: HOUR, maxObjectsPerRun: 1000 };
    const whileDown = await jobs.runtime.runDueJobs({ ...stack.services, now: later(2 * HOUR) }, settings, MAINTENANCE_QUEUES);
    expect(whileDown["orphans.sweep"]?.failed).toHaveLength(1);
    expect((await db.recording.findUniqueOrThrow({ where: { id: ready.id } })).status).toBe("DELETING");

    await stack.s3.restart();
    await jobs.runtime.runDueJobs({ ...stack.services, now: later(4 * HOUR) }, settings, MAINTENANCE_QUEUES);
    expect((await db.recording.findUniqueOrThrow({ where: { id: ready.id } })).status).toBe("DELETED");
    expect((await db.recording.findUniqueOrThrow({ where: { id: abandoned } })).status).toBe("EXPIRED");
    expect(await stack.s3.storage.exists(orphanKey)).toBe(false);
    expect(auditIsClean(await auditStorage(stack.services, `users/${owner.id}/`))).toBe(true);
  });
});
