import "server-only";
import { coachRouter } from "./routers/coach";
import { adminRouter } from "./routers/admin";
import { commentRouter } from "./routers/comment";
import { progressRouter } from "./routers/progress";
import { playbackRouter } from "./routers/playback";
import { recordingRouter } from "./routers/recording";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  recording: recordingRouter,
  coach: coachRouter,
  comment: commentRouter,
  progress: progressRouter,
  playback: playbackRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
