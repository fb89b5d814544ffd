import { CreateBucketCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { audioFixture } from "../../testing/audio-fixtures";
import { createUser, uploadRecording } from "../testing/helpers";
import { useStoppableS3 } from "../testing/outage";
import { auditIsClean, auditStorage } from "./audit";
import { RestoreRefused, restoreRecordingAudio } from "./restore";
import { Storage } from "./storage";

const stack = useStoppableS3();

async function recordingWithLostAudio(name: string) {
  const user = await createUser();
  const recording = await uploadRecording(user, name, stack.services);
  const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recording.id }, select: { fileKey: true } });
  const bytes = Buffer.from(await (await stack.s3.storage.client.send(
    new GetObjectCommand({ Bucket: stack.s3.config.bucket, Key: fileKey! }),
  )).Body!.transformToByteArray());
  await stack.s3.storage.delete(fileKey!);
  return { user, recording, key: fileKey!, bytes };
}

describe("storage:restore", () => {
  it("refuses, changing nothing, when no noncurrent version and no replica holds the audio", async () => {
    const { user, recording, key } = await recordingWithLostAudio("speech-short.mp3");
    const refusal = await restoreRecordingAudio(stack.services, recording.id, null).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RestoreRefused);
    expect((refusal as Error).message).toMatch(/is missing and no copy exists.*S3_REPLICATION_BUCKET is not set.*Nothing was changed/);
    expect(await stack.s3.storage.exists(key)).toBe(false);
    expect((await auditStorage(stack.services, `users/${user.id}/`)).readyWithoutObject).toEqual([recording.id]);
    await db.recording.update({ where: { id: recording.id }, data: { status: "FAILED" } });
  });

  it("refuses recordings that have no audio to restore, and says when the audio is already there", async () => {
    const user = await createUser();
    const recording = await uploadRecording(user, "speech-short.m4a", stack.services);
    await expect(restoreRecordingAudio(stack.services, recording.id, null)).resolves.toMatchObject({ outcome: "present" });
    await expect(restoreRecordingAudio(stack.services, "00000000-0000-4000-8000-000000000000", null)).rejects.toThrow(/No recording/);
    await db.recording.update({ where: { id: recording.id }, data: { status: "DELETED", fileKey: null } });
    await expect(restoreRecordingAudio(stack.services, recording.id, null)).rejects.toThrow(/is DELETED/);
  });

  it("restores from the replica bucket, verified like an upload, and the audit is clean again", async () => {
    const wav = audioFixture("speech-short.wav");
    const { user, recording, key, bytes } = await recordingWithLostAudio(wav.name);
    const replicaBucket = `replica-${Date.now()}`;
    await stack.s3.storage.client.send(new CreateBucketCommand({ Bucket: replicaBucket }));
    const replica = new Storage({ ...stack.s3.config, bucket: replicaBucket });
    const file = path.join(await mkdtemp(path.join(tmpdir(), "replica-")), "audio");
    await writeFile(file, bytes);
    await replica.putFile(key, file, wav.contentType);

    const result = await restoreRecordingAudio(stack.services, recording.id, replica);
    expect(result).toEqual({ outcome: "restored", key, source: `the replica s3://${replicaBucket}/${key}` });
    expect(await stack.s3.storage.head(key)).toMatchObject({ sizeBytes: bytes.length, contentType: wav.contentType });
    expect(auditIsClean(await auditStorage(stack.services, `users/${user.id}/`))).toBe(true);
    const restored = await stack.s3.storage.client.send(new GetObjectCommand({ Bucket: stack.s3.config.bucket, Key: key }));
    expect(Buffer.from(await restored.Body!.transformToByteArray()).equals(bytes)).toBe(true);
  });

  it("keeps nothing when the replica's copy is not the recording's audio", async () => {
    const { recording, key } = await recordingWithLostAudio("speech-short.ogg");
    const replicaBucket = `replica-bad-${Date.now()}`;
    await stack.s3.storage.client.send(new CreateBucketCommand({ Bucket: replicaBucket }));
    const replica = new Storage({ ...stack.s3.config, bucket: replicaBucket });
    const file = path.join(await mkdtemp(path.join(tmpdir(), "replica-")), "audio");
    await writeFile(file, "not audio at all");
    await replica.putFile(key, file, "audio/ogg");
    await expect(restoreRecordingAudio(stack.services, recording.id, replica)).rejects.toThrow(/not the recording's audio/);
    expect(await stack.s3.storage.exists(key)).toBe(false);
    await db.recording.update({ where: { id: recording.id }, data: { status: "FAILED" } });
  });
});
