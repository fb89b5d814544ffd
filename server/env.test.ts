import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const minimal = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/db",
  BETTER_AUTH_SECRET: "s".repeat(32),
  S3_BUCKET: "bucket",
};

describe("parseEnv", () => {
  it("fills in the documented defaults", () => {
    expect(parseEnv(minimal)).toMatchObject({
      MAX_UPLOAD_BYTES: 52428800,
      USER_QUOTA_BYTES: 1073741824,
      UPLOAD_URL_TTL_SECONDS: 600,
      PLAYBACK_URL_TTL_SECONDS: 3600,
      AUDIO_UPLOADS_ENABLED: true,
      S3_FORCE_PATH_STYLE: false,
    });
  });

  it("names every bad variable in one message", () => {
    expect(() =>
      parseEnv({ ...minimal, S3_BUCKET: undefined, UPLOAD_URL_TTL_SECONDS: "3600", AUDIO_UPLOADS_ENABLED: "maybe" }),
    ).toThrow(/S3_BUCKET[\s\S]*UPLOAD_URL_TTL_SECONDS[\s\S]*AUDIO_UPLOADS_ENABLED/);
  });

  it("reads the rollback switch", () => {
    expect(parseEnv({ ...minimal, AUDIO_UPLOADS_ENABLED: "false" }).AUDIO_UPLOADS_ENABLED).toBe(false);
  });
});
