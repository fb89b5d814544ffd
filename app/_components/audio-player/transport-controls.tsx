import { SKIP_SECONDS } from "./duration";
import type { PlayerState } from "./use-player";

interface TransportControlsProps {
  title: string;
  state: PlayerState;
  /** Only play and pause, for players in a list. */
  compact: boolean;
  onToggle: () => void;
  onSkip: (seconds: number) => void;
}

/** Back 10 s, play or pause, forward 10 s. */
export function TransportControls({ title, state, compact, onToggle, onSkip }: TransportControlsProps) {
  const playing = state === "playing";
  return (
    <div className="flex shrink-0 items-center gap-2">
      {!compact && (
        <button type="button" onClick={() => onSkip(-SKIP_SECONDS)} aria-label="Back 10 seconds" className="rounded px-2 py-1 text-sm hover:bg-slate-100">
          −10s
        </button>
      )}
      <button
        type="button"
        onClick={onToggle}
        aria-label={playing ? `Pause ${title}` : `Play ${title}`}
        aria-busy={state === "loading"}
        className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-blue-600 text-white hover:bg-blue-700"
      >
        {state === "loading" ? <Spinner /> : playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      {!compact && (
        <button type="button" onClick={() => onSkip(SKIP_SECONDS)} aria-label="Forward 10 seconds" className="rounded px-2 py-1 text-sm hover:bg-slate-100">
          +10s
        </button>
      )}
    </div>
  );
}

function Spinner() {
  return <span className="h-4 w-4 animate-spin rounded-full border-2 border-white border-t-transparent" aria-hidden />;
}

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
