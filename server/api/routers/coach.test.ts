import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, createCast, type Actor } from "../../testing/cast";
import { callerFor, createUser, linkCoach, outcomeOf, testServices, uploadRecording } from "../../testing/helpers";

let caller: Awaited<ReturnType<typeof createCast>>["caller"];
let recordingId: string;
let inviteId: string;
let inviteToken: string;
let coachCommentIds: string[];

beforeAll(async () => {
  ({ caller, recordingId } = await createCast());
  const invite = await caller("linkedCoach").coach.createInvite({ reusable: true, expiresInDays: 7 });
  inviteId = invite.id;
  inviteToken = invite.token;
  coachCommentIds = [];
  for (let i = 0; i < 5; i++) {
    coachCommentIds.push((await caller("linkedCoach").comment.add({ recordingId, body: `note ${i}`, startMs: 1000 })).id);
  }
});

const SIGNED_IN_OK = { anonymous: "UNAUTHORIZED", otherStudent: "ok", unlinkedCoach: "ok", linkedCoach: "ok", owner: "ok" };
const COACHES_ONLY = { anonymous: "UNAUTHORIZED", otherStudent: "FORBIDDEN", unlinkedCoach: "ok", linkedCoach: "ok", owner: "FORBIDDEN" };
const VIEWERS = { anonymous: "UNAUTHORIZED", otherStudent: "NOT_FOUND", unlinkedCoach: "NOT_FOUND", linkedCoach: "ok", owner: "ok" };
const COACH_COMMENT_AUTHOR = { anonymous: "UNAUTHORIZED", otherStudent: "NOT_FOUND", unlinkedCoach: "NOT_FOUND", linkedCoach: "ok", owner: "FORBIDDEN" };

const matrix: Record<string, { call: (actor: Actor, index: number) => Promise<unknown>; expected: Record<Actor, string> }> = {
  "coach.students": { call: (a) => caller(a).coach.students(), expected: SIGNED_IN_OK },
  "coach.coaches": { call: (a) => caller(a).coach.coaches(), expected: SIGNED_IN_OK },
  "coach.createInvite": { call: (a) => caller(a).coach.createInvite({}), expected: COACHES_ONLY },
  "coach.invites": { call: (a) => caller(a).coach.invites(), expected: COACHES_ONLY },
  "coach.revokeInvite (the linked coach's invite)": {
    call: (a) => caller(a).coach.revokeInvite({ inviteId }),
    expected: { anonymous: "UNAUTHORIZED", otherStudent: "FORBIDDEN", unlinkedCoach: "NOT_FOUND", linkedCoach: "ok", owner: "FORBIDDEN" },
  },
  "coach.inviteInfo (public)": {
    call: (a) => caller(a).coach.inviteInfo({ token: inviteToken }),
    expected: { anonymous: "ok", otherStudent: "ok", unlinkedCoach: "ok", linkedCoach: "ok", owner: "ok" },
  },
  "coach.markReviewed": {
    call: (a) => caller(a).coach.markReviewed({ recordingId }),
    expected: { ...VIEWERS, owner: "FORBIDDEN" },
  },
  "comment.list": { call: (a) => caller(a).comment.list({ recordingId }), expected: VIEWERS },
  "comment.add": { call: (a) => caller(a).comment.add({ recordingId, body: "Nice pace", startMs: 500 }), expected: VIEWERS },
  "comment.markRead": { call: (a) => caller(a).comment.markRead({ recordingId }), expected: VIEWERS },
  "comment.update (the coach's comment)": {
    call: (a, i) => caller(a).comment.update({ commentId: coachCommentIds[i]!, body: "edited", startMs: 1500 }),
    expected: COACH_COMMENT_AUTHOR,
  },
  "comment.delete (the coach's comment)": {
    call: (a, i) => caller(a).comment.delete({ commentId: coachCommentIds[i]! }),
    expected: COACH_COMMENT_AUTHOR,
  },
};

describe.each(Object.entries(matrix))("%s", (_name, { call, expected }) => {
  it.each(ACTORS.map((actor, index) => [actor, index] as const))("%s", async (actor, index) => {
    expect(await outcomeOf(() => call(actor, index))).toBe(expected[actor]);
  });
});

