import { readFileSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { appRouter } from "../root";
import { storage } from "../../storage";
import {
  callerFor,
  createUser,
  fixture,
  postToStorage,
  testServices,
  uploadRecording,
} from "../../testing/helpers";
import type { SessionUser } from "../context";
import { adtsFrom, decodedLength } from "../../testing/ffmpeg";
import { audioFixture, GOOD_AUDIO_FIXTURES } from "../../../testing/audio-fixtures";

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function keyOf(recordingId: string) {
  const row = await db.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { fileKey: true } });
  return row.fileKey;
}

describe("the recording lifecycle, for every good fixture", () => {
  let owner: SessionUser;
  beforeAll(async () => {
    owner = await createUser();
  });

  it.each(GOOD_AUDIO_FIXTURES)("$name: upload, confirm, list, view, play with Range, delete", async ({ name, extension, durationMs }) => {
    const file = fixture(name);
    const caller = callerFor(owner);

    const created = await caller.recording.createUpload({
      fileName: file.name,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
    });
    const key = `users/${owner.id}/recordings/${created.recordingId}/audio.${extension}`;
    expect(created.upload.fields.key).toBe(key);
    expect(created.maxBytes).toBe(file.bytes.length);

    const posted = await postToStorage(created.upload, file.bytes, file.contentType);
    expect(posted.status).toBeLessThan(300);

    const confirmed = await caller.recording.confirmUpload({ recordingId: created.recordingId });
    expect(confirmed.status).toBe("READY");
    expect(confirmed.sizeBytes).toBe(file.bytes.length);
    expect(confirmed.durationMs).not.toBeNull();
    expect(Math.abs(confirmed.durationMs! - durationMs)).toBeLessThan(150);

    const listed = await caller.recording.list({ limit: 100 });
    expect(listed.items.map((item) => item.id)).toContain(created.recordingId);

    const detail = await caller.recording.byId({ recordingId: created.recordingId });
    expect(detail).toMatchObject({ id: created.recordingId, status: "READY", hasAudio: true, transcript: null });
    expect(detail).not.toHaveProperty("fileKey");

    const playback = await caller.recording.playbackUrl({ recordingId: created.recordingId });
    expect(playback.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const ranged = await fetch(playback.url, { headers: { Range: "bytes=10-109" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-type")).toBe(file.contentType);
    expect(ranged.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(file.bytes.subarray(10, 110));

    await expect(caller.recording.delete({ recordingId: created.recordingId })).resolves.toEqual({ ok: true });
    expect((await caller.recording.list({ limit: 100 })).items.map((item) => item.id)).not.toContain(
      created.recordingId,
    );
    expect(await storage.exists(key)).toBe(false);
    expect((await errorOf(caller.recording.byId({ recordingId: created.recordingId }))).code).toBe("NOT_FOUND");
    // Deleting again is harmless.
    await expect(caller.recording.delete({ recordingId: created.recordingId })).resolves.toEqual({ ok: true });
  });
});

describe("what browsers record", () => {
  const recordings = path.resolve(import.meta.dirname, "../../testing/fixtures");

  async function confirmed(name: string, bytes: Buffer, contentType: string) {
    const caller = callerFor(await createUser());
    const created = await caller.recording.createUpload({ fileName: name, contentType, sizeBytes: bytes.length });
    await postToStorage(created.upload, bytes, contentType);
    return caller.recording.confirmUpload({ recordingId: created.recordingId });
  }

  it.each([
    // Chrome's WebM states no duration at all: the server reads it from the last cluster, to the
    // end of its last Opus packet.
    { name: "chrome-recorder.webm", contentType: "audio/webm;codecs=opus", toleranceMs: 1 },
    // Fragmented MP4 (Safari, recent Chrome): the length comes from the last fragment, which
    // counts the AAC encoder's priming frames that decoding drops.
    { name: "chrome-recorder-fragmented.m4a", contentType: "audio/mp4", toleranceMs: 50 },
  ])("$name is accepted as audio, with the length ffmpeg decodes", async ({ name, contentType, toleranceMs }) => {
    const file = path.join(recordings, name);
    const recording = await confirmed(name, readFileSync(file), contentType);
    expect(recording.status).toBe("READY");
    expect(Math.abs(recording.durationMs! - decodedLength(file).ms)).toBeLessThanOrEqual(toleranceMs);
  });

  it("raw AAC (ADTS) made by ffmpeg is accepted with its length from its frames", async () => {
    const { file, bytes } = adtsFrom("speech-passage.m4a");
    const recording = await confirmed("passage.aac", bytes, "audio/aac");
    expect(recording.status).toBe("READY");
    expect(Math.abs(recording.durationMs! - decodedLength(file).ms)).toBeLessThanOrEqual(25);
  });
});

describe("bad uploads end FAILED with nothing left behind", () => {
  let owner: SessionUser;
  beforeAll(async () => {
    owner = await createUser();
  });

  it.each([
    { name: "truncated.m4a", reason: /damaged or incomplete/ },
    { name: "not-audio.m4a", reason: /not audio/ },
  ])("$name", async ({ name, reason }) => {
    const file = fixture(name);
    const caller = callerFor(owner);
    const created = await caller.recording.createUpload({
      fileName: name,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
    });
    await postToStorage(created.upload, file.bytes, file.contentType);
    const key = await keyOf(created.recordingId);

    const result = await caller.recording.confirmUpload({ recordingId: created.recordingId });
    expect(result.status).toBe("FAILED");
    expect(result.failureReason).toMatch(reason);
    expect(await storage.exists(key!)).toBe(false);
    // A failed recording cannot be played, and says why.
    const error = await errorOf(caller.recording.playbackUrl({ recordingId: created.recordingId }));
    expect(error.code).toBe("PRECONDITION_FAILED");
  });

  it("empty.wav is refused before anything is created", async () => {
    const caller = callerFor(owner);
    const before = await db.recording.count({ where: { ownerId: owner.id } });
    const empty = audioFixture("empty.wav");
    const error = await errorOf(
      caller.recording.createUpload({ fileName: empty.name, contentType: empty.contentType, sizeBytes: 0 }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The file is empty.");
    expect(await db.recording.count({ where: { ownerId: owner.id } })).toBe(before);
  });

  it("an empty object where audio was announced is caught at confirm", async () => {
    const caller = callerFor(owner);
    const empty = audioFixture("empty.wav");
    const created = await caller.recording.createUpload({
      fileName: empty.name,
      contentType: empty.contentType,
      sizeBytes: 100,
    });
    await postToStorage(created.upload, new Uint8Array(), empty.contentType);
    const result = await caller.recording.confirmUpload({ recordingId: created.recordingId });
    expect(result).toMatchObject({ status: "FAILED" });
    expect(await storage.exists((await keyOf(created.recordingId))!)).toBe(false);
  });

  it("a size lie (declare 10 bytes, send 20 KB) is caught, since s3rver does not enforce the policy", async () => {
    const file = fixture("speech-short.m4a");
    const caller = callerFor(owner);
    const created = await caller.recording.createUpload({
      fileName: "lie.m4a",
      contentType: file.contentType,
      sizeBytes: 10,
    });
    const posted = await postToStorage(created.upload, file.bytes, file.contentType);
    expect(posted.ok).toBe(true);
    const result = await caller.recording.confirmUpload({ recordingId: created.recordingId });
    expect(result.status).toBe("FAILED");
    expect(result.failureReason).toContain(`${file.bytes.length} bytes but 10 were announced`);
    expect(await storage.exists((await keyOf(created.recordingId))!)).toBe(false);
  });

  it("audio in a different container from the one announced is refused", async () => {
    const file = fixture("speech-short.ogg");
    const caller = callerFor(owner);
    const created = await caller.recording.createUpload({
      fileName: "fake.mp3",
      contentType: "audio/mpeg",
      sizeBytes: file.bytes.length,
    });
    await postToStorage(created.upload, file.bytes, "audio/mpeg");
    const result = await caller.recording.confirmUpload({ recordingId: created.recordingId });
    expect(result.status).toBe("FAILED");
    expect(result.failureReason).toMatch(/not audio in the announced format/);
  });
});

describe("confirmUpload", () => {
  it("before the object exists: PRECONDITION_FAILED, and the recording stays PENDING to try again", async () => {
    const owner = await createUser();
    const caller = callerFor(owner);
    const file = fixture("speech-short.mp3");
    const created = await caller.recording.createUpload({
      fileName: file.name,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
    });
    const early = await errorOf(caller.recording.confirmUpload({ recordingId: created.recordingId }));
    expect(early.code).toBe("PRECONDITION_FAILED");
    expect((await caller.recording.byId({ recordingId: created.recordingId })).status).toBe("PENDING");

    await postToStorage(created.upload, file.bytes, file.contentType);
    const first = await caller.recording.confirmUpload({ recordingId: created.recordingId });
    const second = await caller.recording.confirmUpload({ recordingId: created.recordingId });
    expect(first.status).toBe("READY");
    expect(second).toEqual(first);
  });
});

describe("createUpload refuses what it must, with clear messages", () => {
  let caller: ReturnType<typeof callerFor>;
  beforeAll(async () => {
    caller = callerFor(await createUser());
  });

  it("accepts a type with codec parameters, storing the bare type", async () => {
    const created = await caller.recording.createUpload({
      fileName: "take.webm",
      contentType: "audio/webm;codecs=opus",
      sizeBytes: 1000,
    });
    expect(created.upload.fields["Content-Type"]).toBe("audio/webm");
    expect(created.upload.fields.key).toMatch(/\/audio\.webm$/);
  });

  it.each(["text/plain", "video/mp4", "application/octet-stream", "audio/../../etc"])(
    "refuses %s",
    async (contentType) => {
      const error = await errorOf(caller.recording.createUpload({ fileName: "x.m4a", contentType, sizeBytes: 10 }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/Only audio files can be uploaded/);
    },
  );

  it("refuses a file over MAX_UPLOAD_BYTES, naming the limit", async () => {
    const error = await errorOf(
      caller.recording.createUpload({ fileName: "long.wav", contentType: "audio/wav", sizeBytes: 50 * 1024 * 1024 + 1 }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The file is 50 MB; the limit is 50 MB.");
  });

  it("refuses an upload that would pass the quota, counting pending and ready recordings", async () => {
    const user = await createUser();
    const services = testServices();
    services.settings = { ...services.settings, quotaBytes: 50_000, maxUploadBytes: 40_000 };
    const limited = callerFor(user, services);
    await limited.recording.createUpload({ fileName: "a.wav", contentType: "audio/wav", sizeBytes: 30_000 });
    const error = await errorOf(
      limited.recording.createUpload({ fileName: "b.wav", contentType: "audio/wav", sizeBytes: 30_000 }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/Your storage is full/);
    expect(await limited.recording.usage()).toMatchObject({ bytesUsed: 30_000, quotaBytes: 50_000, recordingCount: 1 });
    expect(await limited.recording.usage()).toMatchObject({ recentlyDeletedBytes: 0, bytesSaved: 0 });
  });
});

describe("AUDIO_UPLOADS_ENABLED=false", () => {
  it("refuses new uploads while listing, playback and deletion keep working", async () => {
    const owner = await createUser();
    const ready = await uploadRecording(owner, "speech-short.wav");
    const services = testServices();
    services.settings = { ...services.settings, uploadsEnabled: false };
    const caller = callerFor(owner, services);

    const error = await errorOf(
      caller.recording.createUpload({ fileName: "a.wav", contentType: "audio/wav", sizeBytes: 100 }),
    );
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toMatch(/Uploads are paused/);
    expect((await caller.recording.list()).items).toHaveLength(1);
    await expect(caller.recording.playbackUrl({ recordingId: ready.id })).resolves.toHaveProperty("url");
    await expect(caller.recording.delete({ recordingId: ready.id })).resolves.toEqual({ ok: true });
  });
});

describe("list", () => {
  it("pages newest first by cursor, with no repeats or gaps", async () => {
    const owner = await createUser();
    const base = Date.now();
    await db.recording.createMany({
      data: Array.from({ length: 7 }, (_, index) => ({
        ownerId: owner.id,
        title: `Take ${index}`,
        status: "READY" as const,
        createdAt: new Date(base - index * 60_000),
      })),
    });
    const caller = callerFor(owner);
    const titles: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await caller.recording.list({ limit: 3, cursor });
      titles.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(["Take 0", "Take 1", "Take 2", "Take 3", "Take 4", "Take 5", "Take 6"]);
  });

  it("pages recordings created in the same millisecond by id, with no repeats or gaps", async () => {
    const owner = await createUser();
    const at = new Date();
    await db.recording.createMany({
      data: Array.from({ length: 8 }, (_, index) => ({
        ownerId: owner.id,
        title: `Same ${index}`,
        status: "READY" as const,
        createdAt: index < 6 ? at : new Date(at.getTime() - 1000 * index),
      })),
    });
    const expected = await db.recording.findMany({
      where: { ownerId: owner.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const caller = callerFor(owner);
    const ids: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await caller.recording.list({ limit: 4, cursor });
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(expected.map((row) => row.id));
  });

  it("refuses a forged cursor with BAD_REQUEST", async () => {
    const error = await errorOf(callerFor(await createUser()).recording.list({ cursor: "not-a-cursor" }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("shows a recording from before audio storage, whose audio is not available", async () => {
    const owner = await createUser();
    const legacy = await db.recording.create({
      data: { ownerId: owner.id, title: "Old talk", status: "READY" },
      select: { id: true },
    });
    const caller = callerFor(owner);
    expect((await caller.recording.list()).items[0]).toMatchObject({ id: legacy.id, hasAudio: false });
    const error = await errorOf(caller.recording.playbackUrl({ recordingId: legacy.id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toBe("Audio is not available for this recording.");
  });
});

describe("malformed input", () => {
  it("is answered with the broken rules in words and the flattened zod errors", async () => {
    const caller = callerFor(await createUser());
    const error = await errorOf(caller.recording.createUpload({ fileName: "", contentType: "audio/wav", sizeBytes: 1.5 }));
    expect(error.code).toBe("BAD_REQUEST");
    const shape = appRouter._def._config.errorFormatter({
      error,
      type: "mutation",
      path: "recording.createUpload",
      input: undefined,
      ctx: undefined,
      shape: { message: error.message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400 } },
    } as never) as { message: string; data: { zodError: { fieldErrors: Record<string, string[]> } } };
    expect(shape.message).toBe("A file name is required. The file size must be a whole number of bytes.");
    expect(shape.data.zodError.fieldErrors).toMatchObject({
      fileName: ["A file name is required."],
      sizeBytes: ["The file size must be a whole number of bytes."],
    });
  });
});
