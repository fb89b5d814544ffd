"use client";
import { useEffect, useRef, type RefObject } from "react";
import type { PlaybackSource } from "./playback-source";

const MAX_RECOVERIES = 3;
export const COULD_NOT_PLAY = "This recording could not be played. Try again in a moment.";

interface UrlRefreshOptions {
  audio: RefObject<HTMLAudioElement | null>;
  source: PlaybackSource;
  playing: boolean;
  /** Where the listener was, for when the element has already forgotten (after a failed load). */
  lastPosition: RefObject<number>;
  /** Puts a new URL in the element and resumes at `at` seconds. */
  load: (url: string, at: number) => void;
  recovering: () => void;
  giveUp: (mediaErrorCode: number | null) => void;
}

/**
 * Keeps the element's URL usable for a long listen: swaps in a fresh one shortly before the
 * current one expires, and when a request fails anyway (an expired URL surfaces as a media error)
 * fetches another and carries on at the same second, a few times before giving up.
 */
export function useUrlRefresh({ audio, source, playing, lastPosition, load, recovering, giveUp }: UrlRefreshOptions) {
  const recoveries = useRef(0);

  useEffect(() => {
    const element = audio.current!;
    const onError = () => {
      if (!element.src) return;
      if (recoveries.current >= MAX_RECOVERIES) {
        giveUp(element.error?.code ?? null);
        return;
      }
      recoveries.current += 1;
      const at = element.currentTime || lastPosition.current;
      recovering();
      source
        .fresh()
        .then((url) => load(url, at))
        .catch(() => giveUp(null));
    };
    // Playing on means the current URL works again.
    const onTimeUpdate = () => {
      recoveries.current = 0;
    };
    element.addEventListener("error", onError);
    element.addEventListener("timeupdate", onTimeUpdate);
    return () => {
      element.removeEventListener("error", onError);
      element.removeEventListener("timeupdate", onTimeUpdate);
    };
  }, [audio, giveUp, lastPosition, load, recovering, source]);

  useEffect(() => {
    if (!playing) return;
    const wait = source.msUntilRefresh();
    if (wait === null) return;
    const timer = setTimeout(() => {
      const element = audio.current!;
      void source.fresh().then((url) => load(url, element.currentTime), () => {});
    }, Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [audio, load, playing, source]);
}
