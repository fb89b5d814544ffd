"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { getErrorMessage } from "@/app/_lib/errors";
import { bufferedRanges, effectiveDuration } from "./duration";
import type { PlayOutcome } from "./play-outcome";
import { usePlaybackSource } from "./use-playback-source";
import { COULD_NOT_PLAY, useUrlRefresh } from "./use-url-refresh";

export type PlayerState = "idle" | "loading" | "playing" | "paused";

interface PlayerOptions {
  recordingId: string;
  durationMs: number | null;
  onPlayOutcome?: (outcome: PlayOutcome) => void;
}

/**
 * The state of one recording's <audio> element and the commands on it. The playback URL is
 * fetched on the first play and kept usable by `useUrlRefresh`.
 */
export function usePlayer({ recordingId, durationMs, onPlayOutcome }: PlayerOptions) {
  const audio = useRef<HTMLAudioElement>(null);
  const source = usePlaybackSource(recordingId);
  const resumeAt = useRef<number | null>(null);
  const wantsToPlay = useRef(false);
  const measuring = useRef(false);
  const lastPosition = useRef(0);
  const pressedPlayAt = useRef<number | null>(null);
  const reportOutcome = useRef(onPlayOutcome);
  const [state, setState] = useState<PlayerState>("idle");
  const [position, setPosition] = useState(0);
  const [elementDuration, setElementDuration] = useState(Number.NaN);
  const [buffered, setBuffered] = useState<[number, number][]>([]);
  const [speed, setSpeed] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const duration = effectiveDuration(elementDuration, durationMs);

  useEffect(() => {
    reportOutcome.current = onPlayOutcome;
  }, [onPlayOutcome]);

  /** Reports how the pending press of play ended, once. */
  const settlePlay = useCallback((outcome: (waitedMs: number) => PlayOutcome) => {
    if (pressedPlayAt.current === null) return;
    const waitedMs = Math.round(performance.now() - pressedPlayAt.current);
    pressedPlayAt.current = null;
    reportOutcome.current?.(outcome(waitedMs));
  }, []);

  const load = useCallback((url: string, at: number) => {
    const element = audio.current!;
    resumeAt.current = at;
    element.src = url;
    element.load();
  }, []);

  const recovering = useCallback(() => setState("loading"), []);
  const giveUp = useCallback(
    (mediaErrorCode: number | null) => {
      wantsToPlay.current = false;
      setState("paused");
      setError(COULD_NOT_PLAY);
      settlePlay(() => ({ started: false, mediaErrorCode, message: COULD_NOT_PLAY }));
    },
    [settlePlay],
  );

  const play = useCallback(async () => {
    const element = audio.current!;
    setError(null);
    wantsToPlay.current = true;
    pressedPlayAt.current ??= performance.now();
    // Only one recording plays at a time on a page.
    for (const other of document.querySelectorAll("audio")) if (other !== element) other.pause();
    if (!element.src || source.hasExpired()) {
      setState("loading");
      try {
        load(await source.usable(), element.currentTime || lastPosition.current);
      } catch (cause) {
        const message = getErrorMessage(cause, "Could not load the audio.");
        wantsToPlay.current = false;
        setState("idle");
        setError(message);
        settlePlay(() => ({ started: false, mediaErrorCode: null, message }));
      }
      return;
    }
    await element.play().catch(() => {});
  }, [load, settlePlay, source]);

  const pause = useCallback(() => {
    wantsToPlay.current = false;
    audio.current?.pause();
  }, []);

  const seek = useCallback(
    (seconds: number) => {
      const element = audio.current!;
      const target = Math.max(0, duration ? Math.min(seconds, duration) : seconds);
      setPosition(target);
      lastPosition.current = target;
      if (element.src && element.readyState > 0) element.currentTime = target;
      else resumeAt.current = target;
    },
    [duration],
  );

  useEffect(() => {
    const element = audio.current!;
    const resume = () => {
      if (resumeAt.current !== null) element.currentTime = resumeAt.current;
      resumeAt.current = null;
      if (wantsToPlay.current) void element.play().catch(() => {});
    };
    const onLoaded = () => {
      setElementDuration(element.duration);
      // No length from the file or the server (a browser recording): seeking far past the end
      // makes the browser find the real one, then we come back.
      if (!Number.isFinite(element.duration) && durationMs == null && !measuring.current) {
        measuring.current = true;
        const measured = () => {
          if (!Number.isFinite(element.duration)) return;
          element.removeEventListener("durationchange", measured);
          measuring.current = false;
          setElementDuration(element.duration);
          resumeAt.current ??= 0;
          resume();
        };
        element.addEventListener("durationchange", measured);
        element.currentTime = 1e101;
        return;
      }
      resume();
    };
    const onTimeUpdate = () => {
      if (measuring.current) return;
      lastPosition.current = element.currentTime;
      setPosition(element.currentTime);
      setBuffered(bufferedRanges(element.buffered));
    };
    const onPlaying = () => {
      setState("playing");
      settlePlay((waitedMs) => ({ started: true, waitedMs }));
    };
    const onEnded = () => {
      wantsToPlay.current = false;
      setState("paused");
    };
    const listeners: [string, () => void][] = [
      ["loadedmetadata", onLoaded],
      ["durationchange", () => setElementDuration(element.duration)],
      ["timeupdate", onTimeUpdate],
      ["progress", () => setBuffered(bufferedRanges(element.buffered))],
      ["playing", onPlaying],
      ["pause", () => setState((s) => (s === "loading" ? s : "paused"))],
      ["waiting", () => setState("loading")],
      ["ended", onEnded],
    ];
    for (const [event, listener] of listeners) element.addEventListener(event, listener);
    return () => {
      for (const [event, listener] of listeners) element.removeEventListener(event, listener);
    };
  }, [durationMs, settlePlay]);

  useUrlRefresh({ audio, source, playing: state === "playing", lastPosition, load, recovering, giveUp });

  // The default rate survives a change of URL; the current one does not.
  useEffect(() => {
    const element = audio.current!;
    element.defaultPlaybackRate = speed;
    element.playbackRate = speed;
  }, [speed]);

  const toggle = useCallback(
    () => (state === "playing" || state === "loading" ? pause() : void play()),
    [pause, play, state],
  );

  return { audio, state, position, duration, buffered, speed, setSpeed, error, play, pause, seek, toggle, lastPosition };
}
