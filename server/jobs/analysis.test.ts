// The analysis job's life: queued with the confirm that marks a recording READY, run, retried,
// failed for good, skipped when the recording went away, and backfilled for old recordings.
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { ANALYSIS_VERSION, UndecodableAudioError } from "../analysis/analyze";
import type { AnalysisOutput } from "../analysis/types";
import { decodeWaveform } from "../analysis/waveform-codec";
import { db } from "../db/client";
import type { Services } from "../recordings/services";
import { callerFor, createUser, uploadRecording } from "../testing/helpers";
import { analysisJobsOf, makeRetriesDue, purgeQueue, TEST_JOB_SETTINGS, useJobRuntime } from "../testing/jobs";
import { realisticMetrics, waveformFor } from "../testing/analysis-metrics";
import { useStoppableS3 } from "../testing/outage";
import type { Analyzer } from "./analysis";
import { backfillAnalyses } from "./backfill";

const stack = useStoppableS3();
const jobs = useJobRuntime();

const metrics = realisticMetrics();
const output: AnalysisOutput = { version: ANALYSIS_VERSION, metrics, waveform: { peaks: waveformFor(metrics), peaksPerSecond: 50 } };

/** An analyser that reads the whole stream (as the real one does) and answers from a script. */
function scriptedAnalyzer(...answers: (AnalysisOutput | Error)[]): Analyzer & { bytesRead: number[] } {
  const bytesRead: number[] = [];
  return {
    bytesRead,
    async analyze(source: Readable) {
      let bytes = 0;
      for await (const chunk of source) bytes += (chunk as Buffer).length;
      bytesRead.push(bytes);
      const answer = answers.shift() ?? output;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

const runAnalyses = (analyzer: Analyzer, overrides: Partial<Services> = {}) =>
  jobs.runtime.runDueJobs({ ...stack.services, analyzer, ...overrides }, TEST_JOB_SETTINGS, ["analysis.run"]);

const analysisOf = (recordingId: string) => db.recordingAnalysis.findUnique({ where: { recordingId } });

beforeEach(() => purgeQueue("analysis.run"));

describe("confirming an upload", () => {
  it("creates the pending analysis and queues its job in the transaction that marks it READY", async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.wav", stack.services);
    expect(recording.status).toBe("READY");
    expect(await analysisOf(recording.id)).toMatchObject({ status: "pending", version: ANALYSIS_VERSION, attempts: 0 });
    expect(await analysisJobsOf(recording.id)).toEqual([expect.objectContaining({ state: "created" })]);
  });
});

describe("the analysis job", () => {
  it("streams the audio through the analyser and stores metrics, waveform and headline figures", async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.wav", stack.services);
    const analyzer = scriptedAnalyzer(output);
    const run = await runAnalyses(analyzer);
    expect(run["analysis.run"]).toEqual({ completed: [{ done: true, version: ANALYSIS_VERSION, wordsPerMinute: 148 }], failed: [] });
    expect(analyzer.bytesRead).toEqual([recording.sizeBytes]);
    const stored = (await analysisOf(recording.id))!;
    expect(stored).toMatchObject({
      status: "done",
      version: ANALYSIS_VERSION,
      attempts: 1,
      failureReason: null,
      metrics,
      peaksPerSecond: 50,
      wordsPerMinute: 148,
      pausesPerMinute: 8,
      pitchVariationSemitones: 2.9,
      integratedLufs: -19.4,
    });
    expect(stored.startedAt).not.toBeNull();
    expect(stored.finishedAt!.getTime()).toBeGreaterThanOrEqual(stored.startedAt!.getTime());
    const peaks = decodeWaveform(stored.waveform!);
    expect(peaks).toHaveLength(output.waveform.peaks.length);
    peaks.forEach((peak, i) => expect(peak).toBeCloseTo(output.waveform.peaks[i]!, 1));
    expect(await analysisJobsOf(recording.id)).toEqual([expect.objectContaining({ state: "completed" })]);
    const view = await callerFor(owner, stack.services).recording.analysis({ recordingId: recording.id });
    expect(view).toMatchObject({ status: "done", metrics: { wordsPerMinute: { estimate: 148 } } });
  });

  it("retries a failure with backoff and succeeds on a later attempt", async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.mp3", stack.services);
    const analyzer = scriptedAnalyzer(new Error("ffmpeg was killed"), output);

    const first = await runAnalyses(analyzer);
    expect(first["analysis.run"]?.failed).toEqual(["ffmpeg was killed"]);
    expect(await analysisOf(recording.id)).toMatchObject({ status: "pending", attempts: 1, failureReason: null });
    const [retry] = await analysisJobsOf(recording.id);
    expect(retry).toMatchObject({ state: "retry", retryCount: 0 });
    // Backoff: not due again at once, so running what is due now does nothing.
    expect(retry!.startAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await runAnalyses(analyzer)).toEqual({});

    await makeRetriesDue("analysis.run");
    const second = await runAnalyses(analyzer);
    expect(second["analysis.run"]?.completed).toHaveLength(1);
    expect(await analysisOf(recording.id)).toMatchObject({ status: "done", attempts: 2 });
    expect(await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).toMatchObject({ status: "READY" });
  });

  it("ends as failed with a reason a person can read once the retries are spent; the recording stays playable", async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.ogg", stack.services);
    const analyzer = scriptedAnalyzer(...Array.from({ length: 10 }, () => new Error("socket hang up")));
    let attempts = 0;
    for (;;) {
      await runAnalyses(analyzer);
      attempts += 1;
      const [job] = await analysisJobsOf(recording.id);
      if (job!.state !== "retry") break;
      await makeRetriesDue("analysis.run");
    }
    const [job] = await analysisJobsOf(recording.id);
    expect(job).toMatchObject({ state: "failed" });
    expect(attempts).toBe(job!.retryLimit + 1);
    expect(await analysisOf(recording.id)).toMatchObject({
      status: "failed",
      attempts,
      failureReason: `The analysis failed ${attempts} times. Try analysing it again later.`,
    });
    const deadLetters = await db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from pgboss.job where name = 'dead-letters' and data->>'recordingId' = ${recording.id}`;
    expect(deadLetters[0]!.n).toBe(1);
    const caller = callerFor(owner, stack.services);
    expect(await caller.recording.byId({ recordingId: recording.id })).toMatchObject({ status: "READY" });
    await expect(caller.recording.playbackUrl({ recordingId: recording.id })).resolves.toHaveProperty("url");
  });

  it("fails audio the decoder refuses at once, without retrying", async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.webm", stack.services);
    const analyzer = scriptedAnalyzer(new UndecodableAudioError("ffmpeg found no audio stream."));
    const run = await runAnalyses(analyzer);
    const reason = "The audio could not be decoded: ffmpeg found no audio stream. It cannot be analysed.";
    expect(run["analysis.run"]).toEqual({ completed: [{ failed: reason }], failed: [] });
    expect(await analysisOf(recording.id)).toMatchObject({ status: "failed", attempts: 1, failureReason: reason });
    expect(await analysisJobsOf(recording.id)).toEqual([expect.objectContaining({ state: "completed", retryCount: 0 })]);
  });

  it("does nothing for a recording deleted while its analysis was queued", async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.wav", stack.services);
    await callerFor(owner, stack.services).recording.delete({ recordingId: recording.id });
    const analyzer = scriptedAnalyzer();
    const run = await runAnalyses(analyzer);
    expect(run["analysis.run"]).toEqual({ completed: [{ skipped: "recording is not ready" }], failed: [] });
    expect(analyzer.bytesRead).toEqual([]);
    expect(await analysisOf(recording.id)).toBeNull();
  });

  it("stops quietly when the recording is deleted while it is being analysed", async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.wav", stack.services);
    const analyzer: Analyzer = {
      async analyze() {
        await callerFor(owner, stack.services).recording.delete({ recordingId: recording.id });
        throw new Error("the stream ended early");
      },
    };
    const run = await runAnalyses(analyzer);
    expect(run["analysis.run"]).toEqual({ completed: [{ skipped: "recording was deleted during its analysis" }], failed: [] });
    expect(await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).toMatchObject({ status: "DELETED" });
    expect(await analysisOf(recording.id)).toBeNull();
  });
});

describe("the real analyser", () => {
  it("confirm → job → done with measured figures for a real recording", { timeout: 120_000 }, async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-passage.m4a", stack.services);
    const run = await jobs.runtime.runDueJobs(stack.services, TEST_JOB_SETTINGS, ["analysis.run"]);
    expect(run["analysis.run"]?.failed).toEqual([]);
    const stored = (await analysisOf(recording.id))!;
    expect(stored.status).toBe("done");
    const measured = stored.metrics as unknown as AnalysisOutput["metrics"];
    expect(measured.durationMs).toBeGreaterThan(27_000);
    expect(measured.durationMs).toBeLessThan(29_000);
    // Five clips with 0.8 s of silence between them.
    expect(measured.pauses.count).toBeGreaterThanOrEqual(4);
    expect(stored.wordsPerMinute).toBe(measured.wordsPerMinute.estimate);
    expect(stored.wordsPerMinute).toBeGreaterThan(0);
    expect(decodeWaveform(stored.waveform!).some((peak) => Math.abs(peak) > 0.1)).toBe(true);
  });
});

describe("npm run analysis:backfill", () => {
  it("queues recordings with no analysis or an older version once; running it again queues nothing", async () => {
    const owner = await createUser();
    const legacy = await uploadRecording(owner, "speech-short.wav", stack.services);
    const outdated = await uploadRecording(owner, "speech-short.mp3", stack.services);
    const current = await uploadRecording(owner, "speech-short.ogg", stack.services);
    await purgeQueue("analysis.run");
    await db.recordingAnalysis.delete({ where: { recordingId: legacy.id } });
    await db.recordingAnalysis.update({ where: { recordingId: outdated.id }, data: { status: "done", version: ANALYSIS_VERSION - 1 } });
    await db.recordingAnalysis.update({ where: { recordingId: current.id }, data: { status: "done" } });

    const first = await backfillAnalyses(stack.services);
    expect(first.queued).toBeGreaterThanOrEqual(2);
    for (const id of [legacy.id, outdated.id]) {
      expect(await analysisOf(id)).toMatchObject({ status: "pending", version: ANALYSIS_VERSION });
      expect(await analysisJobsOf(id)).toHaveLength(1);
    }
    expect(await analysisJobsOf(current.id)).toHaveLength(0);
    expect(await backfillAnalyses(stack.services)).toMatchObject({ queued: 0 });
    expect(await analysisJobsOf(legacy.id)).toHaveLength(1);

    const run = await runAnalyses(scriptedAnalyzer());
    expect(run["analysis.run"]?.failed).toEqual([]);
    for (const id of [legacy.id, outdated.id]) expect(await analysisOf(id)).toMatchObject({ status: "done" });
  });
});
