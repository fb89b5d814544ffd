import "server-only";
import type { Db } from "../db/client";
import { RecordingStatus } from "../generated/prisma/enums";

/** Statuses whose object is in the bucket and billed: ready, and deleted but not yet removed. */
export const HELD_STATUSES: RecordingStatus[] = [RecordingStatus.READY, RecordingStatus.DELETING];

const DAY_MS = 24 * 3600 * 1000;

export function startOfUtcDay(at: Date) {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** Uploads, plays and bytes served (each play estimated as one full read of the object) in a day. */
async function activityOn(db: Db, day: Date) {
  const range = { gte: day, lt: new Date(day.getTime() + DAY_MS) };
  const [uploads, plays] = await Promise.all([
    db.recording.count({ where: { uploadedAt: range } }),
    db.playReport.aggregate({ where: { at: range, ok: true }, _count: { _all: true }, _sum: { sizeBytes: true } }),
  ]);
  return { uploads, plays: plays._count._all, bytesServed: BigInt(plays._sum.sizeBytes ?? 0) };
}

export async function storageHeld(db: Db) {
  const held = await db.recording.aggregate({
    where: { status: { in: HELD_STATUSES }, fileKey: { not: null } },
    _count: { _all: true },
    _sum: { sizeBytes: true },
  });
  return { bytesHeld: BigInt(held._sum.sizeBytes ?? 0), objects: held._count._all };
}

/**
 * Writes today's row (storage held as of now, so the day's last run leaves its closing figure)
 * and settles yesterday's activity counts, which may have grown after its last run. Idempotent,
 * so any number of workers may run it.
 */
export async function rollUpDailyUsage(db: Db, now: Date) {
  const today = startOfUtcDay(now);
  const yesterday = new Date(today.getTime() - DAY_MS);
  const [held, todays, yesterdays] = await Promise.all([
    storageHeld(db),
    activityOn(db, today),
    activityOn(db, yesterday),
  ]);
  await db.dailyUsage.upsert({
    where: { day: today },
    create: { day: today, ...held, ...todays },
    update: { ...held, ...todays },
  });
  await db.dailyUsage.updateMany({ where: { day: yesterday }, data: yesterdays });
  return { day: today.toISOString().slice(0, 10), ...todays, objects: held.objects };
}
