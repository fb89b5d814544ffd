// recording.analysis, recording.requestAnalysis and the analysis summary on recording.list.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ANALYSIS_VERSION } from "../../analysis/analyze";
import { db } from "../../db/client";
import { insertRecording, storeAnalysis } from "../../testing/analysis";
import { PEAKS_PER_SECOND, realisticMetrics, waveformFor } from "../../testing/analysis-metrics";
import { ACTORS, createCast, type Actor } from "../../testing/cast";
import { callerFor, createUser, outcomeOf } from "../../testing/helpers";

let cast: Awaited<ReturnType<typeof createCast>>;

beforeAll(async () => {
  cast = await createCast();
  await storeAnalysis(cast.recordingId, { status: "done" });
});

describe("who may see and request an analysis", () => {
  const expected: Record<string, Record<Actor, string>> = {
    analysis: { owner: "ok", linkedCoach: "ok", unlinkedCoach: "NOT_FOUND", otherStudent: "NOT_FOUND", anonymous: "UNAUTHORIZED" },
    requestAnalysis: { owner: "ok", linkedCoach: "FORBIDDEN", unlinkedCoach: "NOT_FOUND", otherStudent: "NOT_FOUND", anonymous: "UNAUTHORIZED" },
  };
  it.each(ACTORS)("analysis: %s", async (actor) => {
    expect(await outcomeOf(() => cast.caller(actor).recording.analysis({ recordingId: cast.recordingId }))).toBe(expected.analysis![actor]);
  });
  it.each(ACTORS)("requestAnalysis: %s", async (actor) => {
    const outcome = await outcomeOf(() => cast.caller(actor).recording.requestAnalysis({ recordingId: cast.recordingId }));
    expect(outcome).toBe(expected.requestAnalysis![actor]);
  });
  it("an outsider gets the same answer for someone else's recording as for an unknown id", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await outcomeOf(() => cast.caller("otherStudent").recording.analysis({ recordingId: unknown }))).toBe("NOT_FOUND");
  });
});

describe("recording.analysis", () => {
  it("a finished analysis returns the metrics as stored and the waveform within one byte step", async () => {
    const owner = await createUser();
    const recordingId = await insertRecording(owner.id);
    const metrics = realisticMetrics();
    await storeAnalysis(recordingId, { status: "done", metrics }, 3);

    const analysis = await callerFor(owner).recording.analysis({ recordingId });
    expect(analysis).toMatchObject({ status: "done", version: 3, canRequest: false, metrics });
    expect(analysis.failureReason).toBeUndefined();
    const stored = waveformFor(metrics);
    expect(analysis.waveform!.peaksPerSecond).toBe(PEAKS_PER_SECOND);
    expect(analysis.waveform!.peaks).toHaveLength(stored.length);
    analysis.waveform!.peaks.forEach((value, index) => expect(Math.abs(value - stored[index]!)).toBeLessThanOrEqual(0.5 / 127 + 0.0005));
    expect(analysis.metrics!.pauses.items[1]).toEqual({ startMs: 9_800, endMs: 10_900 });
    expect(analysis.metrics!.loudness.integratedLufs).toBe(-19.4);
  });

  it.each(["pending", "running"] as const)("a %s analysis has neither metrics nor waveform and cannot be requested again", async (status) => {
    const owner = await createUser();
    const recordingId = await insertRecording(owner.id);
    await storeAnalysis(recordingId, { status });
    const analysis = await callerFor(owner).recording.analysis({ recordingId });
    expect(analysis).toEqual({ status, version: 1, canRequest: false });
  });

  it("a failed analysis gives its reason; the owner may try again, the coach may not", async () => {
    const recordingId = await insertRecording(cast.users.owner.id);
    await storeAnalysis(recordingId, { status: "failed", failureReason: "The audio could not be decoded." });
    expect(await cast.caller("owner").recording.analysis({ recordingId })).toEqual({
      status: "failed",
      version: 1,
      failureReason: "The audio could not be decoded.",
      canRequest: true,
    });
    expect((await cast.caller("linkedCoach").recording.analysis({ recordingId })).canRequest).toBe(false);
  });

  it("a ready recording with no analysis answers status none, which its owner may request", async () => {
    const recordingId = await insertRecording(cast.users.owner.id);
    expect(await cast.caller("owner").recording.analysis({ recordingId })).toEqual({ status: "none", version: null, canRequest: true });
    expect(await cast.caller("linkedCoach").recording.analysis({ recordingId })).toEqual({ status: "none", version: null, canRequest: false });
  });

  it("a recording without audio, or not yet uploaded, cannot be requested", async () => {
    const caller = cast.caller("owner");
    for (const recordingId of [
      await insertRecording(cast.users.owner.id, { withAudio: false }),
      await insertRecording(cast.users.owner.id, { status: "PENDING" }),
    ]) {
      expect((await caller.recording.analysis({ recordingId })).canRequest).toBe(false);
    }
  });
});

