import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { auditIsClean, auditStorage } from "../storage/audit";
import { callerFor, createUser, linkCoach, outcomeOf, testServices, uploadRecording } from "../testing/helpers";
import { attemptDeletion } from "./deletion";
import { purgeRecentlyDeleted } from "./recently-deleted";
import type { Services } from "./services";

const DAY = 24 * 3600 * 1000;
// The jobs' two steps (recently-deleted.purge, then deletions.run for the recording), without the
// scans that would touch other tests' recordings.
async function workerPass(services: Services, recordingId: string) {
  await purgeRecentlyDeleted(services);
  await attemptDeletion(services, recordingId);
}

function servicesAt(clock: { now: number }): Services {
  const base = testServices();
  return { ...base, settings: { ...base.settings, deletedRetentionDays: 7 }, now: () => new Date(clock.now) };
}

async function deletedRecording(name = "speech-short.m4a") {
  const clock = { now: Date.now() };
  const services = servicesAt(clock);
  const owner = await createUser();
  const coach = await createUser("coach");
  await linkCoach(coach, owner);
  const recording = await uploadRecording(owner, name, services);
  const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recording.id }, select: { fileKey: true } });
  await callerFor(coach, services).comment.add({ recordingId: recording.id, body: "Slow down here", startMs: 500 });
  await callerFor(owner, services).recording.delete({ recordingId: recording.id });
  return { clock, services, owner, coach, recording, fileKey: fileKey!, caller: callerFor(owner, services) };
}

