import { SPEEDS } from "./duration";

export function PlaybackSpeed({ speed, onChange }: { speed: number; onChange: (speed: number) => void }) {
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only sm:not-sr-only">Speed</span>
      <select
        aria-label="Playback speed"
        value={speed}
        onChange={(event) => onChange(Number(event.target.value))}
        className="rounded border border-slate-300 px-1 py-0.5"
      >
        {SPEEDS.map((value) => (
          <option key={value} value={value}>
            {value}×
          </option>
        ))}
      </select>
    </label>
  );
}
