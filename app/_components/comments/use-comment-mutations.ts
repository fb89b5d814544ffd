"use client";
import { api } from "@/app/_trpc/client";

/** Adding, changing and deleting comments; each refreshes the comments and the recording. */
export function useCommentMutations(recordingId: string) {
  const utils = api.useUtils();
  const onSuccess = () => {
    void utils.comment.list.invalidate({ recordingId });
    void utils.recording.byId.invalidate({ recordingId });
  };
  return {
    add: api.comment.add.useMutation({ onSuccess }),
    update: api.comment.update.useMutation({ onSuccess }),
    remove: api.comment.delete.useMutation({ onSuccess }),
  };
}
