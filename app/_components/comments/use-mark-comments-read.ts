"use client";
import { useEffect } from "react";
import { api } from "@/app/_trpc/client";

/**
 * Opening the recording reads its comments: once the owner has seen unread ones, they are marked
 * read (the "new" labels stay for this visit). Returns the mutation, to show its failure.
 */
export function useMarkCommentsRead(recordingId: string, isOwner: boolean, hasUnread: boolean) {
  const utils = api.useUtils();
  const markRead = api.comment.markRead.useMutation({
    onSuccess: () => {
      void utils.recording.list.invalidate();
      void utils.recording.byId.invalidate({ recordingId });
    },
  });
  const { mutate, isIdle } = markRead;
  useEffect(() => {
    if (isOwner && hasUnread && isIdle) mutate({ recordingId });
  }, [hasUnread, isIdle, isOwner, mutate, recordingId]);
  return markRead;
}
