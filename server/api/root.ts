import "server-only";
import { coachRouter } from "./routers/coach";
import { commentRouter } from "./routers/comment";
import { progressRouter } from "./routers/progress";
import { recordingRouter } from "./routers/recording";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  recording: recordingRouter,
  coach: coachRouter,
  comment: commentRouter,
  progress: progressRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
