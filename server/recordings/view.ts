import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { RecordingStatus } from "../generated/prisma/enums";

/** Statuses a person can see; DELETING and DELETED have left every list the moment delete ran. */
export const VISIBLE_STATUSES: RecordingStatus[] = [
  RecordingStatus.PENDING,
  RecordingStatus.READY,
  RecordingStatus.FAILED,
  RecordingStatus.EXPIRED,
];

/** Statuses that hold storage and so count against the quota (recently deleted until purged). */
export const QUOTA_STATUSES: RecordingStatus[] = [RecordingStatus.PENDING, RecordingStatus.READY, RecordingStatus.TRASHED];

export const recordingSummarySelect = {
  id: true,
  ownerId: true,
  title: true,
  status: true,
  fileKey: true,
  contentType: true,
  sizeBytes: true,
  originalSizeBytes: true,
  durationMs: true,
  failureReason: true,
  createdAt: true,
  uploadedAt: true,
} satisfies Prisma.RecordingSelect;

export const recordingDetailSelect = {
  ...recordingSummarySelect,
  transcript: true,
  analysis: true,
} satisfies Prisma.RecordingSelect;

type SummaryRow = Prisma.RecordingGetPayload<{ select: typeof recordingSummarySelect }>;
type DetailRow = Prisma.RecordingGetPayload<{ select: typeof recordingDetailSelect }>;

// The storage key stays on the server: clients learn only whether there is audio.
export function toSummary({ fileKey, ...row }: SummaryRow) {
  return { ...row, hasAudio: fileKey !== null };
}

export function toDetail(row: DetailRow) {
  const { transcript, analysis, ...summary } = row;
  return { ...toSummary(summary), transcript, analysis };
}
