// Kills a process of the app (kill -9) in the middle of an operation, then checks that a restart
// and a worker run leave storage and database in agreement.
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { auditIsClean, auditStorage } from "../storage/audit";
import { realisticMetrics } from "../testing/analysis-metrics";
import { ANALYSIS_VERSION } from "../analysis/analyze";
import { callerFor, createUser, uploadRecording, uploadWithoutConfirming } from "../testing/helpers";
import { analysisJobsOf, MAINTENANCE_QUEUES, TEST_JOB_SETTINGS, useJobRuntime } from "../testing/jobs";
import { useStoppableS3 } from "../testing/outage";

const CHILD = path.resolve(import.meta.dirname, "../testing/crash-child.ts");
const stack = useStoppableS3();
const jobs = useJobRuntime();

/** Runs a crash scenario and kills it at its checkpoint; resolves to the id it printed. */
function runUntilCheckpointThenKill(...args: string[]): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", CHILD, ...args], {
    env: { ...process.env, S3_ENDPOINT: stack.s3.config.endpoint, S3_BUCKET: stack.s3.config.bucket },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /CHECKPOINT (\S+)/.exec(output);
      if (match) {
        child.kill("SIGKILL");
        child.once("exit", () => resolve(match[1]!));
      }
    });
    child.once("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`child exited early (${code}) before its checkpoint:\n${output}`));
    });
  });
}

const hoursLater = (hours: number) => () => new Date(Date.now() + hours * 3600 * 1000);

// Each scenario starts a child that loads the whole server: slow on a busy machine.
const CHILD_TIMEOUT = { timeout: 120_000 };

describe("a crash", CHILD_TIMEOUT, () => {
  it("between upload and confirm: the worker expires the upload and removes its object", async () => {
    const user = await createUser();
    const recordingId = await runUntilCheckpointThenKill("upload-then-crash", user.id, "speech-short.m4a");
    const crashed = await db.recording.findUniqueOrThrow({ where: { id: recordingId } });
    expect(crashed.status).toBe("PENDING");
    expect(await stack.s3.storage.exists(crashed.fileKey!)).toBe(true);

    await jobs.runtime.runDueJobs({ ...stack.services, now: hoursLater(2) }, TEST_JOB_SETTINGS, MAINTENANCE_QUEUES);
    expect((await db.recording.findUniqueOrThrow({ where: { id: recordingId } })).status).toBe("EXPIRED");
    expect(await stack.s3.storage.exists(crashed.fileKey!)).toBe(false);
    expect(auditIsClean(await auditStorage(stack.services, `users/${user.id}/`))).toBe(true);
  });

  it("between delete's database commit and the S3 delete: the worker finishes the deletion", async () => {
    const user = await createUser();
    const recording = await uploadRecording(user, "speech-short.wav", stack.services);
    const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
    await runUntilCheckpointThenKill("delete-then-crash", user.id, recording.id);
    expect((await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).status).toBe("DELETING");
    expect(await stack.s3.storage.exists(fileKey!)).toBe(true);
    expect(await auditStorage(stack.services, `users/${user.id}/`)).toMatchObject({ objectsWithoutRecording: [], awaitingDeletion: 1 });

    await jobs.runtime.runDueJobs({ ...stack.services, now: hoursLater(2) }, TEST_JOB_SETTINGS, MAINTENANCE_QUEUES);
    expect((await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).status).toBe("DELETED");
    expect(await stack.s3.storage.exists(fileKey!)).toBe(false);
    const audit = await auditStorage(stack.services, `users/${user.id}/`);
    expect(auditIsClean(audit)).toBe(true);
    expect(audit.awaitingDeletion).toBe(0);
  });
});

describe("a crash while confirming", CHILD_TIMEOUT, () => {
  const stateOf = async (recordingId: string) => ({
    status: (await db.recording.findUniqueOrThrow({ where: { id: recordingId } })).status,
    analysis: (await db.recordingAnalysis.findUnique({ where: { recordingId } }))?.status ?? null,
    jobs: (await analysisJobsOf(recordingId)).map((job) => job.state),
  });

  it("after marking READY but before its analysis is queued: nothing was committed, and confirming again does both", async () => {
    const user = await createUser();
    const recordingId = await uploadWithoutConfirming(user, "speech-short.wav", stack.services);
    await runUntilCheckpointThenKill("confirm-crash-inside-transaction", user.id, recordingId);
    expect(await stateOf(recordingId)).toEqual({ status: "PENDING", analysis: null, jobs: [] });

    await callerFor(user, stack.services).recording.confirmUpload({ recordingId });
    expect(await stateOf(recordingId)).toEqual({ status: "READY", analysis: "pending", jobs: ["created"] });
  });

  it("right after the commit: the recording is READY with its analysis queued, and a worker analyses it", async () => {
    const user = await createUser();
    const recordingId = await uploadWithoutConfirming(user, "speech-short.wav", stack.services);
    await runUntilCheckpointThenKill("confirm-then-crash", user.id, recordingId);
    expect(await stateOf(recordingId)).toEqual({ status: "READY", analysis: "pending", jobs: ["created"] });

    const analyzer = { analyze: async () => ({ version: ANALYSIS_VERSION, metrics: realisticMetrics(), waveform: { peaks: [0, 0.5], peaksPerSecond: 1 } }) };
    await jobs.runtime.runDueJobs({ ...stack.services, analyzer }, TEST_JOB_SETTINGS, ["analysis.run"]);
    expect(await stateOf(recordingId)).toEqual({ status: "READY", analysis: "done", jobs: ["completed"] });
  });
});

