"use client";
import { useRef, type RefObject } from "react";
import { formatClock, parseClock } from "@/app/_lib/time";

/** What the comments need from the player on the same screen. */
export interface PlayerControl {
  currentSeconds: () => number;
  seek: (seconds: number) => void;
  pause: () => void;
}

const clock = (ms: number) => formatClock(ms / 1000);

/** "0:02" or "0:02–0:05": when in the recording a comment applies. */
export const when = (comment: { startMs: number; endMs: number | null }) =>
  comment.endMs === null ? clock(comment.startMs) : `${clock(comment.startMs)}–${clock(comment.endMs)}`;

/** The "At" and "Until" fields of a comment form, fillable from where the player is. */
export function TimeFields({
  player,
  defaultStartMs,
  defaultEndMs,
  startRef,
}: {
  player: PlayerControl;
  defaultStartMs: number;
  defaultEndMs?: number | null;
  startRef?: RefObject<HTMLInputElement | null>;
}) {
  const ownStart = useRef<HTMLInputElement>(null);
  // Named …Ref so the React Compiler knows writing its .current in a handler is a ref write.
  const startInputRef = startRef ?? ownStart;
  const end = useRef<HTMLInputElement>(null);
  const now = () => formatClock(player.currentSeconds());
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label>
        <span className="block font-medium">At</span>
        <input ref={startInputRef} name="start" defaultValue={clock(defaultStartMs)} className="w-20 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label>
        <span className="block font-medium">Until (optional)</span>
        <input ref={end} name="end" defaultValue={defaultEndMs == null ? "" : clock(defaultEndMs)} placeholder="m:ss" className="w-20 rounded border border-slate-300 px-2 py-1" />
      </label>
      <button type="button" onClick={() => startInputRef.current && (startInputRef.current.value = now())} className="rounded border border-slate-300 px-2 py-1">
        Start at current time
      </button>
      <button type="button" onClick={() => end.current && (end.current.value = now())} className="rounded border border-slate-300 px-2 py-1">
        End at current time
      </button>
    </div>
  );
}

/** The body and times of a comment form, or what is wrong with them. */
export function readCommentForm(form: HTMLFormElement): { body: string; startMs: number; endMs: number | null } | string {
  const data = new FormData(form);
  const startMs = parseClock(String(data.get("start")));
  const endText = String(data.get("end") ?? "").trim();
  const endMs = endText ? parseClock(endText) : null;
  if (startMs === null || (endText && endMs === null)) return "Write times as m:ss, for example 0:02.";
  return { body: String(data.get("body")), startMs, endMs };
}
