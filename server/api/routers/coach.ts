import "server-only";
import { z } from "zod";
import { auditAction } from "../../audit/audit";
import { acceptInvite, createInvite, describeInvite, listInvites, revokeInvite } from "../../coaching/invites";
import { listCoaches, listStudents, setReviewed, unlink } from "../../coaching/students";
import {
  coachProcedure,
  createTRPCRouter,
  protectedProcedure,
  publicProcedure,
  recordingReviewerProcedure,
} from "../trpc";

const token = z
  .string()
  .trim()
  .min(16, "This invite link is not valid. Check that you copied all of it.")
  .max(128, "This invite link is not valid. Check that you copied all of it.")
  .regex(/^[A-Za-z0-9_-]+$/, "This invite link is not valid. Check that you copied all of it.");

export const coachRouter = createTRPCRouter({
  /** The signed-in coach's students with their numbers (empty for a student). */
  students: protectedProcedure.query(({ ctx }) => listStudents(ctx.services.db, ctx.user.id)),

  /** The signed-in user's coaches. */
  coaches: protectedProcedure.query(({ ctx }) => listCoaches(ctx.services.db, ctx.user.id)),

  createInvite: coachProcedure
    .input(
      z.object({
        reusable: z.boolean().default(false),
        expiresInDays: z.number().int().min(1, "At least one day.").max(30, "At most 30 days.").default(7),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const invite = await createInvite(ctx.services.db, ctx.user.id, input, ctx.services.now());
      await auditAction(ctx, { event: "invite.created", detail: { inviteId: invite.id, reusable: input.reusable } });
      return { ...invite, path: `/invite/${invite.token}` };
    }),

  invites: coachProcedure.query(({ ctx }) => listInvites(ctx.services.db, ctx.user.id, ctx.services.now())),

  revokeInvite: coachProcedure
    .input(z.object({ inviteId: z.uuid({ message: "Invite not found." }) }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvite(ctx.services.db, ctx.user.id, input.inviteId, ctx.services.now());
      return { ok: true as const };
    }),

  /** What an invite link is, for the page a person lands on before signing in. */
  inviteInfo: publicProcedure
    .input(z.object({ token }))
    .query(({ ctx, input }) => describeInvite(ctx.services.db, input.token, ctx.services.now())),

  acceptInvite: protectedProcedure
    .input(z.object({ token }))
    .mutation(async ({ ctx, input }) => {
      const link = await acceptInvite(ctx.services.db, ctx.user.id, input.token, ctx.services.now());
      await auditAction(ctx, { event: "invite.accepted", subjectUserId: link.coachId });
      await auditAction(ctx, { event: "coach.linked", subjectUserId: link.coachId });
      return link;
    }),

  /** Either side ends the link; access ends with it, at once. */
  unlink: protectedProcedure
    .input(z.object({ userId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      await unlink(ctx.services.db, ctx.user.id, input.userId);
      await auditAction(ctx, { event: "coach.unlinked", subjectUserId: input.userId });
      return { ok: true as const };
    }),

  markReviewed: recordingReviewerProcedure
    .input(z.object({ reviewed: z.boolean().default(true) }))
    .mutation(({ ctx, input }) => setReviewed(ctx.services.db, ctx.user.id, ctx.recording.id, input.reviewed)),
});
