import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import {
  callerFor,
  createUser,
  fixture,
  outcomeOf,
  postToStorage,
  testServices,
  uploadRecording,
} from "../../testing/helpers";

async function createAdmin() {
  const admin = await createUser();
  await db.user.update({ where: { id: admin.id }, data: { role: "admin" } });
  return { ...admin, role: "admin" as const };
}

const wav = fixture("speech-short.wav");
const upload = { fileName: wav.name, contentType: wav.contentType, sizeBytes: wav.bytes.length };

afterEach(async () => {
  await db.appSetting.deleteMany({ where: { key: "uploads_paused" } });
});

describe("admin procedures", () => {
  it("do not exist for students and coaches", async () => {
    for (const user of [await createUser(), await createUser("coach")]) {
      const caller = callerFor(user);
      expect(await outcomeOf(() => caller.admin.overview({ window: "24h" }))).toBe("NOT_FOUND");
      expect(await outcomeOf(() => caller.admin.uploadSwitch())).toBe("NOT_FOUND");
      expect(await outcomeOf(() => caller.admin.setUploadsPaused({ paused: true }))).toBe("NOT_FOUND");
      expect(await outcomeOf(() => caller.admin.auditLog({}))).toBe("NOT_FOUND");
    }
    expect(await outcomeOf(() => callerFor(null).admin.overview({ window: "7d" }))).toBe("UNAUTHORIZED");
    expect((await db.appSetting.findUnique({ where: { key: "uploads_paused" } }))?.value).toBeUndefined();
  });

  it("pause new uploads at once, let uploads already under way finish, and resume them", async () => {
    const admin = callerFor(await createAdmin());
    const student = callerFor(await createUser());
    const underWay = await student.recording.createUpload(upload);

    expect(await admin.admin.setUploadsPaused({ paused: true })).toEqual({ paused: true });
    expect(await admin.admin.uploadSwitch()).toMatchObject({ paused: true, enabledByEnvironment: true });
    await expect(student.recording.createUpload(upload)).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringContaining("Uploads are paused"),
    });
    await postToStorage(underWay.upload, wav.bytes, wav.contentType);
    expect((await student.recording.confirmUpload({ recordingId: underWay.recordingId })).status).toBe("READY");

    await admin.admin.setUploadsPaused({ paused: false });
    await expect(student.recording.createUpload(upload)).resolves.toHaveProperty("recordingId");

    const log = await admin.admin.auditLog({ event: "uploads.paused" });
    expect(log.items[0]).toMatchObject({ event: "uploads.paused" });
  });

  it("cannot turn uploads on when AUDIO_UPLOADS_ENABLED forces them off", async () => {
    const services = testServices();
    services.settings = { ...services.settings, uploadsEnabled: false };
    const admin = callerFor(await createAdmin(), services);
    await admin.admin.setUploadsPaused({ paused: false });
    expect(await admin.admin.uploadSwitch()).toMatchObject({ paused: false, enabledByEnvironment: false });
    const student = callerFor(await createUser(), services);
    expect(await outcomeOf(() => student.recording.createUpload(upload))).toBe("SERVICE_UNAVAILABLE");
  });

  it("show success rates, failures by reason, storage, cost and the largest users", async () => {
    const admin = callerFor(await createAdmin());
    const heavy = await createUser();
    await db.user.update({ where: { id: heavy.id }, data: { email: `heavy-${heavy.id}@example.test` } });
    const recording = await uploadRecording(heavy, "speech-passage.m4a");
    const student = callerFor(heavy);
    const bad = fixture("not-audio.m4a");
    const refused = await student.recording.createUpload({
      fileName: bad.name,
      contentType: bad.contentType,
      sizeBytes: bad.bytes.length,
    });
    await postToStorage(refused.upload, bad.bytes, bad.contentType);
    await student.recording.confirmUpload({ recordingId: refused.recordingId });
    await student.playback.report({ recordingId: recording.id, report: { outcome: "error", code: "decode" } });

    const overview = await admin.admin.overview({ window: "24h" });
    expect(overview.uploads.succeeded).toBeGreaterThanOrEqual(1);
    expect(overview.uploads.failed).toBeGreaterThanOrEqual(1);
    expect(overview.uploads.rate).toBeGreaterThan(0);
    expect(overview.uploads.rate).toBeLessThan(1);
    expect(overview.playback.errors).toContainEqual({ code: "decode", count: expect.any(Number) });
    expect(overview.failureReasons.map((row) => row.reason)).toContainEqual(
      expect.stringContaining("not audio"),
    );
    expect(overview.storage.bytesHeld).toBeGreaterThanOrEqual(recording.sizeBytes!);
    expect(overview.cost.projected).toBeGreaterThanOrEqual(overview.cost.monthToDate);
    expect(overview.largestUsers[0]!.bytes).toBeGreaterThanOrEqual(recording.sizeBytes!);
    expect(overview.queues.map((queue) => queue.queue)).toEqual(expect.arrayContaining(["analysis", "deletions.run", "usage.rollup"]));
  });

  it("filter the audit log by user and event", async () => {
    const admin = callerFor(await createAdmin());
    const coach = await createUser("coach");
    await callerFor(coach).coach.createInvite({});
    const email = (await db.user.findUniqueOrThrow({ where: { id: coach.id }, select: { email: true } })).email;

    const mine = await admin.admin.auditLog({ userEmail: email });
    expect(mine.items.map((item) => [item.event, item.actor])).toEqual([["invite.created", email]]);
    expect((await admin.admin.auditLog({ userEmail: email, event: "coach.linked" })).items).toEqual([]);
    expect((await admin.admin.auditLog({ userEmail: "nobody@example.test" })).items).toEqual([]);
    expect(await outcomeOf(() => admin.admin.auditLog({ event: "made.up" as "coach.linked" }))).toBe("BAD_REQUEST");
  });
});
