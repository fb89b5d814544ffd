"use client";
import { useEffect, useRef, useState, type FormEvent, type RefObject } from "react";
import { formatClock, parseClock } from "@/app/_lib/time";
import { api } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";

export type CommentItem = RouterOutputs["comment"]["list"][number];

interface PlayerControl {
  currentSeconds: () => number;
  seek: (seconds: number) => void;
  pause: () => void;
}

const clock = (ms: number) => formatClock(ms / 1000);
const when = (comment: { startMs: number; endMs: number | null }) =>
  comment.endMs === null ? clock(comment.startMs) : `${clock(comment.startMs)}–${clock(comment.endMs)}`;

function TimeFields({
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
  const start = startRef ?? ownStart;
  const end = useRef<HTMLInputElement>(null);
  const now = () => formatClock(player.currentSeconds());
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label>
        <span className="block font-medium">At</span>
        <input ref={start} name="start" defaultValue={clock(defaultStartMs)} className="w-20 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label>
        <span className="block font-medium">Until (optional)</span>
        <input ref={end} name="end" defaultValue={defaultEndMs == null ? "" : clock(defaultEndMs)} placeholder="m:ss" className="w-20 rounded border border-slate-300 px-2 py-1" />
      </label>
      <button type="button" onClick={() => start.current && (start.current.value = now())} className="rounded border border-slate-300 px-2 py-1">
        Start at current time
      </button>
      <button type="button" onClick={() => end.current && (end.current.value = now())} className="rounded border border-slate-300 px-2 py-1">
        End at current time
      </button>
    </div>
  );
}

function readForm(form: HTMLFormElement): { body: string; startMs: number; endMs: number | null } | string {
  const data = new FormData(form);
  const startMs = parseClock(String(data.get("start")));
  const endText = String(data.get("end") ?? "").trim();
  const endMs = endText ? parseClock(endText) : null;
  if (startMs === null || (endText && endMs === null)) return "Write times as m:ss, for example 0:02.";
  return { body: String(data.get("body")), startMs, endMs };
}

/** Comments pinned to moments of the recording: listed in time order, clicking one seeks there. */
export function CommentsPanel({ recordingId, player, isOwner }: { recordingId: string; player: PlayerControl; isOwner: boolean }) {
  const utils = api.useUtils();
  const comments = api.comment.list.useQuery({ recordingId });
  const refresh = () => {
    void utils.comment.list.invalidate({ recordingId });
    void utils.recording.byId.invalidate({ recordingId });
  };
  const add = api.comment.add.useMutation({ onSuccess: refresh });
  const update = api.comment.update.useMutation({ onSuccess: refresh });
  const remove = api.comment.delete.useMutation({ onSuccess: refresh });
  const markRead = api.comment.markRead.useMutation({
    onSuccess: () => {
      void utils.recording.list.invalidate();
      void utils.recording.byId.invalidate({ recordingId });
    },
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const newStart = useRef<HTMLInputElement>(null);
  const hasUnread = comments.data?.some((comment) => comment.unread) ?? false;

  // Opening the recording reads its comments; the "new" labels stay for this visit.
  useEffect(() => {
    if (isOwner && hasUnread && !markRead.isPending && !markRead.isSuccess) markRead.mutate({ recordingId });
  }, [hasUnread, isOwner, markRead, recordingId]);

  async function submitNew(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readForm(form);
    if (typeof values === "string") return setFormError(values);
    setFormError(null);
    try {
      await add.mutateAsync({ recordingId, ...values });
      form.reset();
    } catch (error) {
      setFormError(error instanceof Error ? error.message : "Could not save the comment.");
    }
  }

  async function submitEdit(event: FormEvent<HTMLFormElement>, commentId: string) {
    event.preventDefault();
    const values = readForm(event.currentTarget);
    if (typeof values === "string") return setFormError(values);
    try {
      await update.mutateAsync({ commentId, ...values });
      setEditing(null);
      setFormError(null);
    } catch (error) {
      setFormError(error instanceof Error ? error.message : "Could not save the comment.");
    }
  }

  // Starting a comment pauses playback and pins the comment to where the listener is.
  const onStartTyping = (event: { currentTarget: HTMLTextAreaElement }) => {
    player.pause();
    if (!event.currentTarget.value && newStart.current) newStart.current.value = formatClock(player.currentSeconds());
  };

  return (
    <section aria-labelledby="comments-heading" className="space-y-4">
      <h2 id="comments-heading" className="text-lg font-semibold">
        Comments
      </h2>
      {comments.isPending ? (
        <p className="text-sm text-slate-600">Loading comments…</p>
      ) : comments.isError ? (
        <p role="alert" className="text-sm text-red-800">
          Could not load comments: {comments.error.message}
        </p>
      ) : comments.data.length === 0 ? (
        <p className="text-sm text-slate-600">No comments yet.</p>
      ) : (
        <ol aria-label="Comments in time order" className="space-y-2">
          {comments.data.map((comment) => (
            <li key={comment.id} className="rounded-lg border border-slate-200 bg-white p-3">
              {editing === comment.id ? (
                <form onSubmit={(event) => void submitEdit(event, comment.id)} className="space-y-2">
                  <label className="block text-sm">
                    <span className="font-medium">Edit comment</span>
                    <textarea name="body" defaultValue={comment.body} required maxLength={2000} rows={3} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
                  </label>
                  <TimeFields player={player} defaultStartMs={comment.startMs} defaultEndMs={comment.endMs} />
                  <div className="flex gap-2">
                    <button type="submit" className="rounded bg-blue-600 px-3 py-1 text-sm text-white">
                      Save
                    </button>
                    <button type="button" onClick={() => setEditing(null)} className="rounded border border-slate-300 px-3 py-1 text-sm">
                      Cancel
                    </button>
                  </div>
                </form>
              ) : (
                <>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <button
                      type="button"
                      onClick={() => player.seek(comment.startMs / 1000)}
                      className="rounded bg-amber-100 px-2 py-0.5 font-mono text-amber-900 hover:bg-amber-200"
                      aria-label={`Play from ${when(comment)}: ${comment.body.slice(0, 60)}`}
                    >
                      {when(comment)}
                    </button>
                    <span className="font-medium">{comment.authorName}</span>
                    <span className="text-slate-500">{comment.authorRole === "coach" ? "coach" : ""}</span>
                    {comment.unread && <span className="rounded-full bg-blue-600 px-2 text-xs text-white">New</span>}
                    {comment.mine && (
                      <span className="ml-auto flex gap-2">
                        <button type="button" onClick={() => setEditing(comment.id)} className="text-slate-700 underline">
                          Edit<span className="sr-only"> comment at {when(comment)}</span>
                        </button>
                        <button type="button" onClick={() => remove.mutate({ commentId: comment.id })} className="text-red-700 underline">
                          Delete<span className="sr-only"> comment at {when(comment)}</span>
                        </button>
                      </span>
                    )}
                  </div>
                  {/* Rendered as text: React escapes it, so no comment can inject markup. */}
                  <p className="mt-1 whitespace-pre-wrap break-words">{comment.body}</p>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(event) => void submitNew(event)} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
        <label className="block text-sm">
          <span className="font-medium">Add a comment</span>
          <textarea
            name="body"
            required
            maxLength={2000}
            rows={3}
            onFocus={onStartTyping}
            onInput={() => player.pause()}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <TimeFields player={player} defaultStartMs={0} startRef={newStart} />
        {formError && (
          <p role="alert" className="text-sm text-red-800">
            {formError}
          </p>
        )}
        <button type="submit" disabled={add.isPending} className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          Save comment
        </button>
      </form>
    </section>
  );
}
