"use client";
import { forwardRef, useEffect, useImperativeHandle, type KeyboardEvent } from "react";
import { formatClock } from "@/app/_lib/time";
import { SKIP_SECONDS } from "./duration";
import type { PlayOutcome } from "./play-outcome";
import { PlaybackSpeed } from "./playback-speed";
import { SeekBar, type PlayerMarker } from "./seek-bar";
import { TransportControls } from "./transport-controls";
import { usePlayer } from "./use-player";

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
  onPlayOutcome?: (outcome: PlayOutcome) => void;
}

/**
 * One recording's player: a native <audio> with accessible custom controls. On a phone the seek
 * bar takes a row of its own above the buttons, so it keeps a usable width.
 */
export const AudioPlayer = forwardRef<AudioPlayerHandle, AudioPlayerProps>(function AudioPlayer(
  { recordingId, title, durationMs, markers = [], compact = false, onTime, onPlayOutcome },
  ref,
) {
  const player = usePlayer({ recordingId, durationMs, onPlayOutcome });
  const { position, duration, seek, pause, toggle, lastPosition } = player;

  useImperativeHandle(ref, () => ({ seek, pause, currentTime: () => lastPosition.current }), [lastPosition, pause, seek]);
  useEffect(() => onTime?.(position), [onTime, position]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName) && event.key !== " ") return;
    if (event.key === " " || event.key === "k") {
      if (target.tagName === "BUTTON") return;
      event.preventDefault();
      toggle();
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      seek(position + (event.key === "ArrowLeft" ? -SKIP_SECONDS : SKIP_SECONDS));
    }
  };

  return (
    <div
      role="group"
      aria-label={`Audio player: ${title}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="rounded-lg border border-slate-200 bg-white p-3 focus-visible:outline-2"
    >
      <audio ref={player.audio} preload="none" data-recording-id={recordingId} aria-label={`Audio: ${title}`} />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-3">
        <TransportControls title={title} state={player.state} compact={compact} onToggle={toggle} onSkip={(seconds) => seek(position + seconds)} />
        <SeekBar
          position={position}
          duration={duration}
          buffered={player.buffered}
          markers={markers}
          onSeek={seek}
          className="order-first w-full sm:order-none sm:w-auto sm:flex-1"
        />
        <span className="ml-auto w-24 shrink-0 text-right text-sm tabular-nums text-slate-700 sm:ml-0" aria-live="off">
          <span data-testid="current-time">{formatClock(position)}</span> / <span data-testid="total-time">{duration === null ? "—" : formatClock(Math.round(duration))}</span>
        </span>
        {!compact && <PlaybackSpeed speed={player.speed} onChange={player.setSpeed} />}
      </div>
      {player.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {player.error}
        </p>
      )}
    </div>
  );
});
