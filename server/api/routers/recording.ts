import "server-only";
import { z } from "zod";
import { can, viewableOwner } from "../../access/policy";
import { auditAction } from "../../audit/audit";
import { RecordingStatus } from "../../generated/prisma/enums";
import { metrics } from "../../metrics/metrics";
import { withViewerState } from "../../coaching/viewer-state";
import { analysisFor, requestAnalysis } from "../../recordings/analysis-request";
import { withAnalysisSummary } from "../../recordings/analysis-view";
import { getRecording, listRecordings, playbackUrl, usage } from "../../recordings/queries";
import {
  deleteRecentlyDeletedForever,
  listRecentlyDeleted,
  requestDeletion,
  restoreRecording,
} from "../../recordings/recently-deleted";
import { confirmUpload, createUpload } from "../../recordings/uploads";
import { VISIBLE_STATUSES } from "../../recordings/view";
import {
  createTRPCRouter,
  protectedProcedure,
  rateLimited,
  recordingDeleteProcedure,
  recordingOwnerProcedure,
  recordingViewerProcedure,
} from "../trpc";

const createUploadInput = z.object({
  fileName: z.string().trim().min(1, "A file name is required.").max(255, "The file name is too long."),
  contentType: z.string().trim().min(1, "The file type is missing.").max(255),
  sizeBytes: z
    .number({ message: "The file size must be a number of bytes." })
    .int("The file size must be a whole number of bytes.")
    .nonnegative("The file size cannot be negative.")
    .max(Number.MAX_SAFE_INTEGER),
  title: z.string().max(500, "The title is too long (500 characters at most).").optional(),
});

const listInput = z
  .object({
    cursor: z.string().max(200).nullish(),
    limit: z.number().int().min(1).max(100).default(20),
    ownerId: z.string().min(1).max(64).optional(),
  })
  .default({ limit: 20 });

export const recordingRouter = createTRPCRouter({
  createUpload: protectedProcedure
    .input(createUploadInput)
    .use(rateLimited("createUpload"))
    .mutation(({ ctx, input }) => createUpload(ctx.services, ctx.user.id, input)),

  confirmUpload: recordingOwnerProcedure.use(rateLimited("confirmUpload")).mutation(({ ctx }) =>
    confirmUpload(ctx.services, ctx.recording.id),
  ),

  list: protectedProcedure.input(listInput).query(async ({ ctx, input }) => {
    const ownerId = await viewableOwner(ctx.services.db, ctx.user, input.ownerId);
    const page = await listRecordings(ctx.services, ownerId, {
      cursor: input.cursor ?? undefined,
      limit: input.limit,
    });
    const items = await withViewerState(ctx.services.db, ctx.user.id, page.items);
    return { ...page, items: await withAnalysisSummary(ctx.services.db, items) };
  }),

  byId: recordingViewerProcedure.query(async ({ ctx }) => {
    const [recording] = await withViewerState(ctx.services.db, ctx.user.id, [
      await getRecording(ctx.services, ctx.recording.id),
    ]);
    return {
      ...recording!,
      canManage: can(ctx.relationship, "manage"),
      viewerIsCoach: ctx.relationship === "coach",
    };
  }),

  analysis: recordingViewerProcedure.query(({ ctx }) =>
    analysisFor(ctx.services.db, ctx.recording.id, ctx.relationship),
  ),

  requestAnalysis: recordingOwnerProcedure.mutation(({ ctx }) => requestAnalysis(ctx.services.db, ctx.recording.id)),

  playbackUrl: recordingViewerProcedure.query(({ ctx }) =>
    playbackUrl(ctx.services, ctx.recording.id),
  ),

  delete: recordingDeleteProcedure.mutation(async ({ ctx }) => {
    const { id, status } = ctx.recording;
    await requestDeletion(ctx.services, id);
    // Deleting a reservation before it was confirmed is how the browser cancels an upload.
    if (status === RecordingStatus.PENDING) metrics.uploadsCancelled.inc();
    else if (VISIBLE_STATUSES.includes(status)) {
      await auditAction(ctx, { event: "recording.deleted", subjectUserId: ctx.user.id, recordingId: id });
    }
    return { ok: true as const };
  }),

  usage: protectedProcedure.query(({ ctx }) => usage(ctx.services, ctx.user.id)),

  // "Recently deleted" is the owner's alone: every lookup is scoped by owner, so anyone else's
  // recording is simply not found.
  recentlyDeleted: protectedProcedure.query(async ({ ctx }) => ({
    items: await listRecentlyDeleted(ctx.services, ctx.user.id),
    retentionDays: ctx.services.settings.deletedRetentionDays,
  })),

  restore: protectedProcedure
    .input(z.object({ recordingId: z.uuid({ message: "Not a recording id." }) }))
    .mutation(async ({ ctx, input }) => {
      await restoreRecording(ctx.services, ctx.user.id, input.recordingId);
      await auditAction(ctx, { event: "recording.restored", subjectUserId: ctx.user.id, recordingId: input.recordingId });
      return { ok: true as const };
    }),

  deleteForever: protectedProcedure
    .input(z.object({ recordingId: z.uuid({ message: "Not a recording id." }) }))
    .mutation(async ({ ctx, input }) => {
      await deleteRecentlyDeletedForever(ctx.services, ctx.user.id, input.recordingId);
      return { ok: true as const };
    }),
});
