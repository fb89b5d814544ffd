import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { RecordingStatus } from "../generated/prisma/enums";
import { logger } from "../log";
import { audioTypeOf, normalizeContentType } from "../../lib/audio-types";
import { metrics } from "../metrics/metrics";
import { uploadsPaused } from "../operations/upload-switch";
import { inspectAudioObject } from "../storage/inspect";
import { audioKey } from "../storage/keys";
import { startAnalysis } from "./analysis-queue";
import { cleanTitle, formatBytes, titleFromFileName } from "../../lib/format";
import type { Services } from "./services";
import { adjustUsage, reserveUsage } from "./usage";
import { recordingDetailSelect, toDetail } from "./view";

export interface CreateUploadInput {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  title?: string;
}

async function checkUploadAllowed({ settings, db, now }: Services, input: CreateUploadInput) {
  if (!settings.uploadsEnabled || (await uploadsPaused(db, now().getTime()))) {
    throw new AppError(
      "SERVICE_UNAVAILABLE",
      "Uploads are paused for maintenance. Your recordings are safe and can still be played.",
    );
  }
  const contentType = normalizeContentType(input.contentType);
  if (!contentType) {
    throw new AppError(
      "BAD_REQUEST",
      `Only audio files can be uploaded: "${input.contentType.slice(0, 100)}" is not a supported audio type.`,
    );
  }
  if (input.sizeBytes === 0) throw new AppError("BAD_REQUEST", "The file is empty.");
  if (input.sizeBytes > settings.maxUploadBytes) {
    throw new AppError(
      "BAD_REQUEST",
      `The file is ${formatBytes(input.sizeBytes)}; the limit is ${formatBytes(settings.maxUploadBytes)}.`,
    );
  }
  return contentType;
}

/**
 * Reserves a PENDING recording and returns a POST policy for exactly its object. The quota check
 * and the insert run under a per-user lock so parallel uploads cannot overrun the quota together.
 */
export async function createUpload(services: Services, ownerId: string, input: CreateUploadInput) {
  const { db, storage, settings, now } = services;
  const contentType = await checkUploadAllowed(services, input);
  const recordingId = randomUUID();
  const fileKey = audioKey(ownerId, recordingId, contentType);
  const expiresAt = new Date(now().getTime() + settings.uploadUrlTtlSeconds * 1000);
  const title =
    cleanTitle(input.title ?? "") || titleFromFileName(input.fileName) || "Untitled recording";

  // Signing a policy needs no S3 round trip, so an upload S3 cannot take would only fail halfway
  // through in the browser: the storage's circuit breaker, fed by real S3 results, refuses it here.
  await storage.ensureAvailable();

  await db.$transaction(async (tx) => {
    // Reserving locks the user's usage row: their uploads are checked one at a time.
    const quota = await reserveUsage(tx, ownerId, input.sizeBytes, settings.quotaBytes);
    const pending = await tx.recording.count({ where: { ownerId, status: RecordingStatus.PENDING } });
    // Throwing rolls the reservation back.
    if (pending >= settings.maxPendingUploads) {
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `You already have ${pending} uploads in progress. Let them finish, then try again.`,
      );
    }
    if (!quota.reserved) {
      throw new AppError(
        "BAD_REQUEST",
        `Your storage is full: this file needs ${formatBytes(input.sizeBytes)} and ${formatBytes(
          Math.max(0, settings.quotaBytes - quota.bytesUsed),
        )} of your ${formatBytes(settings.quotaBytes)} is left. Delete recordings to make room.`,
      );
    }
    await tx.recording.create({
      data: {
        id: recordingId,
        ownerId,
        title,
        fileKey,
        contentType,
        sizeBytes: input.sizeBytes,
        uploadExpiresAt: expiresAt,
      },
      select: { id: true },
    });
  });

  try {
    const upload = await storage.presignUpload({
      key: fileKey,
      contentType,
      sizeBytes: input.sizeBytes,
      expiresInSeconds: settings.uploadUrlTtlSeconds,
    });
    metrics.uploadsCreated.inc();
    return { recordingId, upload, expiresAt, maxBytes: input.sizeBytes };
  } catch (error) {
    // Nothing can reach S3 without the policy, so the reservation goes with it.
    await db.$transaction(async (tx) => {
      await tx.recording.delete({ where: { id: recordingId } });
      await adjustUsage(tx, ownerId, -input.sizeBytes);
    });
    throw error;
  }
}

