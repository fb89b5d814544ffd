import "server-only";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { RecordingStatus } from "../generated/prisma/enums";
import { logger } from "../log";
import { audioTypeOf } from "../../lib/audio-types";
import { encodeSpeech, SPEECH_ENCODING } from "../storage/ffmpeg";
import { inspectAudioObject } from "../storage/inspect";
import { compressedKey } from "../storage/keys";
import type { Services } from "./services";
import { adjustUsage } from "./usage";

/** How far the compressed audio's length may differ from the original's (analysis and comments line up). */
export const MAX_DURATION_DRIFT_MS = 50;

export type CompressionStep = "uploaded" | "swapped";
export type CompressionOutcome =
  | { outcome: "compressed"; sizeBytes: number; originalSizeBytes: number }
  | { outcome: "skipped"; reason: string }
  | { outcome: "failed"; reason: string };

/** Bits per second of a stored recording, from its size and length. */
function bitsPerSecond(sizeBytes: number, durationMs: number) {
  return (sizeBytes * 8 * 1000) / durationMs;
}

/**
 * Re-encodes a READY recording stored above the bitrate threshold in the speech encoding and swaps
 * it in safely: the new object is written beside the original under the recording's prefix and
 * inspected like an upload; one transaction points the recording at it and schedules the
 * original's deletion for after every playback URL issued for it has expired. A crash before the
 * swap leaves an object the orphan sweep removes; a crash after it leaves a scheduled deletion the
 * worker carries out. `afterStep` lets the crash tests stop the process at each step.
 */
export async function transcodeRecording(
  services: Services,
  recordingId: string,
  afterStep: (step: CompressionStep) => Promise<void> = async () => {},
): Promise<CompressionOutcome> {
  const { db, storage, settings, now } = services;
  const row = await db.recording.findUnique({
    where: { id: recordingId },
    select: { ownerId: true, status: true, fileKey: true, sizeBytes: true, durationMs: true, compressedAt: true },
  });
  if (!row || row.status !== RecordingStatus.READY || !row.fileKey || !row.sizeBytes || !row.durationMs) {
    return { outcome: "skipped", reason: "not a ready recording with a known length" };
  }
  if (row.compressedAt) return { outcome: "skipped", reason: "already compressed" };
  if (bitsPerSecond(row.sizeBytes, row.durationMs) <= settings.compression.minBitsPerSecond) {
    return { outcome: "skipped", reason: "already at a speech bitrate" };
  }

  const workDir = await mkdtemp(path.join(tmpdir(), "speech-coach-transcode-"));
  const newKey = compressedKey(row.ownerId, recordingId, randomBytes(6).toString("hex"));
  let uploaded = false;
  try {
    const input = path.join(workDir, "original");
    const output = path.join(workDir, `speech.${SPEECH_ENCODING.extension}`);
    await storage.download(row.fileKey, input);
    await encodeSpeech(settings.compression.ffmpegPath, input, output);
    const { size } = await stat(output);
    if (size >= row.sizeBytes) {
      await markCompressed(services, recordingId, null);
      return { outcome: "skipped", reason: "the speech encoding would not be smaller" };
    }

    await storage.putFile(newKey, output, SPEECH_ENCODING.contentType);
    uploaded = true;
    await afterStep("uploaded");

    const inspection = await inspectAudioObject(storage, newKey, {
      sizeBytes: size,
      family: audioTypeOf(SPEECH_ENCODING.contentType).family,
    });
    const drift = inspection.outcome === "accepted" && inspection.durationMs !== null ? Math.abs(inspection.durationMs - row.durationMs) : null;
    if (drift === null || drift > MAX_DURATION_DRIFT_MS) {
      const reason = inspection.outcome === "rejected" ? inspection.reason : `length off by ${drift ?? "an unknown amount of"} ms`;
      await markCompressed(services, recordingId, `compressed audio failed its check: ${reason}`);
      return { outcome: "failed", reason };
    }

    // Every URL signed for the original expires by the end of the current window plus the TTL.
    const deleteAfter = new Date(
      now().getTime() + (settings.playbackUrlWindowSeconds + settings.playbackUrlTtlSeconds) * 1000,
    );
    const swapped = await db.$transaction(async (tx) => {
      const moved = await tx.recording.updateMany({
        where: { id: recordingId, fileKey: row.fileKey, status: { in: [RecordingStatus.READY, RecordingStatus.TRASHED] } },
        data: {
          fileKey: newKey,
          contentType: SPEECH_ENCODING.contentType,
          sizeBytes: size,
          originalSizeBytes: row.sizeBytes,
          compressedAt: now(),
          compressionError: null,
        },
      });
      if (moved.count === 0) return false;
      await adjustUsage(tx, row.ownerId, size - (row.sizeBytes ?? 0));
      await tx.objectDeletion.create({ data: { key: row.fileKey!, deleteAfter } });
      return true;
    });
    if (!swapped) return { outcome: "skipped", reason: "the recording changed meanwhile" };
    uploaded = false;
    await afterStep("swapped");
    return { outcome: "compressed", sizeBytes: size, originalSizeBytes: row.sizeBytes };
  } catch (error) {
    await markCompressed(services, recordingId, error instanceof Error ? error.message.slice(0, 500) : String(error), false);
    throw error;
  } finally {
    // Not swapped in: the new object goes (or, should this fail too, the orphan sweep takes it).
    if (uploaded) {
      await storage.delete(newKey).catch((error: unknown) => logger.warn({ err: error, newKey }, "could not remove an unused compressed object"));
    }
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Records the end of a compression attempt; `done` false leaves it to be tried again. */
async function markCompressed(services: Services, recordingId: string, error: string | null, done = true) {
  await services.db.recording.update({
    where: { id: recordingId },
    data: { ...(done && { compressedAt: services.now() }), compressionError: error },
    select: { id: true },
  });
}

const MAX_ATTEMPTS = 3;
const LEASE_SECONDS = 15 * 60;

/**
 * The worker's compression job: claims READY recordings stored above the threshold whose analysis
 * (which needs the original) is not pending or running, at most `batchSize` per run, with SKIP
 * LOCKED and a lease, so workers share them and a crashed worker's claim lapses.
 */
export async function compressDueRecordings(services: Services, batchSize = 2) {
  const { db, now, settings } = services;
  if (!settings.compression.enabled) return { attempted: 0, compressed: 0 };
  const leaseUntil = new Date(now().getTime() + LEASE_SECONDS * 1000);
  const claimed = await db.$queryRaw<{ id: string }[]>`
    update recording set "compressionAttempts" = "compressionAttempts" + 1, "compressionLeaseUntil" = ${leaseUntil}
    where id in (
      select r.id from recording r
      where r.status = 'READY' and r."compressedAt" is null and r."compressionAttempts" < ${MAX_ATTEMPTS}
        and (r."compressionLeaseUntil" is null or r."compressionLeaseUntil" < ${now()})
        and r."durationMs" > 0 and r."sizeBytes"::float8 * 8000 / r."durationMs" > ${settings.compression.minBitsPerSecond}
        and not exists (
          select 1 from recording_analysis a where a."recordingId" = r.id and a.status in ('pending', 'running')
        )
      order by r."uploadedAt"
      limit ${batchSize}
      for update skip locked
    )
    returning id`;
  let compressed = 0;
  for (const { id } of claimed) {
    try {
      if ((await transcodeRecording(services, id)).outcome === "compressed") compressed += 1;
    } catch (error) {
      logger.warn({ err: error, recordingId: id }, "compression failed; will retry");
    }
  }
  return { attempted: claimed.length, compressed };
}
