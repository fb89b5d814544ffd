import "server-only";
import type { Relationship } from "../access/policy";
import { can } from "../access/policy";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { RecordingStatus } from "../generated/prisma/enums";
import { ANALYSIS_VERSION } from "../analysis/analyze";
import { enqueueAnalysis } from "./analysis-queue";
import { getAnalysis, type AnalysisView } from "./analysis-view";

type Analysable = { status: RecordingStatus; fileKey: string | null };

function analysable(recording: Analysable) {
  return recording.status === RecordingStatus.READY && recording.fileKey !== null;
}

/** Whether this viewer may ask for an analysis now: the owner, of playable audio, with none or a failed one. */
function mayRequest(recording: Analysable, relationship: Relationship, analysis: AnalysisView) {
  return can(relationship, "manage") && analysable(recording) && (analysis.status === "none" || analysis.status === "failed");
}

/** `recording.analysis`: the analysis as stored, and whether the viewer may (re)start it. */
export async function analysisFor(db: Db, recordingId: string, relationship: Relationship) {
  const [recording, analysis] = await Promise.all([
    db.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { status: true, fileKey: true } }),
    getAnalysis(db, recordingId),
  ]);
  return { ...analysis, canRequest: mayRequest(recording, relationship, analysis) };
}

/**
 * Queues an analysis for a recording that has none (made before analysis existed) or whose last one
 * failed. Asking again while one is pending, running or done changes nothing, so a double click is
 * harmless.
 */
export async function requestAnalysis(db: Db, recordingId: string) {
  const recording = await db.recording.findUniqueOrThrow({
    where: { id: recordingId },
    select: { status: true, fileKey: true },
  });
  if (!analysable(recording)) {
    throw new AppError(
      "PRECONDITION_FAILED",
      recording.fileKey === null
        ? "This recording has no audio to analyse."
        : "Only a recording that finished uploading can be analysed.",
    );
  }
  await db.$transaction(async (tx) => {
    const created = await tx.recordingAnalysis.createMany({
      data: [{ recordingId, status: "pending", version: ANALYSIS_VERSION }],
      skipDuplicates: true,
    });
    const restarted = created.count
      ? 0
      : (await tx.recordingAnalysis.updateMany({
          where: { recordingId, status: "failed" },
          data: {
            status: "pending",
            version: ANALYSIS_VERSION,
            failureReason: null,
            attempts: 0,
            startedAt: null,
            finishedAt: null,
          },
        })).count;
    if (created.count + restarted > 0) await enqueueAnalysis(tx, recordingId);
  });
  return analysisFor(db, recordingId, "owner");
}
