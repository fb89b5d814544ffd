"use client";
import { useMemo, type MouseEvent } from "react";
import { formatClock } from "@/app/_lib/time";

export interface Span {
  startMs: number;
  endMs: number;
}

interface WaveformSeekProps {
  /** Interleaved min/max pairs in -1..1. */
  peaks: number[];
  peaksPerSecond: number;
  currentTime: number;
  /** The player's length in seconds, so the drawing lines up with its seek bar; else the waveform's own. */
  duration: number | null;
  pauses: Span[];
  monotone: Span[];
  onSeek: (seconds: number) => void;
}

// Room under the waveform (in its own units, where the waveform spans -1..1) for the monotone strip.
const STRIP_TOP = 1.08;
const STRIP_HEIGHT = 0.17;

/** The outline of the min/max pairs as one closed path, in pair-index by amplitude units. */
function outline(peaks: number[]) {
  const pairs = Math.floor(peaks.length / 2);
  const top: string[] = [];
  const bottom: string[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    // A floor of a hair keeps silence visible as a line rather than nothing.
    top.push(`${pair + 0.5},${(-Math.max(peaks[pair * 2 + 1]!, 0.01)).toFixed(3)}`);
    bottom.push(`${pair + 0.5},${(-Math.min(peaks[pair * 2]!, -0.01)).toFixed(3)}`);
  }
  return `M${top.join("L")}L${bottom.reverse().join("L")}Z`;
}

/**
 * The recording's waveform under the player's seek bar: the played part shaded, pauses marked in amber and
 * monotone stretches in violet beneath; a click seeks there. Keyboard users seek with the player's
 * own slider, which this mirrors.
 */
export function WaveformSeek({ peaks, peaksPerSecond, currentTime, duration, pauses, monotone, onSeek }: WaveformSeekProps) {
  const pairs = Math.floor(peaks.length / 2);
  const path = useMemo(() => outline(peaks), [peaks]);
  const total = duration ?? pairs / peaksPerSecond;
  const width = Math.max(1, total * peaksPerSecond);
  const x = (ms: number) => (ms / 1000) * peaksPerSecond;
  const played = Math.min(width, Math.max(0, currentTime * peaksPerSecond));

  const seekToClick = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(Math.max(0, Math.min(1, (event.clientX - box.left) / box.width)) * total);
  };

  return (
    <div className="mt-2">
      <svg
        role="img"
        aria-label={`Waveform, ${formatClock(currentTime)} of ${formatClock(Math.round(total))} played, ${pauses.length} ${pauses.length === 1 ? "pause" : "pauses"} marked`}
        viewBox={`0 -1 ${width} ${1 + STRIP_TOP + STRIP_HEIGHT}`}
        preserveAspectRatio="none"
        onClick={seekToClick}
        className="block h-20 w-full cursor-pointer rounded bg-white sm:h-24"
      >
        <defs>
          <clipPath id="waveform-played">
            <rect x={0} y={-1} width={played} height={2} />
          </clipPath>
        </defs>
        {pauses.map((pause) => (
          <rect key={pause.startMs} data-testid="waveform-pause" x={x(pause.startMs)} y={-1} width={x(pause.endMs) - x(pause.startMs)} height={2} className="fill-amber-200" />
        ))}
        <path d={path} className="fill-slate-300" />
        <path d={path} clipPath="url(#waveform-played)" className="fill-blue-600" />
        <line x1={played} x2={played} y1={-1} y2={1} vectorEffect="non-scaling-stroke" className="stroke-blue-900" strokeWidth={1.5} />
        {monotone.map((span) => (
          <rect key={span.startMs} x={x(span.startMs)} y={STRIP_TOP} width={x(span.endMs) - x(span.startMs)} height={STRIP_HEIGHT} className="fill-violet-500" />
        ))}
      </svg>
      <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600">
        <span>
          <span className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-amber-200 align-middle" aria-hidden />
          Pauses
        </span>
        <span>
          <span className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-violet-500 align-middle" aria-hidden />
          Flat pitch
        </span>
        <span>Click the waveform to listen from there.</span>
      </p>
    </div>
  );
}
