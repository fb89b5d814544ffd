"use client";
import { api } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { MetricCards } from "./metric-cards";

type Analysis = RouterOutputs["recording"]["analysis"];

const POLL_MS = 2000;

/** A recording's analysis, asked again every two seconds while it is queued or running. */
export function useRecordingAnalysis(recordingId: string, enabled: boolean) {
  return api.recording.analysis.useQuery(
    { recordingId },
    {
      enabled,
      refetchInterval: (query) => (query.state.data?.status === "pending" || query.state.data?.status === "running" ? POLL_MS : false),
    },
  );
}

const PROGRESS: Record<"pending" | "running", string> = {
  pending: "Waiting for its turn to be analysed…",
  running: "Measuring pace, pauses, loudness and pitch…",
};

/** The analysis part of the results screen: its progress, its failure, the button to start it, or the figures. */
export function AnalysisSection({
  recordingId,
  analysis,
  error,
  onSeek,
}: {
  recordingId: string;
  analysis: Analysis | undefined;
  error: string | null;
  onSeek: (seconds: number) => void;
}) {
  const utils = api.useUtils();
  const request = api.recording.requestAnalysis.useMutation({
    onSuccess: (next) => {
      utils.recording.analysis.setData({ recordingId }, next);
      void utils.recording.list.invalidate();
    },
  });
  const analyseButton = (label: string) =>
    analysis?.canRequest && (
      <button
        type="button"
        onClick={() => request.mutate({ recordingId })}
        disabled={request.isPending}
        className="mt-3 rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {request.isPending ? "Starting…" : label}
      </button>
    );

  return (
    <section aria-labelledby="speech-analysis-heading" className="space-y-3">
      <h2 id="speech-analysis-heading" className="text-lg font-semibold">
        How you spoke
      </h2>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          Could not load the analysis: {error}
        </p>
      ) : !analysis ? (
        <p aria-busy="true" className="text-sm text-slate-600">
          Loading the analysis…
        </p>
      ) : analysis.status === "none" ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-4">
          <p className="text-sm">This recording has not been analysed yet.</p>
          {analyseButton("Analyse")}
        </div>
      ) : analysis.status === "pending" || analysis.status === "running" ? (
        <div role="status" className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm font-medium">{PROGRESS[analysis.status]}</p>
          <progress aria-label="Analysis progress" className="mt-2 h-2 w-full" />
          <p className="mt-1 text-xs text-slate-600">The figures appear here by themselves when they are ready.</p>
        </div>
      ) : analysis.status === "failed" ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4">
          <p className="text-sm text-red-900">The analysis failed: {analysis.failureReason}</p>
          <p className="text-sm text-red-900">The recording itself still plays.</p>
          {analyseButton("Try the analysis again")}
        </div>
      ) : analysis.metrics ? (
        <MetricCards metrics={analysis.metrics} onSeek={onSeek} />
      ) : null}
      {request.error && (
        <p role="alert" className="text-sm text-red-800">
          {request.error.message}
        </p>
      )}
    </section>
  );
}
