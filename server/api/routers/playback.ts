import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { PLAY_ERROR_CODES } from "../../metrics/metrics";
import { listeners, reportPlay } from "../../recordings/plays";
import { createTRPCRouter, rateLimited, recordingViewerProcedure } from "../trpc";

// A start slower than ten minutes is not a start we can measure.
const MAX_START_MS = 600_000;

const report = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("started"), startMs: z.number().int().min(0).max(MAX_START_MS) }),
  z.object({ outcome: z.literal("error"), code: z.enum(PLAY_ERROR_CODES) }),
]);

export const playbackRouter = createTRPCRouter({
  /** The player's report of one play: it started (within startMs) or failed with a MediaError. */
  report: recordingViewerProcedure
    .input(z.object({ report }))
    .use(rateLimited("playReport"))
    .mutation(async ({ ctx, input }) => {
      await reportPlay(
        ctx.services,
        {
          recordingId: ctx.recording.id,
          ownerId: ctx.recording.ownerId,
          viewerId: ctx.user.id,
          relationship: ctx.relationship!,
          clientAddress: ctx.clientAddress,
        },
        input.report,
      );
      return { ok: true as const };
    }),

  /** "Who listened": for the owner only. */
  listeners: recordingViewerProcedure.query(({ ctx }) => {
    if (ctx.relationship !== "owner") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only the owner can see who listened." });
    }
    return listeners(ctx.services, ctx.recording.id, ctx.recording.ownerId);
  }),
});
