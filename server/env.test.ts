import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { dropEmptyValues } from "../scripts/local/empty-values";
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

describe("empty values", () => {
  it("count as unset, so the defaults apply", () => {
    const env = parseEnv({ ...minimal, S3_ENDPOINT: "", RECORDING_RETENTION_DAYS: "", LOG_LEVEL: " ", MAX_UPLOAD_BYTES: "" });
    expect(env).toMatchObject({ LOG_LEVEL: "info", MAX_UPLOAD_BYTES: 52428800 });
    expect(env.S3_ENDPOINT).toBeUndefined();
    expect(env.RECORDING_RETENTION_DAYS).toBeUndefined();
  });

  it("in a .env copied from .env.example still start the local stack", async () => {
    const example = parse(readFileSync(path.resolve(import.meta.dirname, "../.env.example")));
    expect(example.BETTER_AUTH_SECRET).toBe("");
    const saved = { ...process.env };
    const dataDir = await mkdtemp(path.join(tmpdir(), "env-example-"));
    try {
      // What the launcher sees: the copied file over the environment, as scripts/local/load-env
      // reads it, with the stack's ports at the test's PostgreSQL and S3 (it reuses what listens).
      Object.assign(process.env, example, {
        EMBEDDED_POSTGRES_PORT: new URL(saved.DATABASE_URL!).port,
        EMBEDDED_S3_PORT: new URL(saved.S3_ENDPOINT!).port,
        DATA_DIR: dataDir,
      });
      dropEmptyValues(process.env);
      const { useLocalStack } = await import("../scripts/local/stack");
      const stack = await useLocalStack({ appUrl: process.env.APP_URL! });
      expect(stack.usesLocalDatabase && stack.usesLocalStorage).toBe(true);
      const env = parseEnv(process.env);
      expect(env.BETTER_AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
      expect(env.S3_BUCKET).toBe("speech-coach");
      await stack.stop();
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("playback settings", () => {
  it("refuses a CDN without its signing key pair, and a window too long to presign", () => {
    expect(() => parseEnv({ ...minimal, CDN_URL: "https://cdn.example.test" })).toThrow(/CDN_URL: needs CLOUDFRONT_KEY_PAIR_ID/);
    expect(() => parseEnv({ ...minimal, PLAYBACK_URL_TTL_SECONDS: String(7 * 24 * 3600), PLAYBACK_URL_WINDOW_SECONDS: "60" })).toThrow(
      /PLAYBACK_URL_WINDOW_SECONDS/,
    );
  });

  it("reads a one-line PEM key with escaped line breaks", () => {
    const env = parseEnv({
      ...minimal,
      CDN_URL: "https://cdn.example.test",
      CLOUDFRONT_KEY_PAIR_ID: "K1",
      CLOUDFRONT_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----",
    });
    expect(env.CLOUDFRONT_PRIVATE_KEY).toBe("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----");
  });
});
