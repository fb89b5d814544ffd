import "server-only";
import { z } from "zod";
import { auditAction, AUDIT_EVENTS } from "../../audit/audit";
import { adminOverview, auditLog, WINDOWS, type Window } from "../../operations/admin-overview";
import { pricesFromEnv } from "../../operations/cost";
import { setUploadsPaused, uploadSwitchState } from "../../operations/upload-switch";
import { adminProcedure, createTRPCRouter } from "../trpc";

const windowNames = Object.keys(WINDOWS) as [Window, ...Window[]];

/** The operators' page. Every procedure is NOT_FOUND for anyone but an admin. */
export const adminRouter = createTRPCRouter({
  overview: adminProcedure
    .input(z.object({ window: z.enum(windowNames).default("24h") }))
    .query(({ ctx, input }) => adminOverview(ctx.services.db, input.window, ctx.services.now(), pricesFromEnv())),

  uploadSwitch: adminProcedure.query(async ({ ctx }) => ({
    ...(await uploadSwitchState(ctx.services.db)),
    enabledByEnvironment: ctx.services.settings.uploadsEnabled,
  })),

  setUploadsPaused: adminProcedure
    .input(z.object({ paused: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setUploadsPaused(ctx.services.db, input.paused, ctx.user.id);
      await auditAction(ctx, { event: input.paused ? "uploads.paused" : "uploads.resumed" });
      return { paused: input.paused };
    }),

  /** The events the audit trail records, for the filter. */
  auditEvents: adminProcedure.query(() => [...AUDIT_EVENTS]),

  auditLog: adminProcedure
    .input(
      z.object({
        userEmail: z.email("Not an e-mail address.").optional(),
        event: z.enum(AUDIT_EVENTS).optional(),
        before: z.string().regex(/^\d{1,19}$/).optional(),
      }),
    )
    .query(({ ctx, input }) =>
      auditLog(ctx.services.db, { ...input, before: input.before ? BigInt(input.before) : undefined }),
    ),
});
