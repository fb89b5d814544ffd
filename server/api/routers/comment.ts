import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { auditAction } from "../../audit/audit";
import { authorizeRecording } from "../../access/policy";
import {
  addComment,
  deleteComment,
  findComment,
  listComments,
  markCommentsRead,
  MAX_COMMENT_LENGTH,
  updateComment,
} from "../../coaching/comments";
import type { Context } from "../context";
import { createTRPCRouter, protectedProcedure, recordingViewerProcedure } from "../trpc";

const millis = z.number().int("Times are whole milliseconds.").min(0, "Times cannot be negative.").max(24 * 3600 * 1000);
const commentFields = {
  body: z.string().max(MAX_COMMENT_LENGTH * 2, `A comment can be at most ${MAX_COMMENT_LENGTH} characters.`),
  startMs: millis,
  endMs: millis.nullish(),
};

/** The comment, when the user may see its recording and wrote it; otherwise the usual answers. */
async function ownComment(ctx: Context & { user: { id: string } }, commentId: string) {
  const comment = await findComment(ctx.services.db, commentId);
  await authorizeRecording(ctx.services.db, ctx.user, comment?.recording ?? null, "view", "Comment");
  if (comment!.authorId !== ctx.user.id) {
    throw new TRPCError({ code: "FORBIDDEN", message: "You can only change your own comments." });
  }
  return comment!;
}

export const commentRouter = createTRPCRouter({
  list: recordingViewerProcedure.query(({ ctx }) => listComments(ctx.services.db, ctx.user.id, ctx.recording.id)),

  add: recordingViewerProcedure
    .input(z.object(commentFields))
    .mutation(async ({ ctx, input }) => {
      const comment = await addComment(ctx.services.db, ctx.user.id, ctx.recording.id, input);
      await auditAction(ctx, {
        event: "comment.added",
        subjectUserId: ctx.recording.ownerId,
        recordingId: ctx.recording.id,
      });
      return comment;
    }),

  update: protectedProcedure
    .input(z.object({ commentId: z.uuid({ message: "Comment not found." }), ...commentFields }))
    .mutation(async ({ ctx, input }) => {
      const comment = await ownComment(ctx, input.commentId);
      return updateComment(ctx.services.db, comment.id, comment.recordingId, input);
    }),

  delete: protectedProcedure
    .input(z.object({ commentId: z.uuid({ message: "Comment not found." }) }))
    .mutation(async ({ ctx, input }) => {
      const comment = await ownComment(ctx, input.commentId);
      await deleteComment(ctx.services.db, comment.id);
      return { ok: true as const };
    }),

  /** The viewer has now seen every comment on the recording. */
  markRead: recordingViewerProcedure.mutation(async ({ ctx }) => {
    await markCommentsRead(ctx.services.db, ctx.user.id, ctx.recording.id, ctx.services.now());
    return { ok: true as const };
  }),
});
