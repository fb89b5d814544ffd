import "server-only";
import { CopyObjectCommand, ListObjectVersionsCommand, S3ServiceException } from "@aws-sdk/client-s3";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { audioTypeOf } from "../../lib/audio-types";
import { RecordingStatus } from "../generated/prisma/enums";
import type { Services } from "../recordings/services";
import { inspectAudioObject } from "./inspect";
import { SERVER_SIDE_ENCRYPTION, type Storage } from "./storage";

export class RestoreRefused extends Error {}

export type RestoreResult = { outcome: "present"; key: string } | { outcome: "restored"; key: string; source: string };

/** The newest stored version of key that is not the current one (null: none, or no versioning). */
async function newestNoncurrentVersion(storage: Storage, key: string): Promise<string | null> {
  try {
    const listed = await storage.client.send(new ListObjectVersionsCommand({ Bucket: storage.bucket, Prefix: key }));
    const versions = (listed.Versions ?? []).filter((version) => version.Key === key && version.VersionId && version.VersionId !== "null");
    versions.sort((a, b) => (b.LastModified?.getTime() ?? 0) - (a.LastModified?.getTime() ?? 0));
    return versions[0]?.VersionId ?? null;
  } catch (error) {
    if (error instanceof S3ServiceException && [400, 404, 405, 501].includes(error.$metadata.httpStatusCode ?? 0)) return null;
    throw error;
  }
}

/**
 * Puts back the audio of a READY (or recently deleted) recording whose object is missing from the
 * bucket (`storage:audit` lists these): from the newest noncurrent version when the bucket is
 * versioned, else from the replica bucket. The result is inspected like an upload before the
 * recording counts as whole again. Refuses, changing nothing, when neither holds a copy.
 */
export async function restoreRecordingAudio(
  { db, storage }: Pick<Services, "db" | "storage">,
  recordingId: string,
  replica: Storage | null,
): Promise<RestoreResult> {
  const recording = await db.recording.findUnique({
    where: { id: recordingId },
    select: { status: true, fileKey: true, contentType: true, sizeBytes: true },
  });
  if (!recording) throw new RestoreRefused(`No recording ${recordingId} exists in this database.`);
  if (recording.status !== RecordingStatus.READY && recording.status !== RecordingStatus.TRASHED) {
    throw new RestoreRefused(
      `Recording ${recordingId} is ${recording.status}: only ready or recently deleted recordings have audio to restore.`,
    );
  }
  const { fileKey: key, contentType, sizeBytes } = recording;
  if (!key || !contentType || sizeBytes === null) throw new RestoreRefused(`Recording ${recordingId} never had stored audio.`);
  if (await storage.exists(key)) return { outcome: "present", key };

  let source: string | null = null;
  const versionId = await newestNoncurrentVersion(storage, key);
  if (versionId) {
    await storage.client.send(
      new CopyObjectCommand({
        Bucket: storage.bucket,
        Key: key,
        CopySource: `${storage.bucket}/${key}?versionId=${encodeURIComponent(versionId)}`,
        ServerSideEncryption: SERVER_SIDE_ENCRYPTION,
      }),
    );
    source = `version ${versionId} of s3://${storage.bucket}/${key}`;
  } else if (replica && (await replica.exists(key))) {
    const workDir = await mkdtemp(path.join(tmpdir(), "speech-coach-restore-"));
    try {
      const file = path.join(workDir, "audio");
      await replica.download(key, file);
      await storage.putFile(key, file, contentType);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
    source = `the replica s3://${replica.bucket}/${key}`;
  }
  if (!source) {
    throw new RestoreRefused(
      `Cannot restore recording ${recordingId}: s3://${storage.bucket}/${key} is missing and no copy exists, ` +
        `neither as a noncurrent version (is versioning on, and was it deleted within the noncurrent expiry?) ` +
        (replica ? `nor in the replica s3://${replica.bucket}.` : "nor in a replica (S3_REPLICATION_BUCKET is not set).") +
        " Nothing was changed.",
    );
  }

  const inspection = await inspectAudioObject(storage, key, { sizeBytes, family: audioTypeOf(contentType).family });
  if (inspection.outcome !== "accepted") {
    await storage.delete(key);
    throw new RestoreRefused(`The copy in ${source} is not the recording's audio (${inspection.outcome}); it was not kept.`);
  }
  return { outcome: "restored", key, source };
}
