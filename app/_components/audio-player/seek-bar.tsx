import { formatClock } from "@/app/_lib/time";

export interface PlayerMarker {
  id: string;
  startMs: number;
  endMs?: number | null;
  label: string;
}

interface SeekBarProps {
  position: number;
  /** Seconds; null while nobody knows the length (seeking is off then). */
  duration: number | null;
  buffered: [number, number][];
  markers: PlayerMarker[];
  onSeek: (seconds: number) => void;
  className?: string;
}

/** The seek bar: what is buffered, where the comments are, and a range input to move. */
export function SeekBar({ position, duration, buffered, markers, onSeek, className = "" }: SeekBarProps) {
  const total = duration ?? 0;
  const percent = (seconds: number) => (total > 0 ? `${Math.min(100, (seconds / total) * 100)}%` : "0%");
  const span = (start: number, end: number) => `calc(${percent(end)} - ${percent(start)})`;
  return (
    <div className={`min-w-0 ${className}`}>
      <div className="relative">
        <div className="pointer-events-none absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 rounded bg-slate-200" aria-hidden>
          {buffered.map(([start, end]) => (
            <div key={start} data-testid="buffered" className="absolute h-full rounded bg-slate-400" style={{ left: percent(start), width: span(start, end) }} />
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
              width: marker.endMs ? span(marker.startMs / 1000, marker.endMs / 1000) : "3px",
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
          onChange={(event) => onSeek(Number(event.target.value))}
          className="relative block w-full cursor-pointer appearance-none bg-transparent accent-blue-600"
        />
      </div>
    </div>
  );
}
