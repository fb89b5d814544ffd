import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { authorizeAdmin, authorizeRecording, authorizeRole, type RecordingAction } from "../access/policy";
import { recordAudit } from "../audit/audit";
import { isDatabaseUnavailable } from "../db/unavailable";
import { env } from "../env";
import { AppError } from "../errors";
import type { LimitedAction } from "../limits/rate-limits";
import { logger } from "../log";
import { metrics } from "../metrics/metrics";
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

/**
 * Counts and times every call by procedure and the HTTP status it answers with; off when nothing
 * may scrape the numbers (no METRICS_TOKEN).
 */
const measured = t.middleware(async ({ next, path }) => {
  if (!env.METRICS_TOKEN) return next();
  const stopTimer = metrics.apiDuration.startTimer({ procedure: path });
  const result = await next();
  stopTimer();
  const status = result.ok ? 200 : getHTTPStatusCodeFromError(result.error);
  metrics.apiRequests.inc({ procedure: path, status });
  return result;
});

export const publicProcedure = t.procedure.use(measured).use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { user: ctx.user } });
});

const recordingInput = z.object({ recordingId: z.uuid({ message: "Not a recording id." }) });

/**
 * A procedure on one recording that the policy lets the signed-in user do `action` to; it adds
 * the recording and the user's relationship to it to the context.
 */
function recordingProcedure(action: RecordingAction) {
  return protectedProcedure.input(recordingInput).use(async ({ ctx, input, next }) => {
    const recording = await ctx.services.db.recording.findUnique({
      where: { id: input.recordingId },
      select: { id: true, ownerId: true, status: true },
    });
    const relationship = await authorizeRecording(ctx.services.db, ctx.user, recording, action);
    return next({ ctx: { recording: recording!, relationship } });
  });
}

/** The owner or a linked coach may see, play and comment. */
export const recordingViewerProcedure = recordingProcedure("view");
/** The owner only; a linked coach is told plainly that it is read-only. */
export const recordingOwnerProcedure = recordingProcedure("manage");
/** The owner, whatever state the recording is in (deleting twice is fine). */
export const recordingDeleteProcedure = recordingProcedure("delete");
/** The owner's linked coach. */
export const recordingReviewerProcedure = recordingProcedure("review");

/** Signed-in coaches only. */
export const coachProcedure = protectedProcedure.use(({ ctx, next }) => {
  authorizeRole(ctx.user, "coach");
  return next();
});

/** Admins only; to everyone else the admin procedures do not exist. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  authorizeAdmin(ctx.user);
  return next();
});

/** Spends one unit of the signed-in user's budget for the action (see server/limits). */
export function rateLimited(action: LimitedAction) {
  return t.middleware(async ({ ctx, next }) => {
    if (!ctx.user) return next();
    try {
      await ctx.services.rateLimits.consume(action, ctx.user.id);
    } catch (refusal) {
      if (refusal instanceof AppError && refusal.code === "TOO_MANY_REQUESTS") {
        await recordAudit(ctx.services.db, {
          event: "rate_limit.refused",
          actorId: ctx.user.id,
          clientAddress: ctx.clientAddress,
          detail: { action },
        });
      }
      throw refusal;
    }
    return next();
  });
}
