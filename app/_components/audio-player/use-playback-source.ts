"use client";
import { useCallback, useRef } from "react";
import { api } from "@/app/_trpc/client";
import { URL_SAFETY_MARGIN_MS } from "./duration";

/**
 * Short-lived playback URLs for one recording, fetched only when needed: on the first play, and
 * again whenever the current one has expired or failed.
 */
export function usePlaybackSource(recordingId: string) {
  const utils = api.useUtils();
  const current = useRef<{ url: string; expiresAt: Date } | null>(null);

  const fresh = useCallback(async () => {
    const next = await utils.client.recording.playbackUrl.query({ recordingId });
    current.current = next;
    return next.url;
  }, [recordingId, utils]);

  /** The current URL if it is still good for a while, else a new one. */
  const usable = useCallback(async () => {
    const now = Date.now();
    if (current.current && current.current.expiresAt.getTime() - now > URL_SAFETY_MARGIN_MS) return current.current.url;
    return fresh();
  }, [fresh]);

  const hasExpired = useCallback(
    () => current.current !== null && current.current.expiresAt.getTime() - Date.now() <= URL_SAFETY_MARGIN_MS,
    [],
  );

  /** Milliseconds until the current URL should be replaced (null: no URL yet). */
  const msUntilRefresh = useCallback(
    () => (current.current ? current.current.expiresAt.getTime() - URL_SAFETY_MARGIN_MS - Date.now() : null),
    [],
  );

  return { usable, fresh, hasExpired, msUntilRefresh };
}
