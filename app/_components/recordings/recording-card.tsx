"use client";
import Link from "next/link";
import { AnalysisSummary } from "@/app/_components/analysis/analysis-summary";
import { AudioPlayer } from "@/app/_components/audio-player/audio-player";
import { formatName } from "@/app/_lib/formats";
import { formatDate, formatDurationMs } from "@/app/_lib/time";
import { formatBytes } from "@/lib/format";
import type { RouterOutputs } from "@/app/_trpc/types";
import { DeleteButton } from "./delete-button";
import { StatusBadge } from "./status-badge";

export type RecordingItem = RouterOutputs["recording"]["list"]["items"][number];

export function RecordingCard({
  recording,
  onDelete,
  coachView,
}: {
  recording: RecordingItem;
  onDelete?: () => void;
  coachView: boolean;
}) {
  const failed = recording.status === "FAILED" || recording.status === "EXPIRED";
  return (
    <article aria-labelledby={`title-${recording.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`title-${recording.id}`} className="truncate font-medium">
            <Link href={`/recordings/${recording.id}`} className="hover:underline">
              {recording.title}
            </Link>
          </h3>
          <p className="text-sm text-slate-600">
            <time dateTime={recording.createdAt.toISOString()}>{formatDate(recording.createdAt)}</time>
            {" · "}
            <span aria-label="Duration">{formatDurationMs(recording.durationMs)}</span>
            {recording.contentType && ` · ${formatName(recording.contentType)}`}
            {recording.sizeBytes != null && ` · ${formatBytes(recording.sizeBytes)}`}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {recording.unreadComments > 0 && (
            <span className="rounded-full bg-blue-600 px-2 py-0.5 text-xs font-medium text-white">
              {recording.unreadComments} new {recording.unreadComments === 1 ? "comment" : "comments"}
            </span>
          )}
          {coachView && recording.status === "READY" && (
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${recording.reviewedAt ? "bg-slate-100 text-slate-700" : "bg-violet-100 text-violet-900"}`}>
              {recording.reviewedAt ? "Reviewed" : "Not reviewed"}
            </span>
          )}
          <StatusBadge status={recording.status} hasAudio={recording.hasAudio} />
          {onDelete && <DeleteButton title={recording.title} onConfirm={onDelete} />}
        </div>
      </div>
      {recording.analysis && (
        <div className="mt-2">
          <AnalysisSummary summary={recording.analysis} title={recording.title} />
        </div>
      )}
      {failed && recording.failureReason && <p className="mt-2 text-sm text-red-800">{recording.failureReason}</p>}
      {recording.status === "READY" && recording.hasAudio && (
        <div className="mt-3">
          <AudioPlayer recordingId={recording.id} title={recording.title} durationMs={recording.durationMs} compact />
        </div>
      )}
      {!recording.hasAudio && <p className="mt-2 text-sm text-slate-600">Audio not available for this recording.</p>}
    </article>
  );
}
