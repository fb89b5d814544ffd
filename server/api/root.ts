import "server-only";
import { coachRouter } from "./routers/coach";
import { recordingRouter } from "./routers/recording";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  recording: recordingRouter,
  coach: coachRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
