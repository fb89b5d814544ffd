"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { AnalysisSection, useRecordingAnalysis } from "@/app/_components/analysis/analysis-section";
import { WaveformSeek } from "@/app/_components/analysis/waveform-seek";
import { AudioPlayer, type AudioPlayerHandle } from "@/app/_components/audio-player/audio-player";
import { CommentsPanel } from "@/app/_components/comments/comments-panel";
import { formatDate, formatDurationMs } from "@/app/_lib/time";
import { api } from "@/app/_trpc/client";
import { formatBytes } from "@/lib/format";
import { formatName } from "@/app/_lib/formats";
import { FailureMessage } from "../feedback/failure-message";
import { StatusBadge } from "./status-badge";
import { WhoListened } from "./who-listened";



function Analysis({ analysis }: { analysis: unknown }) {
  if (analysis === null || analysis === undefined) return null;
  const entries = typeof analysis === "object" && !Array.isArray(analysis) ? Object.entries(analysis) : [];
  return (
    <section aria-labelledby="analysis-heading">
      <h2 id="analysis-heading" className="text-lg font-semibold">
        Earlier analysis
      </h2>
      {entries.length ? (
        <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
          {entries.map(([key, value]) => (
            <div key={key} className="rounded bg-white p-2">
              <dt className="text-slate-600">{key}</dt>
              <dd className="font-medium">{typeof value === "object" ? JSON.stringify(value) : String(value)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <pre className="mt-2 overflow-x-auto rounded bg-white p-2 text-sm">{JSON.stringify(analysis, null, 2)}</pre>
      )}
    </section>
  );
}

/** One recording: its facts, the player, analysis, review and comments. The page prefetches it. */
export function ResultsScreen({ recordingId }: { recordingId: string }) {
  const utils = api.useUtils();
  const [recording] = api.recording.byId.useSuspenseQuery({ recordingId });
  const ownerName = recording.viewerIsCoach ? recording.ownerName : null;
  const comments = api.comment.list.useQuery({ recordingId }, { enabled: recording.status === "READY" });
  const markReviewed = api.coach.markReviewed.useMutation({
    onSuccess: () => {
      void utils.recording.byId.invalidate({ recordingId });
      void utils.coach.students.invalidate();
    },
  });
  const player = useRef<AudioPlayerHandle>(null);
  const [position, setPosition] = useState(0);
  const playable = recording.status === "READY" && recording.hasAudio;
  const failed = recording.status === "FAILED" || recording.status === "EXPIRED";
  const analysis = useRecordingAnalysis(recordingId, playable);
  const { waveform, metrics } = analysis.data ?? {};
  const seek = (seconds: number) => player.current?.seek(seconds);

  return (
    <article aria-labelledby="recording-title" className="space-y-6">
      <div>
        <Link href={ownerName ? `/recordings?student=${recording.ownerId}` : "/recordings"} className="text-sm text-blue-700 underline">
          ← {ownerName ? `${ownerName}'s recordings` : "All recordings"}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 id="recording-title" className="text-2xl font-semibold">
            {recording.title}
          </h1>
          <StatusBadge status={recording.status} hasAudio={recording.hasAudio} />
        </div>
        {ownerName && <p className="text-sm text-slate-600">{ownerName}&apos;s recording · read-only</p>}
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {[
            ["Recorded", formatDate(recording.createdAt), undefined],
            ["Duration", formatDurationMs(recording.durationMs), "recording-duration"],
            ["Format", formatName(recording.contentType), undefined],
            [
              "Size",
              recording.sizeBytes == null
                ? "—"
                : recording.originalSizeBytes != null
                  ? `${formatBytes(recording.sizeBytes)} (compressed from ${formatBytes(recording.originalSizeBytes)})`
                  : formatBytes(recording.sizeBytes),
              undefined,
            ],
          ].map(([term, value, testId]) => (
            <div key={term}>
              <dt className="inline text-slate-600">{term} </dt>
              <dd className="inline" data-testid={testId}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </div>

      {playable ? (
        <AudioPlayer
          ref={player}
          recordingId={recording.id}
          title={recording.title}
          durationMs={recording.durationMs}
          onTime={setPosition}
          markers={(comments.data ?? []).map((comment) => ({
            id: comment.id,
            startMs: comment.startMs,
            endMs: comment.endMs,
            label: comment.body,
          }))}
          underSeekBar={
            waveform && metrics
              ? (view) => (
                  <WaveformSeek
                    {...waveform}
                    currentTime={view.position}
                    duration={view.duration}
                    pauses={metrics.pauses.items}
                    monotone={metrics.pitch.monotone}
                    onSeek={view.seek}
                  />
                )
              : undefined
          }
        />
      ) : (
        <div role="status" className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="font-medium">Audio not available</p>
          <p className="text-sm text-slate-700">
            {!recording.hasAudio
              ? "This recording was made before audio was stored."
              : failed
                ? `The upload failed: ${recording.failureReason ?? "the file was not accepted."}`
                : "The audio is still being processed."}
          </p>
        </div>
      )}

      {recording.viewerIsCoach && recording.status === "READY" && (
        <div>
        <button
          type="button"
          aria-pressed={recording.reviewedAt !== null}
          onClick={() => markReviewed.mutate({ recordingId, reviewed: recording.reviewedAt === null })}
          className={`rounded px-4 py-2 text-sm font-medium ${recording.reviewedAt ? "border border-slate-300 bg-white" : "bg-violet-700 text-white"}`}
        >
          {recording.reviewedAt ? "Reviewed ✓ (undo)" : "Mark reviewed"}
        </button>
        <FailureMessage error={markReviewed.error} action="save the review" className="mt-2" />
        </div>
      )}

      {recording.transcript && (
        <section aria-labelledby="transcript-heading">
          <h2 id="transcript-heading" className="text-lg font-semibold">
            Transcript
          </h2>
          <p className="mt-2 whitespace-pre-wrap rounded bg-white p-3">{recording.transcript}</p>
        </section>
      )}
      {playable && (
        <AnalysisSection recordingId={recordingId} analysis={analysis.data} error={analysis.error?.message ?? null} onSeek={seek} />
      )}
      <Analysis analysis={recording.analysis} />

      {playable && recording.canManage && <WhoListened recordingId={recordingId} />}

      {playable && (
        <CommentsPanel
          recordingId={recordingId}
          isOwner={recording.canManage}
          player={{
            currentSeconds: () => player.current?.currentTime() ?? position,
            seek,
            pause: () => player.current?.pause(),
          }}
        />
      )}
    </article>
  );
}
