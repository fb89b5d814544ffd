import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { relationshipTo, can } from "../access/policy";
import { isDatabaseUnavailable } from "../db/unavailable";
import { AppError, notFound } from "../errors";
import type { LimitedAction } from "../limits/rate-limits";
import { logger } from "../log";
import { VISIBLE_STATUSES } from "../recordings/view";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // People read the message: the field rules broken, in words, rather than zod's JSON dump.
      message: zodError ? [...new Set(zodError.issues.map((issue) => issue.message))].join(" ") : shape.message,
      data: {
        ...shape.data,
        zodError: zodError ? z.flattenError(zodError) : null,
      },
    };
  },
});

/** Business errors become their tRPC code; anything else is a bug, logged and hidden. */
const appErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      result.error = new TRPCError({ code: cause.code, message: cause.message, cause });
    } else if (isDatabaseUnavailable(cause)) {
      logger.warn({ err: cause, path }, "database unavailable");
      result.error = new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "Speech Coach cannot reach its database right now. Please try again in a minute.",
        cause,
      });
    } else if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: result.error.cause ?? result.error, path }, "procedure failed");
      result.error = new TRPCError({
        code: "INTERNAL_SERVER_ERROR",
        message: "Something went wrong on our side. Please try again.",
      });
    }
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { user: ctx.user } });
});

const recordingInput = z.object({ recordingId: z.uuid({ message: "Not a recording id." }) });

/**
 * A recording the signed-in user may view: its owner or a linked coach. Anyone else, and any
 * recording being deleted, is NOT_FOUND, exactly as if the id did not exist.
 */
export const recordingViewerProcedure = protectedProcedure
  .input(recordingInput)
  .use(async ({ ctx, input, next }) => {
    const recording = await ctx.services.db.recording.findFirst({
      where: { id: input.recordingId, status: { in: VISIBLE_STATUSES } },
      select: { id: true, ownerId: true },
    });
    const relationship = recording ? await relationshipTo(ctx.services.db, ctx.user, recording.ownerId) : null;
    if (!recording || !can.view(relationship)) throw notFound();
    return next({ ctx: { recording, relationship } });
  });

/** Signed-in coaches only. */
export const coachProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "coach") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only coaches can do this." });
  }
  return next();
});

/** Spends one unit of the signed-in user's budget for the action (see server/limits). */
export function rateLimited(action: LimitedAction) {
  return t.middleware(async ({ ctx, next }) => {
    if (ctx.user) await ctx.services.rateLimits.consume(action, ctx.user.id);
    return next();
  });
}

export const ONLY_THE_OWNER = "Only the owner can change this recording.";

/** A recording the signed-in user owns; a linked coach is told plainly that it is read-only. */
export const recordingOwnerProcedure = recordingViewerProcedure.use(({ ctx, next }) => {
  if (!can.manage(ctx.relationship)) {
    throw new TRPCError({ code: "FORBIDDEN", message: ONLY_THE_OWNER });
  }
  return next();
});
