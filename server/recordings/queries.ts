import "server-only";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { RecordingStatus } from "../generated/prisma/enums";
import { audioTypeOf } from "../../lib/audio-types";
import { metrics } from "../metrics/metrics";
import { playbackWindow } from "../storage/playback-window";
import type { Services } from "./services";
import { usedBytes } from "./usage";
import {
  QUOTA_STATUSES,
  recordingDetailSelect,
  recordingSummarySelect,
  toDetail,
  toSummary,
  VISIBLE_STATUSES,
} from "./view";

// Keyset pagination: the cursor names the last row seen by its position, so inserts and
// deletions between pages neither repeat nor skip rows.
interface Position {
  createdAt: Date;
  id: string;
}

function encodeCursor({ createdAt, id }: Position) {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): Position {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("BAD_REQUEST", "The page cursor is not valid. Reload the list.");
  }
  return { createdAt, id };
}

export async function listRecordings(
  { db }: Services,
  ownerId: string,
  page: { cursor?: string; limit: number },
) {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const where: Prisma.RecordingWhereInput = {
    ownerId,
    status: { in: VISIBLE_STATUSES },
    // `(createdAt, id) < (x, y)` spelled so PostgreSQL bounds the index scan with it:
    // `createdAt <= x` is an index condition on (ownerId, createdAt, id), so the scan starts at the
    // cursor; the OR then only drops the rows created in the same millisecond as the cursor row.
    // (Written as `createdAt < x OR (createdAt = x AND id < y)` alone it was a filter, and the
    // scan walked and discarded every newer row first: bench/history.ts.)
    ...(after && {
      createdAt: { lte: after.createdAt },
      OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }],
    }),
  };
  const rows = await db.recording.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: recordingSummarySelect,
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(toSummary),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null,
  };
}

/** One recording in full, with its owner's name for a coach's screen. */
export async function getRecording({ db }: Services, recordingId: string) {
  const { owner, ...row } = await db.recording.findUniqueOrThrow({
    where: { id: recordingId },
    select: { ...recordingDetailSelect, owner: { select: { name: true } } },
  });
  return { ...toDetail(row), ownerName: owner.name };
}

export async function usage({ db, settings }: Services, ownerId: string) {
  const [bytesUsed, recentlyDeleted, compressed, recordingCount] = await Promise.all([
    usedBytes(db, ownerId),
    db.recording.aggregate({ where: { ownerId, status: RecordingStatus.TRASHED }, _sum: { sizeBytes: true } }),
    db.recording.aggregate({
      where: { ownerId, status: { in: QUOTA_STATUSES }, originalSizeBytes: { not: null } },
      _sum: { sizeBytes: true, originalSizeBytes: true },
    }),
    db.recording.count({ where: { ownerId, status: { in: VISIBLE_STATUSES } } }),
  ]);
  return {
    bytesUsed,
    recentlyDeletedBytes: recentlyDeleted._sum.sizeBytes ?? 0,
    // What compression saved on the recordings the user still has.
    bytesSaved: (compressed._sum.originalSizeBytes ?? 0) - (compressed._sum.sizeBytes ?? 0),
    quotaBytes: settings.quotaBytes,
    deletedRetentionDays: settings.deletedRetentionDays,
    recordingCount,
  };
}

const AUDIO_NOT_AVAILABLE = "Audio is not available for this recording.";

export async function playbackUrl({ db, storage, settings, now }: Services, recordingId: string) {
  const recording = await db.recording.findUniqueOrThrow({
    where: { id: recordingId },
    select: { title: true, status: true, fileKey: true, contentType: true },
  });
  if (!recording.fileKey || !recording.contentType) {
    throw new AppError("PRECONDITION_FAILED", AUDIO_NOT_AVAILABLE);
  }
  if (recording.status !== RecordingStatus.READY) {
    throw new AppError(
      "PRECONDITION_FAILED",
      recording.status === RecordingStatus.PENDING
        ? "This recording is still being uploaded."
        : AUDIO_NOT_AVAILABLE,
    );
  }
  const window = playbackWindow(now(), settings.playbackUrlWindowSeconds, settings.playbackUrlTtlSeconds);
  const url = await storage.playbackUrl({
    key: recording.fileKey,
    contentType: recording.contentType,
    fileName: `${recording.title}.${audioTypeOf(recording.contentType).extension}`,
    window,
  });
  metrics.playbackUrlsIssued.inc();
  // The remaining lifetime too: a device whose clock disagrees with ours can still tell when to renew.
  const expiresInSeconds = Math.floor((window.expiresAt.getTime() - now().getTime()) / 1000);
  return { url, expiresAt: window.expiresAt, expiresInSeconds };
}
