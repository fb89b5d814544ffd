"use client";
import { useMemo } from "react";
import { api } from "@/app/_trpc/client";
import { createPlaybackSource, type PlaybackSource } from "./playback-source";

/**
 * The playback URLs of one recording. The same object for as long as the recording is the same,
 * so the player's effects that depend on it bind their listeners once, not on every render.
 */
export function usePlaybackSource(recordingId: string): PlaybackSource {
  const { client } = api.useUtils();
  return useMemo(
    () => createPlaybackSource(() => client.recording.playbackUrl.query({ recordingId })),
    [client, recordingId],
  );
}
