import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { auditIsClean, auditStorage } from "../storage/audit";
import { IMMUTABLE_CACHE_CONTROL } from "../storage/storage";
import { audioFixture } from "../../testing/audio-fixtures";
import { callerFor, createUser, postToStorage, testServices, uploadRecording } from "../testing/helpers";
import { compressDueRecordings, MAX_DURATION_DRIFT_MS, transcodeRecording } from "./compression";
import { deleteDueObjects } from "./object-deletions";
import type { Services } from "./services";

function compressing(clock = { now: Date.now() }, minBitsPerSecond = 96_000): Services {
  const base = testServices();
  return {
    ...base,
    now: () => new Date(clock.now),
    settings: { ...base.settings, compression: { ...base.settings.compression, enabled: true, minBitsPerSecond } },
  };
}

describe("compression", () => {
  it("re-encodes a WAV for speech, swaps it in and deletes the original once its URLs have expired", async () => {
    const clock = { now: Date.now() };
    const services = compressing(clock);
    const owner = await createUser();
    const caller = callerFor(owner, services);
    const wav = await uploadRecording(owner, "speech-short.wav", services);
    const { fileKey: originalKey } = await db.recording.findUniqueOrThrow({ where: { id: wav.id }, select: { fileKey: true } });
    const oldUrl = (await caller.recording.playbackUrl({ recordingId: wav.id })).url;

    const result = await transcodeRecording(services, wav.id);
    expect(result).toMatchObject({ outcome: "compressed", originalSizeBytes: wav.sizeBytes });

    const after = await caller.recording.byId({ recordingId: wav.id });
    expect(after.contentType).toBe("audio/mp4");
    expect(after.originalSizeBytes).toBe(wav.sizeBytes);
    expect(after.sizeBytes).toBeLessThan(wav.sizeBytes! / 3);
    expect(after.durationMs).toBe(wav.durationMs);
    expect((await caller.recording.usage()).bytesUsed).toBe(after.sizeBytes);
    expect(await caller.recording.usage()).toMatchObject({ bytesSaved: wav.sizeBytes! - after.sizeBytes! });

    const stored = await db.recording.findUniqueOrThrow({ where: { id: wav.id }, select: { fileKey: true } });
    expect(stored.fileKey).toMatch(new RegExp(`^users/${owner.id}/recordings/${wav.id}/speech-[a-f0-9]+\\.m4a$`));
    const played = await fetch((await caller.recording.playbackUrl({ recordingId: wav.id })).url);
    expect(played.headers.get("cache-control")).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(played.headers.get("content-type")).toBe("audio/mp4");
    const bytes = Buffer.from(await played.arrayBuffer());
    expect(bytes.length).toBe(after.sizeBytes);

    // The compressed audio is as long as the original, to within one AAC frame.
    const dir = await mkdtemp(path.join(tmpdir(), "compressed-"));
    const file = path.join(dir, "a.m4a");
    writeFileSync(file, bytes);
    const { parseFile } = await import("music-metadata");
    const measured = (await parseFile(file)).format;
    expect(measured.codec).toBe("MPEG-4/AAC");
    // The MP4 sample entry always says 2 channels; the AAC stream itself is what ffmpeg reads.
    const probe = spawnSync(services.settings.compression.ffmpegPath, ["-hide_banner", "-i", file], { encoding: "utf8" }).stderr;
    expect(probe).toMatch(/Audio: aac \(LC\).*48000 Hz, mono/);
    expect(Math.abs(measured.duration! * 1000 - wav.durationMs!)).toBeLessThanOrEqual(MAX_DURATION_DRIFT_MS);

    // URLs signed for the original keep working until they expire; the original goes only then.
    expect((await fetch(oldUrl)).status).toBe(200);
    expect(await deleteDueObjects(services)).toMatchObject({ deleted: 0 });
    expect(await services.storage.exists(originalKey!)).toBe(true);
    expect(auditIsClean(await auditStorage(services, `users/${owner.id}/`))).toBe(true);
    const settings = services.settings;
    clock.now += (settings.playbackUrlWindowSeconds + settings.playbackUrlTtlSeconds) * 1000 + 1000;
    await deleteDueObjects(services);
    expect(await services.storage.exists(originalKey!)).toBe(false);
    expect(await db.objectDeletion.count({ where: { key: originalKey! } })).toBe(0);
    const audit = await auditStorage(services, `users/${owner.id}/`);
    expect(auditIsClean(audit)).toBe(true);
    expect(audit).toMatchObject({ objects: 1, awaitingDeletion: 0 });

    expect(await transcodeRecording(services, wav.id)).toMatchObject({ outcome: "skipped", reason: "already compressed" });
  });

  it("leaves recordings already at a speech bitrate alone", async () => {
    const services = compressing();
    const owner = await createUser();
    const m4a = await uploadRecording(owner, "speech-short.m4a", services);
    expect(await transcodeRecording(services, m4a.id)).toMatchObject({ outcome: "skipped", reason: "already at a speech bitrate" });
    expect(await db.recording.findUniqueOrThrow({ where: { id: m4a.id } })).toMatchObject({ contentType: "audio/mp4", originalSizeBytes: null });
  });

  it("the worker job claims recordings above the threshold and compresses them", async () => {
    // A 48 kHz stereo WAV (1.5 Mb/s) and a threshold above every other suite's fixtures, so the job
    // only ever sees this test's recording in the shared database.
    const dir = await mkdtemp(path.join(tmpdir(), "loud-"));
    const file = path.join(dir, "stereo.wav");
    const services = compressing(undefined, 1_000_000);
    execFileSync(services.settings.compression.ffmpegPath, [
      "-hide_banner", "-loglevel", "error", "-i", audioFixture("speech-short.wav").path, "-ac", "2", "-ar", "48000", file,
    ]);
    const owner = await createUser();
    const caller = callerFor(owner, services);
    const body = readFileSync(file);
    const created = await caller.recording.createUpload({ fileName: "stereo.wav", contentType: "audio/wav", sizeBytes: body.length });
    await postToStorage(created.upload, body, "audio/wav");
    await caller.recording.confirmUpload({ recordingId: created.recordingId });
    // Compression waits for the analysis, which needs the original audio.
    expect(await compressDueRecordings(services)).toMatchObject({ attempted: 0 });
    await db.recordingAnalysis.update({ where: { recordingId: created.recordingId }, data: { status: "done" } });

    expect(await compressDueRecordings(services)).toMatchObject({ attempted: 1, compressed: 1 });
    expect(await db.recording.findUniqueOrThrow({ where: { id: created.recordingId } })).toMatchObject({
      contentType: "audio/mp4",
      originalSizeBytes: body.length,
      compressionAttempts: 1,
    });
    expect(await compressDueRecordings(services)).toMatchObject({ attempted: 0 });
  });
});
