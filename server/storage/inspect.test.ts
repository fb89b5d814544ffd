import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { adtsFrom, decodedLength } from "../testing/ffmpeg";
import { createUser, fixture, testServices, uploadWithoutConfirming, type Fixture } from "../testing/helpers";
import type { SessionUser } from "../api/context";
import { audioTypeOf } from "../../lib/audio-types";
import { inspectAudioObject } from "./inspect";

const services = testServices();
const sent: string[] = [];
// The byte range each GET asked for.
const ranges: string[] = [];
const COUNTER = "count-s3-commands";
services.storage.client.middlewareStack.add(
  (next, context) => (args) => {
    sent.push(context.commandName ?? "?");
    if (context.commandName === "GetObjectCommand") ranges.push((args.input as { Range?: string }).Range ?? "all");
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
  ranges.length = 0;
});

async function inspect(source: string | Fixture) {
  const file = typeof source === "string" ? fixture(source) : source;
  const recordingId = await uploadWithoutConfirming(owner, file, services);
  const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { fileKey: true } });
  sent.length = 0;
  ranges.length = 0;
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

  it("raw AAC longer than the first read: the frame walk goes on from there, never reading byte 0 again", async () => {
    const { file, bytes } = adtsFrom("speech-passage.m4a");
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const inspection = await inspect({ name: "passage.aac", contentType: "audio/aac", bytes });
    expect(inspection).toMatchObject({ outcome: "accepted", durationMs: expect.any(Number) });
    // Whole frames of 1024 samples: within one frame (23 ms at 44.1 kHz) of where decoding ends.
    const { durationMs } = inspection as { durationMs: number };
    expect(Math.abs(durationMs - decodedLength(file).ms)).toBeLessThanOrEqual(24);
    expect(sent.every((command) => command === "GetObjectCommand")).toBe(true);
    expect(ranges.filter((range) => range.startsWith("bytes=0-"))).toEqual(["bytes=0-65535"]);
  });

  it("a key with nothing there is told apart in one request", async () => {
    const inspection = await inspectAudioObject(services.storage, `users/${owner.id}/recordings/none/audio.m4a`, {
      sizeBytes: 100,
      family: "mp4",
    });
    expect(inspection).toEqual({ outcome: "missing" });
    expect(sent).toEqual(["GetObjectCommand"]);
  });
});
