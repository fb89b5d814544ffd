import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createUser } from "../testing/helpers";
import { setUploadsPaused, UPLOAD_SWITCH_CACHE_MS, uploadsPaused } from "./upload-switch";

afterEach(async () => {
  await db.appSetting.deleteMany({ where: { key: "uploads_paused" } });
});

describe("the upload switch as each instance sees it", () => {
  it("a pause set by another instance is seen once the last reading is older than the cache", async () => {
    const t0 = 1_000_000;
    expect(await uploadsPaused(db, t0)).toBe(false);
    // Another instance's admin pauses uploads: straight to the database, not through this process.
    await db.appSetting.create({ data: { key: "uploads_paused", value: "true" } });
    expect(await uploadsPaused(db, t0 + UPLOAD_SWITCH_CACHE_MS - 1)).toBe(false);
    expect(await uploadsPaused(db, t0 + UPLOAD_SWITCH_CACHE_MS)).toBe(true);
  });

  it("the instance where the admin flips it knows at once", async () => {
    const admin = await createUser();
    const t0 = 2_000_000;
    expect(await uploadsPaused(db, t0)).toBe(false);
    await setUploadsPaused(db, true, admin.id);
    expect(await uploadsPaused(db, t0 + 1)).toBe(true);
    await setUploadsPaused(db, false, admin.id);
    expect(await uploadsPaused(db, t0 + 2)).toBe(false);
  });
});