describe("invites", () => {
  it("a single-use invite links exactly one student", async () => {
    const coach = await createUser("coach");
    const [first, second] = [await createUser(), await createUser()];
    const { token } = await callerFor(coach).coach.createInvite({ reusable: false, expiresInDays: 1 });
    expect(await callerFor(first).coach.inviteInfo({ token })).toMatchObject({ usable: true, problem: null });
    await expect(callerFor(first).coach.acceptInvite({ token })).resolves.toMatchObject({ coachId: coach.id });
    expect((await callerFor(coach).coach.students()).map((s) => s.id)).toEqual([first.id]);
    await expect(callerFor(second).coach.acceptInvite({ token })).rejects.toThrow(/already been used/);
    expect(await callerFor(second).coach.inviteInfo({ token })).toMatchObject({ usable: false });
  });

  it("two students racing for a single-use invite: one wins", async () => {
    const coach = await createUser("coach");
    const { token } = await callerFor(coach).coach.createInvite({ reusable: false });
    const students = await Promise.all([createUser(), createUser(), createUser()]);
    const results = await Promise.allSettled(students.map((s) => callerFor(s).coach.acceptInvite({ token })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await callerFor(coach).coach.students()).toHaveLength(1);
  });

  it("a reusable invite links many, and accepting twice is harmless", async () => {
    const coach = await createUser("coach");
    const { token } = await callerFor(coach).coach.createInvite({ reusable: true });
    const [a, b] = [await createUser(), await createUser()];
    await callerFor(a).coach.acceptInvite({ token });
    await callerFor(a).coach.acceptInvite({ token });
    await callerFor(b).coach.acceptInvite({ token });
    expect((await callerFor(coach).coach.students()).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("an expired invite is refused with a clear message", async () => {
    const coach = await createUser("coach");
    const { token } = await callerFor(coach).coach.createInvite({ reusable: true, expiresInDays: 1 });
    const twoDaysLater = testServices({ now: () => new Date(Date.now() + 2 * 24 * 3600 * 1000) });
    const student = callerFor(await createUser(), twoDaysLater);
    expect(await student.coach.inviteInfo({ token })).toMatchObject({ usable: false, problem: expect.stringMatching(/expired/) });
    const error = await student.coach.acceptInvite({ token }).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/expired/) });
  });

  it("a withdrawn invite, a coach's own invite and a made-up token are refused", async () => {
    const coach = await createUser("coach");
    const invite = await callerFor(coach).coach.createInvite({ reusable: true });
    await expect(callerFor(coach).coach.acceptInvite({ token: invite.token })).rejects.toThrow(/your own invite/);
    await callerFor(coach).coach.revokeInvite({ inviteId: invite.id });
    expect(await callerFor(coach).coach.invites()).toEqual([]);
    await expect(callerFor(await createUser()).coach.acceptInvite({ token: invite.token })).rejects.toThrow(/withdrawn/);
    const madeUp = await callerFor(await createUser()).coach.acceptInvite({ token: "x".repeat(32) }).catch((e: TRPCError) => e);
    expect(madeUp).toMatchObject({ code: "NOT_FOUND" });
    const malformed = await callerFor(await createUser()).coach.acceptInvite({ token: "<script>" }).catch((e: TRPCError) => e);
    expect(malformed).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the coach's dashboard", () => {
  it("counts each student's recordings, the latest date, and what this coach has not reviewed", async () => {
    const coach = await createUser("coach");
    const student = await createUser();
    await linkCoach(coach, student);
    const first = await uploadRecording(student, "speech-short.mp3");
    const second = await uploadRecording(student, "speech-short.ogg");
    const before = (await callerFor(coach).coach.students())[0]!;
    expect(before).toMatchObject({ id: student.id, recordingCount: 2, unreviewedCount: 2 });
    // The results screen names the student from the recording itself, not from the student list.
    expect(await callerFor(coach).recording.byId({ recordingId: first.id })).toMatchObject({ ownerName: before.name, viewerIsCoach: true });
    expect(before.latestRecordingAt).toEqual(second.createdAt);

    await callerFor(coach).coach.markReviewed({ recordingId: first.id });
    expect((await callerFor(coach).coach.students())[0]).toMatchObject({ unreviewedCount: 1 });
    const listed = await callerFor(coach).recording.list({ ownerId: student.id });
    expect(listed.items.find((item) => item.id === first.id)?.reviewedAt).toBeInstanceOf(Date);
    expect(listed.items.find((item) => item.id === second.id)?.reviewedAt).toBeNull();
    await callerFor(coach).coach.markReviewed({ recordingId: first.id, reviewed: false });
    expect((await callerFor(coach).coach.students())[0]).toMatchObject({ unreviewedCount: 2 });
  });
});

describe("ending a link", () => {
  it("revokes the coach's access at once, mid-session; issued playback URLs live out their TTL", async () => {
    const coach = await createUser("coach");
    const student = await createUser();
    await linkCoach(coach, student);
    const recording = await uploadRecording(student, "speech-short.wav");
    const coachSession = callerFor(coach);
    const { url } = await coachSession.recording.playbackUrl({ recordingId: recording.id });

    await callerFor(student).coach.unlink({ userId: coach.id });

    for (const call of [
      () => coachSession.recording.byId({ recordingId: recording.id }),
      () => coachSession.recording.playbackUrl({ recordingId: recording.id }),
      () => coachSession.recording.list({ ownerId: student.id }),
      () => coachSession.comment.list({ recordingId: recording.id }),
      () => coachSession.comment.add({ recordingId: recording.id, body: "late note", startMs: 0 }),
    ]) {
      expect(await outcomeOf(call)).toBe("NOT_FOUND");
    }
    expect(await coachSession.coach.students()).toEqual([]);
    expect((await fetch(url, { headers: { Range: "bytes=0-3" } })).status).toBe(206);
  });

  it("works from the coach's side too, and says so when there is no link", async () => {
    const coach = await createUser("coach");
    const student = await createUser();
    await linkCoach(coach, student);
    await callerFor(coach).coach.unlink({ userId: student.id });
    expect(await callerFor(student).coach.coaches()).toEqual([]);
    await expect(callerFor(coach).coach.unlink({ userId: student.id })).rejects.toThrow(/not linked/);
  });
});
