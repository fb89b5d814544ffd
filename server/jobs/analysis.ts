// The `analysis.run` job: streams a recording's audio from S3 through the analyser and stores what
// it measured. The recording stays READY and playable whatever happens here.
import "server-only";
import type { Readable } from "node:stream";
import { UndecodableAudioError } from "../analysis/analyze";
import type { AnalysisOutput } from "../analysis/types";
import { encodeWaveform } from "../analysis/waveform-codec";
import { AppError } from "../errors";
import { RecordingStatus } from "../generated/prisma/enums";
import type { Services } from "../recordings/services";
import type { Job } from "./handlers";

const MISSING_AUDIO = "The recording's audio is missing from storage, so it cannot be analysed.";

export interface Analyzer {
  analyze(source: Readable, options?: { signal?: AbortSignal }): Promise<AnalysisOutput>;
}

const ACTIVE = ["pending", "running"] as const;

/** What a person reads when the analysis gave up for good. */
function failureReason(error: unknown, attempts: number) {
  if (error instanceof UndecodableAudioError) return `${error.message} It cannot be analysed.`;
  if (error instanceof AppError && error.code === "SERVICE_UNAVAILABLE") {
    return `The audio could not be read from storage (${attempts} attempts). Try analysing it again later.`;
  }
  return `The analysis failed ${attempts} times. Try analysing it again later.`;
}

export async function runAnalysis(services: Services, job: Job, recordingId: string) {
  const { db, storage, analyzer, now } = services;
  const recording = await db.recording.findUnique({ where: { id: recordingId }, select: { status: true, fileKey: true } });
  // Deleted (or never finished) while the job waited: nothing to analyse, nothing to record.
  if (recording?.status !== RecordingStatus.READY || !recording.fileKey) return { skipped: "recording is not ready" };
  const claimed = await db.recordingAnalysis.updateMany({
    where: { recordingId, status: { in: [...ACTIVE] } },
    data: { status: "running", startedAt: now(), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return { skipped: "no analysis is waiting" };

  try {
    // Stops the analyser (and its ffmpeg) when pg-boss would consider the job expired anyway.
    const signal = AbortSignal.timeout(Number(job.expireInSeconds) * 1000);
    const audio = await storage.getObjectStream(recording.fileKey);
    if (!audio) {
      await db.recordingAnalysis.updateMany({
        where: { recordingId, status: "running" },
        data: { status: "failed", failureReason: MISSING_AUDIO, finishedAt: now() },
      });
      return { failed: MISSING_AUDIO };
    }
    const { version, metrics, waveform } = await analyzer.analyze(audio, { signal });
    const stored = await db.recordingAnalysis.updateMany({
      where: { recordingId, status: "running" },
      data: {
        status: "done",
        version,
        failureReason: null,
        metrics: metrics as object,
        waveform: encodeWaveform(waveform.peaks),
        peaksPerSecond: waveform.peaksPerSecond,
        wordsPerMinute: metrics.wordsPerMinute.estimate,
        pausesPerMinute: metrics.pauses.perMinute,
        pitchVariationSemitones: metrics.pitch.variationSemitones,
        integratedLufs: metrics.loudness.integratedLufs,
        finishedAt: now(),
      },
    });
    return { done: stored.count === 1, version, wordsPerMinute: metrics.wordsPerMinute.estimate };
  } catch (error) {
    const still = await db.recording.findUnique({ where: { id: recordingId }, select: { status: true } });
    if (still?.status !== RecordingStatus.READY) return { skipped: "recording was deleted during its analysis" };
    const attempts = job.retryCount + 1;
    const final = error instanceof UndecodableAudioError || job.retryCount >= job.retryLimit;
    await db.recordingAnalysis.updateMany({
      where: { recordingId, status: "running" },
      data: final
        ? { status: "failed", failureReason: failureReason(error, attempts), finishedAt: now() }
        : { status: "pending" },
    });
    // Audio ffmpeg refuses will not decode on a retry: the job ends here, as done.
    if (error instanceof UndecodableAudioError) return { failed: failureReason(error, attempts) };
    throw error;
  }
}
