// The authorization matrix: every recording procedure against every kind of caller.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, createCast, type Actor } from "../../testing/cast";
import { outcomeOf, uploadRecording } from "../../testing/helpers";


let users: Awaited<ReturnType<typeof createCast>>["users"];
let recordingId: string;
let caller: Awaited<ReturnType<typeof createCast>>["caller"];

beforeAll(async () => {
  ({ users, recordingId, caller } = await createCast());
});

const procedures: Record<string, { call: (actor: Actor) => Promise<unknown>; expected: Record<Actor, string> }> = {
  "list (the owner's recordings)": {
    call: (actor) => caller(actor).recording.list({ ownerId: users.owner.id }),
    expected: { owner: "ok", linkedCoach: "ok", unlinkedCoach: "NOT_FOUND", otherStudent: "NOT_FOUND", anonymous: "UNAUTHORIZED" },
  },
  byId: {
    call: (actor) => caller(actor).recording.byId({ recordingId }),
    expected: { owner: "ok", linkedCoach: "ok", unlinkedCoach: "NOT_FOUND", otherStudent: "NOT_FOUND", anonymous: "UNAUTHORIZED" },
  },
  playbackUrl: {
    call: (actor) => caller(actor).recording.playbackUrl({ recordingId }),
    expected: { owner: "ok", linkedCoach: "ok", unlinkedCoach: "NOT_FOUND", otherStudent: "NOT_FOUND", anonymous: "UNAUTHORIZED" },
  },
  confirmUpload: {
    call: (actor) => caller(actor).recording.confirmUpload({ recordingId }),
    expected: { owner: "ok", linkedCoach: "FORBIDDEN", unlinkedCoach: "NOT_FOUND", otherStudent: "NOT_FOUND", anonymous: "UNAUTHORIZED" },
  },
  "createUpload (for oneself)": {
    call: (actor) =>
      caller(actor).recording.createUpload({ fileName: "a.wav", contentType: "audio/wav", sizeBytes: 10 }),
    expected: { owner: "ok", linkedCoach: "ok", unlinkedCoach: "ok", otherStudent: "ok", anonymous: "UNAUTHORIZED" },
  },
  "usage (one's own)": {
    call: (actor) => caller(actor).recording.usage(),
    expected: { owner: "ok", linkedCoach: "ok", unlinkedCoach: "ok", otherStudent: "ok", anonymous: "UNAUTHORIZED" },
  },
  "coach.students": {
    call: (actor) => caller(actor).coach.students(),
    expected: { owner: "ok", linkedCoach: "ok", unlinkedCoach: "ok", otherStudent: "ok", anonymous: "UNAUTHORIZED" },
  },
};

describe.each(Object.entries(procedures))("%s", (_name, { call, expected }) => {
  it.each(ACTORS)("%s", async (actor) => {
    expect(await outcomeOf(() => call(actor))).toBe(expected[actor]);
  });
});

describe("delete", () => {
  it.each(["anonymous", "otherStudent", "unlinkedCoach", "linkedCoach"] as const)(
    "%s cannot delete, and the recording survives",
    async (actor) => {
      const expected = { anonymous: "UNAUTHORIZED", otherStudent: "NOT_FOUND", unlinkedCoach: "NOT_FOUND", linkedCoach: "FORBIDDEN" };
      expect(await outcomeOf(() => caller(actor).recording.delete({ recordingId }))).toBe(expected[actor]);
      expect((await caller("owner").recording.byId({ recordingId })).status).toBe("READY");
    },
  );

  it("an outsider learns nothing: an unknown id and someone else's id give the same answer", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const forOther = await outcomeOf(() => caller("otherStudent").recording.byId({ recordingId }));
    const forUnknown = await outcomeOf(() => caller("otherStudent").recording.byId({ recordingId: unknown }));
    expect(forOther).toBe(forUnknown);
  });

  it("the owner can delete; afterwards even the linked coach gets NOT_FOUND", async () => {
    expect(await outcomeOf(() => caller("owner").recording.delete({ recordingId }))).toBe("ok");
    expect(await outcomeOf(() => caller("linkedCoach").recording.byId({ recordingId }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => caller("linkedCoach").recording.delete({ recordingId }))).toBe("NOT_FOUND");
  });

  it("a coach's byId says the recording is read-only", async () => {
    const another = await uploadRecording(users.owner, "speech-short.mp3");
    expect((await caller("linkedCoach").recording.byId({ recordingId: another.id })).canManage).toBe(false);
    expect((await caller("owner").recording.byId({ recordingId: another.id })).canManage).toBe(true);
  });
});
