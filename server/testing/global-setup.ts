// Real services for the integration tests: an embedded PostgreSQL with a fresh database and the
// migrations applied, and an s3rver bucket, both on free ports and thrown away afterwards.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/local/ports";
import { startLocalPostgres } from "../../scripts/local/postgres";
import { LOCAL_S3_CREDENTIALS, startLocalS3 } from "../../scripts/local/s3";
import { applyMigrations } from "../../scripts/local/schema-engine";
import { installJobQueues } from "../jobs/boss";

const TEST_DATA = path.resolve(".data/test");

export default async function setup(project: TestProject) {
  const database = `test_${process.pid}`;
  const pg = await startLocalPostgres({
    dataDir: path.join(TEST_DATA, "postgres"),
    port: await freePort(),
    database,
  });
  await applyMigrations(pg.url);
  await installJobQueues(pg.url);

  const s3Dir = path.join(TEST_DATA, `s3-${process.pid}`);
  const bucket = "speech-coach-test";
  const s3 = await startLocalS3({
    dataDir: s3Dir,
    port: 0,
    bucket,
    allowedOrigins: ["http://localhost:3000"],
  });

  project.provide("testEnv", {
    DATABASE_URL: pg.url,
    S3_BUCKET: bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: "true",
    S3_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    BETTER_AUTH_SECRET: "test-secret-that-is-long-enough-for-better-auth",
    APP_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
    METRICS_TOKEN: "integration-tests-metrics-token",
    // Most suites exercise the durable deletion itself; the recently-deleted tests set their own.
    DELETED_RETENTION_DAYS: "0",
    // Worker cycles in other suites must not re-encode their recordings; compression tests opt in.
    COMPRESSION_ENABLED: "false",
  });

  return async () => {
    await s3.stop();
    await rm(s3Dir, { recursive: true, force: true });
    const admin = pg.url.replace(`/${database}`, "/postgres");
    const { Client } = await import("pg");
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(`drop database if exists "${database}" with (force)`);
    await client.end();
    await pg.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: Record<string, string>;
  }
}
