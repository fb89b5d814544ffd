import "server-only";
import { z } from "zod";
import { viewableOwner } from "../../access/policy";
import { progressSeries } from "../../recordings/progress";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const seriesInput = z
  .object({
    ownerId: z.string().min(1).max(64).optional(),
    from: z.date({ message: "The start of the range must be a date." }).optional(),
    to: z.date({ message: "The end of the range must be a date." }).optional(),
  })
  .default({});

export const progressRouter = createTRPCRouter({
  series: protectedProcedure.input(seriesInput).query(async ({ ctx, input }) => {
    const ownerId = await viewableOwner(ctx.services.db, ctx.user, input.ownerId);
    return progressSeries(ctx.services.db, ownerId, input);
  }),
});
