import { TRPCError } from "@trpc/server";
import type { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { MAX_PROGRESS_POINTS } from "../../recordings/progress";
import { insertRecording, storeAnalysis } from "../../testing/analysis";
import { realisticMetrics } from "../../testing/analysis-metrics";
import { ACTORS, createCast, type Actor } from "../../testing/cast";
import { callerFor, createUser, outcomeOf } from "../../testing/helpers";

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));

let cast: Awaited<ReturnType<typeof createCast>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  cast = await createCast();
  const owner = cast.users.owner.id;
  ids.first = await insertRecording(owner, { title: "First", createdAt: day(1) });
  ids.second = await insertRecording(owner, { title: "Second", createdAt: day(5) });
  ids.third = await insertRecording(owner, { title: "Third", createdAt: day(9) });
  ids.pending = await insertRecording(owner, { title: "Pending", createdAt: day(6) });
  ids.failed = await insertRecording(owner, { title: "Failed", createdAt: day(7) });
  ids.deleting = await insertRecording(owner, { title: "Deleting", createdAt: day(8), status: "DELETING" });
  await storeAnalysis(ids.first, { status: "done", metrics: realisticMetrics({ wordsPerMinute: { estimate: 120, low: 105, high: 134 } }) });
  await storeAnalysis(ids.second, {
    status: "done",
    metrics: realisticMetrics({
      pauses: { ...realisticMetrics().pauses, perMinute: 11.5 },
      loudness: { integratedLufs: -25.1, rangeLu: 7, clippedRatio: 0, snrDb: 28 },
      pitch: { medianHz: 120, variationSemitones: 1.4, monotone: [] },
    }),
  });
  await storeAnalysis(ids.third, { status: "done" });
  await storeAnalysis(ids.pending, { status: "pending" });
  await storeAnalysis(ids.failed, { status: "failed", failureReason: "Could not decode." });
  await storeAnalysis(ids.deleting, { status: "done" });
});

describe("who may see a progress series", () => {
  const expected: Record<Actor, string> = { owner: "ok", linkedCoach: "ok", unlinkedCoach: "NOT_FOUND", otherStudent: "NOT_FOUND", anonymous: "UNAUTHORIZED" };
  it.each(ACTORS)("%s", async (actor) => {
    expect(await outcomeOf(() => cast.caller(actor).progress.series({ ownerId: cast.users.owner.id }))).toBe(expected[actor]);
  });
  it("an unknown person is NOT_FOUND too", async () => {
    expect(await outcomeOf(() => cast.caller("linkedCoach").progress.series({ ownerId: "no-such-user" }))).toBe("NOT_FOUND");
  });
});

describe("progress.series", () => {
  it("has one point per finished analysis of a visible recording, oldest first, with the headline figures", async () => {
    const { points, truncated } = await cast.caller("owner").progress.series();
    expect(truncated).toBe(false);
    expect(points.map((point) => point.title)).toEqual(["First", "Second", "Third"]);
    expect(points[0]).toEqual({
      recordingId: ids.first,
      title: "First",
      date: day(1),
      wordsPerMinute: { estimate: 120, low: 105, high: 134 },
      pausesPerMinute: 8,
      pitchVariationSemitones: 2.9,
      integratedLufs: -19.4,
    });
    expect(points[1]).toMatchObject({ pausesPerMinute: 11.5, pitchVariationSemitones: 1.4, integratedLufs: -25.1 });
  });

  it("the linked coach sees the same series as the owner", async () => {
    const forCoach = await cast.caller("linkedCoach").progress.series({ ownerId: cast.users.owner.id });
    expect(forCoach).toEqual(await cast.caller("owner").progress.series());
  });

  it("keeps to the range, both ends included", async () => {
    const { points } = await cast.caller("owner").progress.series({ from: day(5), to: day(9) });
    expect(points.map((point) => point.title)).toEqual(["Second", "Third"]);
    const early = await cast.caller("owner").progress.series({ to: day(4) });
    expect(early.points.map((point) => point.title)).toEqual(["First"]);
  });

  it("refuses a range that ends before it starts, saying so", async () => {
    const error = await cast.caller("owner").progress.series({ from: day(9), to: day(1) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "The range starts after it ends: choose a start on or before the end." });
  });

  it("refuses a date that is not one", async () => {
    const error = await cast.caller("owner").progress.series({ from: new Date("not a date") }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(((error as TRPCError).cause as ZodError).issues.map((issue) => issue.message)).toEqual(["The start of the range must be a date."]);
  });

  it("someone with no analysed recordings gets an empty series", async () => {
    expect(await callerFor(await createUser()).progress.series()).toEqual({ points: [], truncated: false });
  });

  it(`keeps the latest ${MAX_PROGRESS_POINTS} points of a long history and says it did`, async () => {
    const owner = await createUser();
    const count = MAX_PROGRESS_POINTS + 2;
    const rows = Array.from({ length: count }, (_, index) => ({
      id: crypto.randomUUID(),
      ownerId: owner.id,
      title: `Take ${index}`,
      status: "READY" as const,
      createdAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000),
    }));
    await db.recording.createMany({ data: rows });
    await db.recordingAnalysis.createMany({
      data: rows.map((row, index) => ({ recordingId: row.id, status: "done" as const, version: 1, wordsPerMinute: 100 + index })),
    });
    const { points, truncated } = await callerFor(owner).progress.series();
    expect(truncated).toBe(true);
    expect(points).toHaveLength(MAX_PROGRESS_POINTS);
    expect(points[0]!.title).toBe("Take 2");
    expect(points.at(-1)!.title).toBe(`Take ${count - 1}`);
    // Without a stored range the estimate stands for both ends.
    expect(points[0]!.wordsPerMinute).toEqual({ estimate: 102, low: 102, high: 102 });
  });
});
