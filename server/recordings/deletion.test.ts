import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { callerFor, createUser, uploadRecording } from "../testing/helpers";
import { TEST_JOB_SETTINGS, useJobRuntime } from "../testing/jobs";
import { useStoppableS3 } from "../testing/outage";
import { retryDelaySeconds } from "./deletion";

describe("deleting while S3 is down", () => {
  const stack = useStoppableS3();
  const jobs = useJobRuntime();
  const runDeletions = (now: Date) =>
    jobs.runtime.runDueJobs({ ...stack.services, now: () => now }, TEST_JOB_SETTINGS, ["deletions.scan", "deletions.run"]);

  it("hides the recording at once and removes the audio once S3 is back and the retry runs", async () => {
    const owner = await createUser();
    const services = stack.services;
    const caller = callerFor(owner, services);
    const recording = await uploadRecording(owner, "speech-short.ogg", services);
    const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recording.id }, select: { fileKey: true } });
    expect(await stack.s3.storage.exists(fileKey!)).toBe(true);

    await stack.s3.stop();
    await expect(caller.recording.delete({ recordingId: recording.id })).resolves.toEqual({ ok: true });
    expect((await caller.recording.list()).items).toEqual([]);
    expect(await caller.recording.usage()).toMatchObject({ bytesUsed: 0, recordingCount: 0 });
    const pending = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
    expect(pending).toMatchObject({ status: "DELETING", deleteAttempts: 1 });
    expect(pending.lastDeleteError).toMatch(/unavailable/);

    // Still down when the retry comes due: it backs off again.
    const later = new Date(pending.nextDeleteAttemptAt!.getTime() + 1000);
    expect(await runDeletions(later)).toEqual({
      "deletions.scan": { completed: [{ queued: 1 }], failed: [] },
      "deletions.run": { completed: [{ deleted: false }], failed: [] },
    });
    const backedOff = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
    expect(backedOff.deleteAttempts).toBe(2);
    expect(backedOff.nextDeleteAttemptAt!.getTime()).toBe(later.getTime() + retryDelaySeconds(2) * 1000);

    await stack.s3.restart();
    expect(await stack.s3.storage.exists(fileKey!)).toBe(true);
    const afterBackoff = new Date(backedOff.nextDeleteAttemptAt!.getTime() + 1000);
    expect(await runDeletions(afterBackoff)).toEqual({
      "deletions.scan": { completed: [{ queued: 1 }], failed: [] },
      "deletions.run": { completed: [{ deleted: true }], failed: [] },
    });
    expect(await stack.s3.storage.exists(fileKey!)).toBe(false);
    expect(await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).toMatchObject({
      status: "DELETED",
      fileKey: null,
      title: "",
    });
    await expect(caller.recording.delete({ recordingId: recording.id })).resolves.toEqual({ ok: true });
  });
});

describe("retryDelaySeconds", () => {
  it("doubles from 30 s and stops at an hour", () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 3600, 3600]);
  });
});
