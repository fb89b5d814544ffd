"use client";
import { useRef, useState, type FormEvent } from "react";
import { getErrorMessage } from "@/app/_lib/errors";
import { formatClock } from "@/app/_lib/time";
import { readCommentForm, TimeFields, type PlayerControl } from "./comment-time-fields";
import type { useCommentMutations } from "./use-comment-mutations";

interface NewCommentFormProps {
  recordingId: string;
  player: PlayerControl;
  add: ReturnType<typeof useCommentMutations>["add"];
}

/** Writing a comment pauses the player and pins the comment to where the listener is. */
export function NewCommentForm({ recordingId, player, add }: NewCommentFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const start = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readCommentForm(form);
    if (typeof values === "string") return setFormError(values);
    setFormError(null);
    try {
      await add.mutateAsync({ recordingId, ...values });
      form.reset();
    } catch (error) {
      setFormError(`Could not save the comment: ${getErrorMessage(error)}`);
    }
  }

  const onStartTyping = (event: { currentTarget: HTMLTextAreaElement }) => {
    player.pause();
    if (!event.currentTarget.value && start.current) start.current.value = formatClock(player.currentSeconds());
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
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
      <TimeFields player={player} defaultStartMs={0} startRef={start} />
      {formError && (
        <p role="alert" className="text-sm text-red-800">
          {formError}
        </p>
      )}
      <button type="submit" disabled={add.isPending} className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        Save comment
      </button>
    </form>
  );
}