describe("a crash while compressing", CHILD_TIMEOUT, () => {
  const windowAndTtl = () => (stack.services.settings.playbackUrlWindowSeconds + stack.services.settings.playbackUrlTtlSeconds) / 3600;

  it("after the new object is written, before the swap: the original stays, the sweep removes the new object", async () => {
    const user = await createUser();
    const recording = await uploadRecording(user, "speech-short.wav", stack.services);
    const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
    await runUntilCheckpointThenKill("compress-then-crash", user.id, recording.id, "uploaded");

    const crashed = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
    expect(crashed).toMatchObject({ fileKey, contentType: "audio/wav", sizeBytes: recording.sizeBytes, compressedAt: null });
    expect(await stack.s3.storage.exists(fileKey!)).toBe(true);
    const left = await auditStorage(stack.services, `users/${user.id}/`);
    expect(left.objectsWithoutRecording).toEqual([expect.stringMatching(/\/speech-[a-f0-9]+\.m4a$/)]);

    await jobs.runtime.runDueJobs({ ...stack.services, now: hoursLater(2) }, TEST_JOB_SETTINGS);
    expect(await stack.s3.storage.exists(fileKey!)).toBe(true);
    const audit = await auditStorage(stack.services, `users/${user.id}/`);
    expect(auditIsClean(audit)).toBe(true);
    expect(audit.objects).toBe(1);
  });

  it("after the swap, before the original is deleted: the worker deletes it once its URLs have expired", async () => {
    const user = await createUser();
    const recording = await uploadRecording(user, "speech-short.wav", stack.services);
    const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
    await runUntilCheckpointThenKill("compress-then-crash", user.id, recording.id, "swapped");

    const swapped = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
    expect(swapped).toMatchObject({ contentType: "audio/mp4", originalSizeBytes: recording.sizeBytes });
    expect(await stack.s3.storage.exists(swapped.fileKey!)).toBe(true);
    expect(await stack.s3.storage.exists(fileKey!)).toBe(true);
    expect(await auditStorage(stack.services, `users/${user.id}/`)).toMatchObject({ objectsWithoutRecording: [], readyWithoutObject: [], awaitingDeletion: 1 });

    await jobs.runtime.runDueJobs({ ...stack.services, now: hoursLater(windowAndTtl() + 0.1) }, TEST_JOB_SETTINGS);
    expect(await stack.s3.storage.exists(fileKey!)).toBe(false);
    expect(await stack.s3.storage.exists(swapped.fileKey!)).toBe(true);
    const audit = await auditStorage(stack.services, `users/${user.id}/`);
    expect(auditIsClean(audit)).toBe(true);
    expect(audit).toMatchObject({ objects: 1, awaitingDeletion: 0 });
  });
});

describe("the audit", () => {
  it("finds an object without a recording and a ready recording without its object", async () => {
    const user = await createUser();
    const recording = await uploadRecording(user, "speech-short.mp3", stack.services);
    const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
    await stack.s3.storage.delete(fileKey!);
    const strayKey = `users/${user.id}/recordings/00000000-0000-4000-8000-0000000000cc/audio.mp3`;
    await stack.s3.storage.client.send(new PutObjectCommand({ Bucket: stack.s3.config.bucket, Key: strayKey, Body: "x" }));
    const audit = await auditStorage(stack.services, `users/${user.id}/`);
    expect(audit.readyWithoutObject).toEqual([recording.id]);
    expect(audit.objectsWithoutRecording).toEqual([strayKey]);
    expect(auditIsClean(audit)).toBe(false);
    await db.recording.update({ where: { id: recording.id }, data: { status: "FAILED" } });
    await stack.s3.storage.delete(strayKey);
  });
});
