"use client";
import { useState, type FormEvent } from "react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { getErrorMessage } from "@/app/_lib/errors";
import { FailureMessage } from "../feedback/failure-message";
import { readCommentForm, TimeFields, when, type PlayerControl } from "./comment-time-fields";
import type { useCommentMutations } from "./use-comment-mutations";

type CommentItemData = RouterOutputs["comment"]["list"][number];

interface CommentItemProps {
  comment: CommentItemData;
  player: PlayerControl;
  mutations: ReturnType<typeof useCommentMutations>;
}

/** One comment: its time (click to hear it), author and text; its author may edit or delete it. */
export function CommentItem({ comment, player, mutations }: CommentItemProps) {
  const [editing, setEditing] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);

  async function submitEdit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readCommentForm(event.currentTarget);
    if (typeof values === "string") return setFormError(values);
    try {
      await mutations.update.mutateAsync({ commentId: comment.id, ...values });
      setEditing(false);
      setFormError(null);
    } catch (error) {
      setFormError(`Could not save the comment: ${getErrorMessage(error)}`);
    }
  }

  function remove() {
    setDeleteError(null);
    mutations.remove.mutate({ commentId: comment.id }, { onError: setDeleteError });
  }

  if (editing) {
    return (
      <form onSubmit={(event) => void submitEdit(event)} className="space-y-2">
        <label className="block text-sm">
          <span className="font-medium">Edit comment</span>
          <textarea name="body" defaultValue={comment.body} required maxLength={2000} rows={3} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
        </label>
        <TimeFields player={player} defaultStartMs={comment.startMs} defaultEndMs={comment.endMs} />
        {formError && (
          <p role="alert" className="text-sm text-red-800">
            {formError}
          </p>
        )}
        <div className="flex gap-2">
          <button type="submit" className="rounded bg-blue-600 px-3 py-1 text-sm text-white">
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)} className="rounded border border-slate-300 px-3 py-1 text-sm">
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
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
            <button type="button" onClick={() => setEditing(true)} className="text-slate-700 underline">
              Edit<span className="sr-only"> comment at {when(comment)}</span>
            </button>
            <button type="button" onClick={remove} className="text-red-700 underline">
              Delete<span className="sr-only"> comment at {when(comment)}</span>
            </button>
          </span>
        )}
      </div>
      {/* Rendered as text: React escapes it, so no comment can inject markup. */}
      <p className="mt-1 whitespace-pre-wrap break-words">{comment.body}</p>
      <FailureMessage error={deleteError} action="delete the comment" className="mt-1" />
    </>
  );
}
