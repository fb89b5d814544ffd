"use client";
import { getErrorMessage } from "@/app/_lib/errors";
import { api } from "@/app/_trpc/client";
import { FailureMessage } from "../feedback/failure-message";
import { CommentItem } from "./comment-item";
import type { PlayerControl } from "./comment-time-fields";
import { NewCommentForm } from "./new-comment-form";
import { useCommentMutations } from "./use-comment-mutations";
import { useMarkCommentsRead } from "./use-mark-comments-read";

/** Comments pinned to moments of the recording: listed in time order, clicking one seeks there. */
export function CommentsPanel({ recordingId, player, isOwner }: { recordingId: string; player: PlayerControl; isOwner: boolean }) {
  const comments = api.comment.list.useQuery({ recordingId });
  const mutations = useCommentMutations(recordingId);
  const markRead = useMarkCommentsRead(recordingId, isOwner, comments.data?.some((comment) => comment.unread) ?? false);

  return (
    <section aria-labelledby="comments-heading" className="space-y-4">
      <h2 id="comments-heading" className="text-lg font-semibold">
        Comments
      </h2>
      <FailureMessage error={markRead.error} action="mark the comments as read" />
      {comments.isPending ? (
        <p className="text-sm text-slate-600">Loading comments…</p>
      ) : comments.isError ? (
        <p role="alert" className="text-sm text-red-800">
          Could not load comments: {getErrorMessage(comments.error)}
        </p>
      ) : comments.data.length === 0 ? (
        <p className="text-sm text-slate-600">No comments yet.</p>
      ) : (
        <ol aria-label="Comments in time order" className="space-y-2">
          {comments.data.map((comment) => (
            <li key={comment.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <CommentItem comment={comment} player={player} mutations={mutations} />
            </li>
          ))}
        </ol>
      )}
      <NewCommentForm recordingId={recordingId} player={player} add={mutations.add} />
    </section>
  );
}
