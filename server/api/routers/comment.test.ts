import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createUser, linkCoach, uploadRecording } from "../../testing/helpers";
import type { SessionUser } from "../context";

let student: SessionUser;
let coach: SessionUser;
let recordingId: string;

beforeAll(async () => {
  student = await createUser();
  coach = await createUser("coach");
  await linkCoach(coach, student);
  recordingId = (await uploadRecording(student, "speech-passage.m4a")).id;
});

describe("comments pinned to time", () => {
  it("are listed in time order, moments and ranges alike", async () => {
    const coachSession = callerFor(coach);
    await coachSession.comment.add({ recordingId, body: "Strong close", startMs: 20_000 });
    await coachSession.comment.add({ recordingId, body: "Slow down here", startMs: 2_000, endMs: 6_500 });
    await callerFor(student).comment.add({ recordingId, body: "I rushed this bit", startMs: 9_000 });
    const comments = await callerFor(student).comment.list({ recordingId });
    expect(comments.map((c) => [c.startMs, c.endMs, c.body])).toEqual([
      [2_000, 6_500, "Slow down here"],
      [9_000, null, "I rushed this bit"],
      [20_000, null, "Strong close"],
    ]);
    expect(comments.map((c) => c.mine)).toEqual([false, true, false]);
    expect(comments[0]).toMatchObject({ authorName: "Test coach", authorRole: "coach" });
  });

  it("shows the owner which coach comments are unread, until they are read", async () => {
    const owner = callerFor(student);
    const unread = (await owner.comment.list({ recordingId })).filter((c) => c.unread);
    expect(unread.map((c) => c.body).sort()).toEqual(["Slow down here", "Strong close"]);
    expect((await owner.recording.list()).items.find((i) => i.id === recordingId)?.unreadComments).toBe(2);

    await owner.comment.markRead({ recordingId });
    expect((await owner.comment.list({ recordingId })).some((c) => c.unread)).toBe(false);
    expect((await owner.recording.byId({ recordingId })).unreadComments).toBe(0);

    await callerFor(coach).comment.add({ recordingId, body: "One more thing", startMs: 1_000 });
    expect((await owner.recording.byId({ recordingId })).unreadComments).toBe(1);
  });

  it("can be edited and deleted by their author", async () => {
    const coachSession = callerFor(coach);
    const { id } = await coachSession.comment.add({ recordingId, body: "tpyo", startMs: 3_000 });
    await coachSession.comment.update({ commentId: id, body: "typo fixed", startMs: 3_500, endMs: 4_000 });
    expect((await coachSession.comment.list({ recordingId })).find((c) => c.id === id)).toMatchObject({
      body: "typo fixed",
      startMs: 3_500,
      endMs: 4_000,
    });
    await coachSession.comment.delete({ commentId: id });
    expect((await coachSession.comment.list({ recordingId })).find((c) => c.id === id)).toBeUndefined();
  });

  it("are plain text: markup is kept as typed, control characters are dropped", async () => {
    const { id } = await callerFor(coach).comment.add({
      recordingId,
      body: "  <img src=x onerror=alert(1)>\u0007 keep\r\nlines  ",
      startMs: 0,
    });
    const saved = (await callerFor(student).comment.list({ recordingId })).find((c) => c.id === id);
    expect(saved?.body).toBe("<img src=x onerror=alert(1)> keep\nlines");
  });

  it.each([
    [{ body: "   ", startMs: 0 }, /Write something/],
    [{ body: "x".repeat(2001), startMs: 0 }, /at most 2000 characters/],
    [{ body: "x", startMs: 5_000, endMs: 4_000 }, /must end after it starts/],
    [{ body: "x", startMs: 60_000 }, /past the end of the recording/],
    [{ body: "x", startMs: -1 }, /cannot be negative/],
  ])("refuses %j", async (input, message) => {
    await expect(callerFor(coach).comment.add({ recordingId, ...input })).rejects.toThrow(message);
  });
});
