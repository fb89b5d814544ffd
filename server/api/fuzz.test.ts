// Random and malformed input for every procedure: always a 4xx with a message, never a 500, and
// never a recording or an object created.
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { normalizeContentType } from "../../lib/audio-types";
import { storage } from "../storage";
import { callerFor, createUser, uploadRecording } from "../testing/helpers";
import type { SessionUser } from "./context";

const CLIENT_ERRORS = new Set(["BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "PRECONDITION_FAILED", "TOO_MANY_REQUESTS", "UNAUTHORIZED"]);

let user: SessionUser;
let readyId: string;
beforeAll(async () => {
  user = await createUser();
  readyId = (await uploadRecording(user, "speech-short.wav")).id;
});

async function countObjects() {
  let count = 0;
  let after: string | undefined;
  do {
    const page = await storage.listPage("users/", after);
    count += page.objects.length;
    after = page.nextAfter;
  } while (after);
  return count;
}

async function expectClientError(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const { code, message } = error as TRPCError;
    expect(CLIENT_ERRORS, `${code}: ${message}`).toContain(code);
    expect(message.length).toBeGreaterThan(0);
    return;
  }
  throw new Error("malformed input was accepted");
}

const notAudioType = fc.string().filter((type) => normalizeContentType(type) === null);
const anyId = fc.oneof(fc.anything(), fc.string(), fc.uuid(), fc.constant("../../etc/passwd"), fc.constant("' or 1=1 --"));
const malformedUpload = fc.oneof(
  fc.anything(),
  fc.record({
    fileName: fc.oneof(fc.string({ unit: "binary" }), fc.anything()),
    contentType: fc.oneof(notAudioType, fc.anything()),
    sizeBytes: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.bigInt()),
    title: fc.oneof(fc.string({ unit: "binary" }), fc.anything()),
  }),
  fc.record({
    fileName: fc.string({ unit: "binary", minLength: 1 }),
    contentType: fc.constantFrom("audio/wav", "audio/webm;codecs=opus"),
    sizeBytes: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 50 * 1024 * 1024 + 1 }), fc.double({ noInteger: true })),
  }),
);

const procedures: Record<string, (input: unknown) => Promise<unknown>> = {
  createUpload: (input) => callerFor(user).recording.createUpload(input as never),
  confirmUpload: (input) => callerFor(user).recording.confirmUpload({ recordingId: input } as never),
  byId: (input) => callerFor(user).recording.byId({ recordingId: input } as never),
  playbackUrl: (input) => callerFor(user).recording.playbackUrl({ recordingId: input } as never),
  delete: (input) => callerFor(user).recording.delete({ recordingId: input } as never),
  "list (bad cursor or owner)": (input) =>
    callerFor(user).recording.list({ cursor: input, ownerId: input, limit: 5 } as never),
  "list (bad limit)": (input) => callerFor(user).recording.list({ limit: input } as never),
  analysis: (input) => callerFor(user).recording.analysis({ recordingId: input } as never),
  requestAnalysis: (input) => callerFor(user).recording.requestAnalysis({ recordingId: input } as never),
  "progress.series": (input) => callerFor(user).progress.series(input as never),
};

const arbitraries: Record<string, fc.Arbitrary<unknown>> = {
  createUpload: malformedUpload,
  "list (bad cursor or owner)": fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.object()),
  "list (bad limit)": fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 }), fc.double({ noInteger: true }), fc.string()),
  "progress.series": fc.oneof(
    fc.record({ from: fc.oneof(fc.string(), fc.integer(), fc.constant(new Date(Number.NaN))), to: fc.anything(), ownerId: fc.anything() }),
    fc.record({ ownerId: fc.string({ minLength: 1, maxLength: 64 }).filter((id) => id !== user.id) }),
    fc.date({ noInvalidDate: true }).map((to) => ({ from: new Date(to.getTime() + 1), to })),
  ),
};

describe("fuzzing every procedure", () => {
  it.each(Object.keys(procedures))("%s", async (name) => {
    const recordings = await db.recording.count({ where: { ownerId: user.id } });
    const objects = await countObjects();
    await fc.assert(
      fc.asyncProperty(arbitraries[name] ?? anyId, async (input) => {
        await expectClientError(() => procedures[name]!(input));
      }),
      { numRuns: 150 },
    );
    expect(await db.recording.count({ where: { ownerId: user.id } })).toBe(recordings);
    expect(await countObjects()).toBe(objects);
    expect((await callerFor(user).recording.byId({ recordingId: readyId })).status).toBe("READY");
  });
});