describe("recording.requestAnalysis", () => {
  async function rowOf(recordingId: string) {
    return db.recordingAnalysis.findUnique({ where: { recordingId }, select: { status: true, version: true, failureReason: true } });
  }

  it("queues a legacy recording's analysis once, however often it is asked", async () => {
    const recordingId = await insertRecording(cast.users.owner.id);
    const caller = cast.caller("owner");
    const answers = await Promise.all([1, 2, 3].map(() => caller.recording.requestAnalysis({ recordingId })));
    for (const answer of answers) expect(answer).toEqual({ status: "pending", version: ANALYSIS_VERSION, canRequest: false });
    expect(await rowOf(recordingId)).toEqual({ status: "pending", version: ANALYSIS_VERSION, failureReason: null });
    expect(await db.recordingAnalysis.count({ where: { recordingId } })).toBe(1);
  });

  it("restarts a failed analysis and clears its reason", async () => {
    const recordingId = await insertRecording(cast.users.owner.id);
    await storeAnalysis(recordingId, { status: "failed", failureReason: "Decoding failed." });
    await cast.caller("owner").recording.requestAnalysis({ recordingId });
    expect(await rowOf(recordingId)).toEqual({ status: "pending", version: ANALYSIS_VERSION, failureReason: null });
  });

  it("leaves a finished analysis alone", async () => {
    const recordingId = await insertRecording(cast.users.owner.id);
    await storeAnalysis(recordingId, { status: "done" }, 2);
    const answer = await cast.caller("owner").recording.requestAnalysis({ recordingId });
    expect(answer).toMatchObject({ status: "done", version: 2 });
  });

  it.each([
    ["has no audio", { withAudio: false }, "This recording has no audio to analyse."],
    ["is still uploading", { status: "PENDING" as const }, "Only a recording that finished uploading can be analysed."],
  ])("refuses a recording that %s with PRECONDITION_FAILED and writes nothing", async (_what, shape, message) => {
    const recordingId = await insertRecording(cast.users.owner.id, shape);
    const error = await cast.caller("owner").recording.requestAnalysis({ recordingId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED", message });
    expect(await rowOf(recordingId)).toBeNull();
  });
});

describe("the analysis summary on recording.list", () => {
  it("carries status, pace, pauses and a sparkline where the pauses are quiet", async () => {
    const owner = await createUser();
    const base = Date.now();
    const done = await insertRecording(owner.id, { createdAt: new Date(base - 3_000) });
    const pending = await insertRecording(owner.id, { createdAt: new Date(base - 2_000) });
    const legacy = await insertRecording(owner.id, { createdAt: new Date(base - 1_000) });
    const metrics = realisticMetrics({
      durationMs: 48_000,
      pauses: { ...realisticMetrics().pauses, items: [{ startMs: 10_000, endMs: 14_000 }] },
    });
    await storeAnalysis(done, { status: "done", metrics });
    await storeAnalysis(pending, { status: "pending" });

    const { items } = await callerFor(owner).recording.list();
    const byId = new Map(items.map((item) => [item.id, item.analysis]));
    expect(byId.get(legacy)).toBeNull();
    expect(byId.get(pending)).toEqual({ status: "pending", wordsPerMinute: null, pausesPerMinute: null, sparkline: [] });
    const summary = byId.get(done)!;
    expect(summary).toMatchObject({ status: "done", wordsPerMinute: 148, pausesPerMinute: 8 });
    // 48 s in 48 buckets: one second each, so seconds 10 to 13 are the pause.
    expect(summary.sparkline).toHaveLength(48);
    expect(summary.sparkline.slice(10, 14)).toEqual([0.01, 0.01, 0.01, 0.01]);
    expect(Math.min(...summary.sparkline.slice(0, 10), ...summary.sparkline.slice(14))).toBeGreaterThan(0.3);
    expect(Math.max(...summary.sparkline)).toBeLessThanOrEqual(1);
  });

  it("a linked coach sees the same summary", async () => {
    const { items } = await cast.caller("linkedCoach").recording.list({ ownerId: cast.users.owner.id });
    expect(items.find((item) => item.id === cast.recordingId)?.analysis).toMatchObject({ status: "done", wordsPerMinute: 148 });
  });
});
