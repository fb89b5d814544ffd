import "server-only";
import type { Db } from "../db/client";

const UPLOADS_PAUSED = "uploads_paused";

// Each instance reads the switch at most this often: reading it on every createUpload cost every
// upload a database round trip. The instance where the admin flips it knows at once.
export const UPLOAD_SWITCH_CACHE_MS = 2_000;
let known: { paused: boolean; readAt: number } | null = null;

/**
 * Whether an admin paused uploads, as the database said at most UPLOAD_SWITCH_CACHE_MS ago, so a
 * pause reaches every instance within seconds; AUDIO_UPLOADS_ENABLED=false still forces them off.
 */
export async function uploadsPaused(db: Db, now: number) {
  if (known && now >= known.readAt && now - known.readAt < UPLOAD_SWITCH_CACHE_MS) return known.paused;
  const row = await db.appSetting.findUnique({ where: { key: UPLOADS_PAUSED }, select: { value: true } });
  known = { paused: row?.value === "true", readAt: now };
  return known.paused;
}

export async function uploadSwitchState(db: Db) {
  const row = await db.appSetting.findUnique({
    where: { key: UPLOADS_PAUSED },
    select: { value: true, updatedAt: true, updatedBy: true },
  });
  return {
    paused: row?.value === "true",
    changedAt: row?.updatedAt ?? null,
    changedBy: row?.updatedBy ?? null,
  };
}

export async function setUploadsPaused(db: Db, paused: boolean, adminId: string) {
  const value = String(paused);
  await db.appSetting.upsert({
    where: { key: UPLOADS_PAUSED },
    create: { key: UPLOADS_PAUSED, value, updatedBy: adminId },
    update: { value, updatedBy: adminId },
  });
  known = null;
}
