"use client";
import { useCallback } from "react";
import { api } from "@/app/_trpc/client";
import type { PlayOutcome } from "./play-outcome";

type PlayErrorCode = "aborted" | "network" | "decode" | "src_not_supported" | "unknown";

// MediaError.code → what the server counts (1 aborted, 2 network, 3 decode, 4 source not supported).
const MEDIA_ERRORS: Record<number, PlayErrorCode> = { 1: "aborted", 2: "network", 3: "decode", 4: "src_not_supported" };

/**
 * Sends each play's outcome, as the browser saw it, to the server (`playback.report`), then hands
 * it on to `forward`. Best effort: a report that fails to send never disturbs listening.
 */
export function useReportPlayOutcome(recordingId: string, forward?: (outcome: PlayOutcome) => void) {
  const utils = api.useUtils();
  return useCallback(
    (outcome: PlayOutcome) => {
      const report = outcome.started
        ? { outcome: "started" as const, startMs: Math.min(600_000, Math.max(0, outcome.waitedMs)) }
        : { outcome: "error" as const, code: (outcome.mediaErrorCode && MEDIA_ERRORS[outcome.mediaErrorCode]) || "unknown" };
      void utils.client.playback.report.mutate({ recordingId, report }).catch(() => {});
      forward?.(outcome);
    },
    [forward, recordingId, utils],
  );
}
