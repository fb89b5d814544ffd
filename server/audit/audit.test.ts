import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { callerFor, createUser, linkCoach, uploadRecording } from "../testing/helpers";
import { clientAddressOf, recordAudit } from "./audit";
import { pruneAuditLog } from "./retention";

async function anEvent(at = new Date()) {
  const actor = await createUser();
  await recordAudit(db, { event: "invite.created", actorId: actor.id, clientAddress: "203.0.113.7" });
  const row = await db.auditEvent.findFirstOrThrow({ where: { actorId: actor.id }, select: { id: true } });
  // Appending an old event is allowed (only changing one is not): that is how a test ages one.
  if (at.getTime() < Date.now() - 1000) {
    await db.auditEvent.create({ data: { event: "invite.created", actorId: actor.id, at } });
  }
  return { actorId: actor.id, id: row.id };
}

describe("the audit log is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE through Prisma and raw SQL", async () => {
    const { id } = await anEvent();
    await expect(db.auditEvent.update({ where: { id }, data: { event: "coach.linked" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`update audit_event set "clientAddress" = null where id = ${id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`delete from audit_event where id = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe("truncate audit_event")).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { id } })).toBe(1);
  });

  it("lets only the retention job delete, and only rows past the retention period", async () => {
    const { actorId } = await anEvent(new Date(Date.now() - 400 * 24 * 3600 * 1000));
    expect(await db.auditEvent.count({ where: { actorId } })).toBe(2);
    const deleted = await pruneAuditLog(db, new Date(), 365);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await db.auditEvent.findMany({ where: { actorId }, select: { at: true } });
    expect(left).toHaveLength(1);
    expect(left[0]!.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // The exemption ended with the retention job's transaction.
    await expect(db.auditEvent.deleteMany({ where: { actorId } })).rejects.toThrow(/append-only/);
  });

  it("has no code path that updates or deletes audit rows except the retention job", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const offenders: string[] = [];
    const writes = /auditEvent\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b|(update|delete\s+from|truncate)\s+"?audit_event/i;
    for (const dir of ["server", "app", "scripts"]) {
      for (const entry of await readdir(path.join(root, dir), { recursive: true, withFileTypes: true })) {
        const file = path.join(entry.parentPath, entry.name);
        if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || file.includes("generated") || file.endsWith(".test.ts")) continue;
        if (writes.test(await readFile(file, "utf8"))) offenders.push(path.relative(root, file));
      }
    }
    expect(offenders).toEqual(["server/audit/retention.ts"]);
  });
});

describe("the client address", () => {
  it("is the hop the load balancer appended, not what the client claimed before it", () => {
    expect(clientAddressOf(new Headers({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddressOf(new Headers({ "x-real-ip": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientAddressOf(new Headers())).toBeNull();
  });
});

describe("what gets audited", () => {
  it("records a coach's play with who, whose and where from, and shows the owner who listened", async () => {
    const coach = await createUser("coach");
    const student = await createUser();
    await linkCoach(coach, student);
    await db.user.update({ where: { id: coach.id }, data: { name: "Carla Coach" } });
    const recording = await uploadRecording(student, "speech-short.wav");
    const { createInnerContext } = await import("../api/context");
    const { createCaller } = await import("../api/root");
    const coachCaller = createCaller(createInnerContext({ user: coach, clientAddress: "198.51.100.4" }));

    await coachCaller.playback.report({ recordingId: recording.id, report: { outcome: "started", startMs: 420 } });
    await callerFor(student).playback.report({ recordingId: recording.id, report: { outcome: "started", startMs: 90 } });
    await callerFor(student).playback.report({ recordingId: recording.id, report: { outcome: "started", startMs: 80 } });
    await callerFor(student).playback.report({ recordingId: recording.id, report: { outcome: "error", code: "network" } });

    const played = await db.auditEvent.findMany({
      where: { recordingId: recording.id, event: "recording.played" },
      orderBy: { id: "asc" },
      select: { actorId: true, subjectUserId: true, clientAddress: true, detail: true },
    });
    expect(played[0]).toEqual({
      actorId: coach.id,
      subjectUserId: student.id,
      clientAddress: "198.51.100.4",
      detail: { as: "coach" },
    });
    expect(played).toHaveLength(3);

    const listened = await callerFor(student).playback.listeners({ recordingId: recording.id });
    expect(listened.coaches).toEqual([{ name: "Carla Coach", plays: 1, lastPlayedAt: expect.any(Date) }]);
    expect(listened.own).toEqual({ plays: 2, lastPlayedAt: expect.any(Date) });
    await expect(coachCaller.playback.listeners({ recordingId: recording.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("validates play reports and hides recordings from outsiders", async () => {
    const owner = await createUser();
    const recording = await uploadRecording(owner, "speech-short.mp3");
    const caller = callerFor(owner);
    await expect(
      caller.playback.report({ recordingId: recording.id, report: { outcome: "error", code: "exploded" as "network" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.playback.report({ recordingId: recording.id, report: { outcome: "started", startMs: -5 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor(await createUser()).playback.report({
        recordingId: recording.id,
        report: { outcome: "started", startMs: 10 },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.playReport.count({ where: { recordingId: recording.id } })).toBe(0);
  });

  it("records deletions, comments, invites and links", async () => {
    const coach = await createUser("coach");
    const student = await createUser();
    const invite = await callerFor(coach).coach.createInvite({});
    await callerFor(student).coach.acceptInvite({ token: invite.token });
    const recording = await uploadRecording(student, "speech-short.wav");
    await callerFor(coach).comment.add({ recordingId: recording.id, body: "Good pace", startMs: 0 });
    await callerFor(student).recording.delete({ recordingId: recording.id });
    await callerFor(student).recording.delete({ recordingId: recording.id });
    await callerFor(student).coach.unlink({ userId: coach.id });

    const events = await db.auditEvent.findMany({
      where: { OR: [{ actorId: { in: [coach.id, student.id] } }] },
      orderBy: { id: "asc" },
      select: { event: true, actorId: true, subjectUserId: true },
    });
    expect(events).toEqual([
      { event: "invite.created", actorId: coach.id, subjectUserId: null },
      { event: "invite.accepted", actorId: student.id, subjectUserId: coach.id },
      { event: "coach.linked", actorId: student.id, subjectUserId: coach.id },
      { event: "comment.added", actorId: coach.id, subjectUserId: student.id },
      { event: "recording.deleted", actorId: student.id, subjectUserId: student.id },
      { event: "coach.unlinked", actorId: student.id, subjectUserId: coach.id },
    ]);
  });
});