// What Prisma throws when an update's `where` (here: still PENDING) matched no row.
const isRecordNotFound = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";

async function loadDetail(services: Services, recordingId: string) {
  const row = await services.db.recording.findUniqueOrThrow({
    where: { id: recordingId },
    select: recordingDetailSelect,
  });
  return toDetail(row);
}

/**
 * Inspects what landed at the recording's key and settles the recording: READY with its duration,
 * or FAILED with a reason and the object removed. Settled recordings are returned as they are,
 * so confirming twice gives the same answer.
 */
export async function confirmUpload(services: Services, recordingId: string) {
  const stopTimer = metrics.confirmDuration.startTimer();
  try {
    return await settleUpload(services, recordingId);
  } finally {
    stopTimer();
  }
}

async function settleUpload(services: Services, recordingId: string) {
  const { db, storage, now } = services;
  const recording = await db.recording.findUniqueOrThrow({
    where: { id: recordingId },
    select: { ownerId: true, status: true, fileKey: true, contentType: true, sizeBytes: true },
  });
  if (recording.status !== RecordingStatus.PENDING) return loadDetail(services, recordingId);
  if (!recording.fileKey || !recording.contentType || recording.sizeBytes === null) {
    throw new Error(`pending recording ${recordingId} has no upload reserved`);
  }

  const inspection = await inspectAudioObject(storage, recording.fileKey, {
    sizeBytes: recording.sizeBytes,
    family: audioTypeOf(recording.contentType).family,
  });

  if (inspection.outcome === "missing") {
    throw new AppError(
      "PRECONDITION_FAILED",
      "The upload has not arrived yet. Finish uploading the file, then confirm again.",
    );
  }

  if (inspection.outcome === "rejected") {
    // The orphan sweeper removes the object later should this delete fail.
    await storage.delete(recording.fileKey).catch((error: unknown) => {
      logger.warn({ err: error, recordingId }, "could not delete a rejected upload yet");
    });
    const reserved = recording.sizeBytes;
    const failed = await db.$transaction(async (tx) => {
      const updated = await tx.recording.updateMany({
        where: { id: recordingId, status: RecordingStatus.PENDING },
        data: { status: RecordingStatus.FAILED, failureReason: inspection.reason },
      });
      if (updated.count === 1) await adjustUsage(tx, recording.ownerId, -reserved);
      return updated;
    });
    if (failed.count) metrics.uploadsFailed.inc({ reason: inspection.code });
    logger.info({ recordingId, reason: inspection.reason }, "upload rejected");
    return loadDetail(services, recordingId);
  }

  // Ready and queued for analysis together: a crash cannot leave a recording that is never analysed.
  // The update returns the answer, without reading the recording again.
  const settled = await db
    .$transaction(async (tx) => {
      const recordingRow = await tx.recording.update({
        where: { id: recordingId, status: RecordingStatus.PENDING },
        data: {
          status: RecordingStatus.READY,
          durationMs: inspection.durationMs,
          uploadedAt: now(),
          uploadExpiresAt: null,
        },
        select: recordingDetailSelect,
      });
      await startAnalysis(tx, recordingId, services.jobs);
      return toDetail(recordingRow);
    })
    .catch((error: unknown) => {
      // Another confirm settled it first: answer with what it settled.
      if (isRecordNotFound(error)) return null;
      throw error;
    });
  if (!settled) return loadDetail(services, recordingId);
  metrics.uploadsConfirmed.inc();
  return settled;
}
