import { listStudents } from "../../coaching/students";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const coachRouter = createTRPCRouter({
  students: protectedProcedure.query(({ ctx }) => listStudents(ctx.services.db, ctx.user.id)),
});
