"use client";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from "react";
import { formatClock } from "@/app/_lib/time";
import { bufferedRanges, effectiveDuration, SKIP_SECONDS, SPEEDS } from "./duration";
import { usePlaybackSource } from "./use-playback-source";

export interface PlayerMarker {
  id: string;
  startMs: number;
  endMs?: number | null;
  label: string;
}

export interface AudioPlayerHandle {
  seek: (seconds: number) => void;
  pause: () => void;
  currentTime: () => number;
}

interface AudioPlayerProps {
  recordingId: string;
  title: string;
  durationMs: number | null;
  markers?: PlayerMarker[];
  compact?: boolean;
  onTime?: (seconds: number) => void;
}

const MAX_RECOVERIES = 3;

/**
 * One recording's player: a native <audio> with accessible custom controls. The playback URL is
 * fetched on the first play, and replaced without the listener noticing when it expires or fails,
 * resuming at the same second.
 */
export const AudioPlayer = forwardRef<AudioPlayerHandle, AudioPlayerProps>(function AudioPlayer(
  { recordingId, title, durationMs, markers = [], compact = false, onTime },
  ref,
) {
  const audio = useRef<HTMLAudioElement>(null);
  const source = usePlaybackSource(recordingId);
  const resumeAt = useRef<number | null>(null);
  const wantsToPlay = useRef(false);
  const recoveries = useRef(0);
  const measuring = useRef(false);
  const lastPosition = useRef(0);
  const [state, setState] = useState<"idle" | "loading" | "playing" | "paused">("idle");
  const [position, setPosition] = useState(0);
  const [elementDuration, setElementDuration] = useState(Number.NaN);
  const [buffered, setBuffered] = useState<[number, number][]>([]);
  const [speed, setSpeed] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const duration = effectiveDuration(elementDuration, durationMs);

  const load = useCallback(
    async (url: string, at: number) => {
      const element = audio.current!;
      resumeAt.current = at;
      element.src = url;
      element.playbackRate = speed;
      element.load();
    },
    [speed],
  );

  const play = useCallback(async () => {
    const element = audio.current!;
    setError(null);
    wantsToPlay.current = true;
    // Only one recording plays at a time on a page.
    for (const other of document.querySelectorAll("audio")) if (other !== element) other.pause();
    if (!element.src || source.hasExpired()) {
      setState("loading");
      try {
        await load(await source.usable(), element.currentTime || lastPosition.current);
      } catch (cause) {
        wantsToPlay.current = false;
        setState("idle");
        setError(cause instanceof Error ? cause.message : "Could not load the audio.");
      }
      return;
    }
    await element.play().catch(() => {});
  }, [load, source]);

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

  useImperativeHandle(ref, () => ({ seek, pause, currentTime: () => lastPosition.current }), [pause, seek]);

  useEffect(() => {
    const element = audio.current!;
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
          element.currentTime = resumeAt.current ?? 0;
          resumeAt.current = null;
          if (wantsToPlay.current) void element.play().catch(() => {});
        };
        element.addEventListener("durationchange", measured);
        element.currentTime = 1e101;
        return;
      }
      if (resumeAt.current !== null) {
        element.currentTime = resumeAt.current;
        resumeAt.current = null;
      }
      if (wantsToPlay.current) void element.play().catch(() => {});
    };
    const onTimeUpdate = () => {
      if (measuring.current) return;
      lastPosition.current = element.currentTime;
      setPosition(element.currentTime);
      setBuffered(bufferedRanges(element.buffered));
      recoveries.current = 0;
    };
    // An expired or failed URL surfaces as a media error: fetch a new one and carry on from here.
    const onError = () => {
      if (!element.src) return;
      if (recoveries.current >= MAX_RECOVERIES) {
        setState("paused");
        setError("This recording could not be played. Try again in a moment.");
        return;
      }
      recoveries.current += 1;
      const at = element.currentTime || lastPosition.current;
      setState("loading");
      void source
        .fresh()
        .then((url) => load(url, at))
        .catch(() => setError("This recording could not be played. Try again in a moment."));
    };
    const listeners: [string, () => void][] = [
      ["loadedmetadata", onLoaded],
      ["durationchange", () => setElementDuration(element.duration)],
      ["timeupdate", onTimeUpdate],
      ["progress", () => setBuffered(bufferedRanges(element.buffered))],
      ["playing", () => setState("playing")],
      ["pause", () => setState((s) => (s === "loading" ? s : "paused"))],
      ["waiting", () => setState("loading")],
      ["ended", () => {
        wantsToPlay.current = false;
        setState("paused");
      }],
      ["error", onError],
    ];
    for (const [event, listener] of listeners) element.addEventListener(event, listener);
    return () => {
      for (const [event, listener] of listeners) element.removeEventListener(event, listener);
    };
  }, [durationMs, load, source]);

  // While playing, swap in a fresh URL shortly before the current one expires, at the same second,
  // so a long listen never runs into a refused request.
  useEffect(() => {
    if (state !== "playing") return;
    const wait = source.msUntilRefresh();
    if (wait === null) return;
    const timer = setTimeout(() => {
      const element = audio.current!;
      void source.fresh().then((url) => load(url, element.currentTime));
    }, Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [load, source, state]);

  useEffect(() => {
    if (audio.current) audio.current.playbackRate = speed;
  }, [speed]);

  useEffect(() => onTime?.(position), [onTime, position]);

  const playing = state === "playing";
  const toggle = () => (playing || state === "loading" ? pause() : void play());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName) && event.key !== " ") return;
    if (event.key === " " || event.key === "k") {
      if (target.tagName === "BUTTON") return;
      event.preventDefault();
      toggle();
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      seek(position - SKIP_SECONDS);
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      seek(position + SKIP_SECONDS);
    }
  };

  const total = duration ?? 0;
  const percent = (seconds: number) => (total > 0 ? `${Math.min(100, (seconds / total) * 100)}%` : "0%");

  return (
    <div
      role="group"
      aria-label={`Audio player: ${title}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="rounded-lg border border-slate-200 bg-white p-3 focus-visible:outline-2"
    >
      <audio ref={audio} preload="none" data-recording-id={recordingId} aria-label={`Audio: ${title}`} />
      <div className="flex items-center gap-2">
        {!compact && (
          <button type="button" onClick={() => seek(position - SKIP_SECONDS)} aria-label="Back 10 seconds" className="rounded px-2 py-1 text-sm hover:bg-slate-100">
            −10s
          </button>
        )}
        <button
          type="button"
          onClick={toggle}
          aria-label={playing ? `Pause ${title}` : `Play ${title}`}
          aria-busy={state === "loading"}
          className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-blue-600 text-white hover:bg-blue-700"
        >
          {state === "loading" ? <span className="h-4 w-4 animate-spin rounded-full border-2 border-white border-t-transparent" aria-hidden /> : playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        {!compact && (
          <button type="button" onClick={() => seek(position + SKIP_SECONDS)} aria-label="Forward 10 seconds" className="rounded px-2 py-1 text-sm hover:bg-slate-100">
            +10s
          </button>
        )}
        <div className="relative flex-1">
          <div className="pointer-events-none absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 rounded bg-slate-200" aria-hidden>
            {buffered.map(([start, end]) => (
              <div key={start} data-testid="buffered" className="absolute h-full rounded bg-slate-400" style={{ left: percent(start), width: `calc(${percent(end)} - ${percent(start)})` }} />
            ))}
          </div>
          {markers.map((marker) => (
            <span
              key={marker.id}
              title={marker.label}
              aria-hidden
              data-testid="comment-marker"
              className="pointer-events-none absolute top-1/2 h-3 -translate-y-1/2 rounded bg-amber-500"
              style={{
                left: percent(marker.startMs / 1000),
                width: marker.endMs ? `calc(${percent(marker.endMs / 1000)} - ${percent(marker.startMs / 1000)})` : "3px",
                minWidth: "3px",
              }}
            />
          ))}
          <input
            type="range"
            aria-label="Seek"
            aria-valuetext={`${formatClock(position)} of ${duration === null ? "unknown length" : formatClock(Math.round(total))}`}
            min={0}
            max={total || 1}
            step={0.1}
            value={Math.min(position, total || 1)}
            disabled={duration === null}
            onChange={(event) => seek(Number(event.target.value))}
            className="relative w-full cursor-pointer appearance-none bg-transparent accent-blue-600"
          />
        </div>
        <span className="w-24 shrink-0 text-right text-sm tabular-nums text-slate-700" aria-live="off">
          <span data-testid="current-time">{formatClock(position)}</span> / <span data-testid="total-time">{duration === null ? "—" : formatClock(Math.round(total))}</span>
        </span>
        {!compact && (
          <label className="flex items-center gap-1 text-sm">
            <span className="sr-only sm:not-sr-only">Speed</span>
            <select
              aria-label="Playback speed"
              value={speed}
              onChange={(event) => setSpeed(Number(event.target.value))}
              className="rounded border border-slate-300 px-1 py-0.5"
            >
              {SPEEDS.map((value) => (
                <option key={value} value={value}>
                  {value}×
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
});

function PlayIcon() {
  return (
    <svg viewBox="0 0 24 24" className="h-5 w-5 fill-current" aria-hidden>
      <path d="M8 5v14l11-7z" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 24 24" className="h-5 w-5 fill-current" aria-hidden>
      <path d="M6 5h4v14H6zm8 0h4v14h-4z" />
    </svg>
  );
}
