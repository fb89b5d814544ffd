import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createUser, fixture, testServices, uploadWithoutConfirming } from "../testing/helpers";
import type { SessionUser } from "../api/context";
import { audioTypeOf } from "../../lib/audio-types";
import { inspectAudioObject } from "./inspect";

const services = testServices();
const sent: string[] = [];
const COUNTER = "count-s3-commands";
services.storage.client.middlewareStack.add(
  (next, context) => (args) => {
    sent.push(context.commandName ?? "?");
    return next(args);
  },
  { step: "initialize", name: COUNTER },
);

let owner: SessionUser;
beforeAll(async () => {
  owner = await createUser();
});
afterEach(() => {
  sent.length = 0;
});

async function inspect(name: string) {
  const recordingId = await uploadWithoutConfirming(owner, name, services);
  const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { fileKey: true } });
  sent.length = 0;
  const file = fixture(name);
  return inspectAudioObject(services.storage, fileKey!, {
    sizeBytes: file.bytes.length,
    family: audioTypeOf(file.contentType).family,
  });
}

describe("confirming reads what landed in as few S3 requests as it can", () => {
  // Size, type sniff and container parse all come from the first ranged GET.
  it.each(["speech-short.m4a", "speech-short.mp3", "speech-short.ogg", "speech-short.webm"])(
    "%s, smaller than the first read: one GET and no HEAD",
    async (name) => {
      expect(await inspect(name)).toMatchObject({ outcome: "accepted", durationMs: expect.any(Number) });
      expect(sent).toEqual(["GetObjectCommand"]);
    },
  );

  // Their index (or, for a recorder's WebM, their length) is at the end: the tail is one more read.
  it.each(["speech-short.wav", "speech-passage.m4a", "speech-passage.webm"])(
    "%s: ranged GETs only, never a HEAD",
    async (name) => {
      expect(await inspect(name)).toMatchObject({ outcome: "accepted", durationMs: expect.any(Number) });
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((command) => command === "GetObjectCommand")).toBe(true);
    },
  );

  it("a key with nothing there is told apart in one request", async () => {
    const inspection = await inspectAudioObject(services.storage, `users/${owner.id}/recordings/none/audio.m4a`, {
      sizeBytes: 100,
      family: "mp4",
    });
    expect(inspection).toEqual({ outcome: "missing" });
    expect(sent).toEqual(["GetObjectCommand"]);
  });
});
