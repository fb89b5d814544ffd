import "server-only";
import { ANALYSIS_VERSION } from "../analysis/analyze";
import { RecordingStatus } from "../generated/prisma/enums";
import { startAnalysis } from "../recordings/analysis-queue";
import type { Services } from "../recordings/services";

/**
 * Queues an analysis for every READY recording with audio that has none, or one made by an older
 * analyser version. Each row is written at the current version in the transaction that queues its
 * job, so running this again queues nothing new.
 */
export async function backfillAnalyses(services: Services, batchSize = 200) {
  const { db, jobs } = services;
  const due = {
    status: RecordingStatus.READY,
    fileKey: { not: null },
    OR: [{ analysisRun: { is: null } }, { analysisRun: { version: { lt: ANALYSIS_VERSION } } }],
  };
  let queued = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db.recording.findMany({
      where: { ...due, ...(after && { id: { gt: after } }) },
      select: { id: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) break;
    for (const { id } of batch) await db.$transaction((tx) => startAnalysis(tx, id, jobs));
    queued += batch.length;
    after = batch.at(-1)!.id;
  }
  const withoutAudio = await db.recording.count({ where: { status: RecordingStatus.READY, fileKey: null } });
  return { queued, withoutAudio, version: ANALYSIS_VERSION };
}
