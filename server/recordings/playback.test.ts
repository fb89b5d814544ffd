import { describe, expect, it } from "vitest";
import { IMMUTABLE_CACHE_CONTROL } from "../storage/storage";
import { callerFor, createUser, fixture, testServices, uploadRecording } from "../testing/helpers";

const WINDOW_SECONDS = 3600;
const windowStart = Math.floor(Date.now() / (WINDOW_SECONDS * 1000)) * WINDOW_SECONDS * 1000;
const servicesAt = (ms: number) =>
  testServices({
    now: () => new Date(ms),
    settings: { ...testServices().settings, playbackUrlWindowSeconds: WINDOW_SECONDS, playbackUrlTtlSeconds: 600 },
  });

describe("playback URLs", () => {
  it("are the same URL all window long, work against storage and say the audio never changes", async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.m4a");
    const early = await callerFor(owner, servicesAt(windowStart + 1000)).recording.playbackUrl({ recordingId: recording.id });
    const late = await callerFor(owner, servicesAt(windowStart + WINDOW_SECONDS * 1000 - 1)).recording.playbackUrl({
      recordingId: recording.id,
    });
    expect(late.url).toBe(early.url);
    expect(late.expiresAt).toEqual(new Date(windowStart + (WINDOW_SECONDS + 600) * 1000));

    const response = await fetch(early.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(fixture("speech-short.m4a").bytes);

    const nextWindow = await callerFor(owner, servicesAt(windowStart + WINDOW_SECONDS * 1000)).recording.playbackUrl({
      recordingId: recording.id,
    });
    expect(nextWindow.url).not.toBe(early.url);
  });
});
