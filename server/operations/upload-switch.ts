import "server-only";
import type { Db } from "../db/client";

const UPLOADS_PAUSED = "uploads_paused";

/**
 * Whether an admin paused uploads. Read from the database on every createUpload, so a pause
 * reaches every instance with its next request; AUDIO_UPLOADS_ENABLED=false still forces them off.
 */
export async function uploadsPaused(db: Db) {
  const row = await db.appSetting.findUnique({ where: { key: UPLOADS_PAUSED }, select: { value: true } });
  return row?.value === "true";
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
}