describe("recently deleted", () => {
  it("leaves history and coaches at once, keeps the audio, and still counts toward the quota", async () => {
    const { services, owner, coach, recording, fileKey, caller } = await deletedRecording();
    expect((await caller.recording.list()).items).toEqual([]);
    expect(await outcomeOf(() => callerFor(coach, services).recording.byId({ recordingId: recording.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => callerFor(coach, services).recording.list({ ownerId: owner.id }))).toBe("ok");
    expect((await callerFor(coach, services).recording.list({ ownerId: owner.id })).items).toEqual([]);
    expect(await outcomeOf(() => caller.recording.playbackUrl({ recordingId: recording.id }))).toBe("NOT_FOUND");

    const trash = await caller.recording.recentlyDeleted();
    expect(trash.retentionDays).toBe(7);
    expect(trash.items).toHaveLength(1);
    expect(trash.items[0]).toMatchObject({ id: recording.id, title: recording.title, sizeBytes: recording.sizeBytes });
    expect(trash.items[0]!.purgeAt.getTime() - trash.items[0]!.trashedAt.getTime()).toBe(7 * DAY);
    expect(await services.storage.exists(fileKey)).toBe(true);
    expect(await caller.recording.usage()).toMatchObject({
      bytesUsed: recording.sizeBytes,
      recentlyDeletedBytes: recording.sizeBytes,
      recordingCount: 0,
    });
    // Deleting it again (a second click) does not destroy it.
    await caller.recording.delete({ recordingId: recording.id });
    expect((await caller.recording.recentlyDeleted()).items).toHaveLength(1);
    expect(auditIsClean(await auditStorage(services, `users/${owner.id}/`))).toBe(true);
  });

  it("restores with audio, analysis and comments intact", async () => {
    const { services, recording, coach, caller } = await deletedRecording();
    await expect(caller.recording.restore({ recordingId: recording.id })).resolves.toEqual({ ok: true });
    expect((await caller.recording.list()).items.map((item) => item.id)).toEqual([recording.id]);
    expect(await caller.recording.byId({ recordingId: recording.id })).toMatchObject({
      status: "READY",
      durationMs: recording.durationMs,
      sizeBytes: recording.sizeBytes,
    });
    const comments = await callerFor(coach, services).comment.list({ recordingId: recording.id });
    expect(JSON.stringify(comments)).toContain("Slow down here");
    const playback = await caller.recording.playbackUrl({ recordingId: recording.id });
    expect((await fetch(playback.url)).status).toBe(200);
    expect((await caller.recording.recentlyDeleted()).items).toEqual([]);
    expect(await db.auditEvent.count({ where: { event: "recording.restored", recordingId: recording.id } })).toBe(1);
    expect(await outcomeOf(() => caller.recording.restore({ recordingId: recording.id }))).toBe("NOT_FOUND");
  });

  it("is the owner's alone: nobody else can list, restore or delete it forever", async () => {
    const { services, coach, recording } = await deletedRecording();
    const stranger = await createUser();
    for (const other of [coach, stranger]) {
      const caller = callerFor(other, services);
      expect((await caller.recording.recentlyDeleted()).items).toEqual([]);
      expect(await outcomeOf(() => caller.recording.restore({ recordingId: recording.id }))).toBe("NOT_FOUND");
      expect(await outcomeOf(() => caller.recording.deleteForever({ recordingId: recording.id }))).toBe("NOT_FOUND");
    }
    expect((await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).status).toBe("TRASHED");
  });

  it("deletes forever at once: audio gone, a tombstone left, the quota freed", async () => {
    const { services, owner, recording, fileKey, caller } = await deletedRecording("speech-short.wav");
    await expect(caller.recording.deleteForever({ recordingId: recording.id })).resolves.toEqual({ ok: true });
    expect(await services.storage.exists(fileKey)).toBe(false);
    expect(await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).toMatchObject({ status: "DELETED", fileKey: null });
    expect(await caller.recording.usage()).toMatchObject({ bytesUsed: 0, recentlyDeletedBytes: 0 });
    expect((await caller.recording.recentlyDeleted()).items).toEqual([]);
    expect(await outcomeOf(() => caller.recording.restore({ recordingId: recording.id }))).toBe("NOT_FOUND");
    expect(auditIsClean(await auditStorage(services, `users/${owner.id}/`))).toBe(true);
  });

  it("is purged by the worker when the period ends, not a moment before", async () => {
    const { clock, services, owner, recording, fileKey, caller } = await deletedRecording("speech-short.mp3");
    clock.now += 7 * DAY - 60_000;
    await workerPass(services, recording.id);
    expect((await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).status).toBe("TRASHED");
    expect(await services.storage.exists(fileKey)).toBe(true);

    clock.now += 60_000;
    await workerPass(services, recording.id);
    expect(await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).toMatchObject({ status: "DELETED", fileKey: null, title: "" });
    expect(await services.storage.exists(fileKey)).toBe(false);
    expect(await caller.recording.usage()).toMatchObject({ bytesUsed: 0, recentlyDeletedBytes: 0 });
    expect(await outcomeOf(() => caller.recording.restore({ recordingId: recording.id }))).toBe("NOT_FOUND");
    expect(auditIsClean(await auditStorage(services, `users/${owner.id}/`))).toBe(true);
  });

  it("counts toward the quota until purged: a full account cannot upload over it", async () => {
    const clock = { now: Date.now() };
    const base = servicesAt(clock);
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.wav", base);
    const services = { ...base, settings: { ...base.settings, quotaBytes: recording.sizeBytes! + 100 } };
    const caller = callerFor(owner, services);
    await caller.recording.delete({ recordingId: recording.id });
    const upload = { fileName: "b.wav", contentType: "audio/wav", sizeBytes: 1000 };
    await expect(caller.recording.createUpload(upload)).rejects.toThrow(/storage is full/);
    await caller.recording.deleteForever({ recordingId: recording.id });
    await expect(caller.recording.createUpload(upload)).resolves.toHaveProperty("recordingId");
  });

  it("with a period of 0, delete is immediate and durable as before", async () => {
    const owner = await createUser();
    const services = testServices();
    expect(services.settings.deletedRetentionDays).toBe(0);
    const recording = await uploadRecording(owner, "speech-short.ogg", services);
    await callerFor(owner, services).recording.delete({ recordingId: recording.id });
    expect((await db.recording.findUniqueOrThrow({ where: { id: recording.id } })).status).toBe("DELETED");
    expect((await callerFor(owner, services).recording.recentlyDeleted()).items).toEqual([]);
  });
});
