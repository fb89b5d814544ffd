import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/local/ports";
import { startLocalS3, type LocalS3 } from "../../scripts/local/s3";
import { afterAll, beforeAll } from "vitest";
import type { Services } from "../recordings/services";
import { Storage, type StorageConfig } from "../storage/storage";
import { testServices } from "./helpers";

/**
 * An s3rver of the test's own, so it can be stopped and started again (same port, same files)
 * to play an S3 outage without disturbing other tests.
 */
export async function startStoppableS3() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "speech-coach-s3-"));
  const port = await freePort();
  const bucket = "outage-test";
  const start = () => startLocalS3({ dataDir, port, bucket, allowedOrigins: ["http://localhost"] });
  let server: LocalS3 | null = await start();
  const config: StorageConfig = {
    bucket,
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    requestTimeoutMs: 1000,
    // After a failure, the next upload probes S3 again at once, so recovery needs no clock here
    // (circuit-breaker.test.ts and outage.test.ts control the cool-down's clock themselves).
    breaker: { cooldownMs: 0 },
  };
  return {
    config,
    storage: new Storage(config),
    async stop() {
      await server?.stop();
      server = null;
    },
    async restart() {
      server ??= await start();
    },
    async dispose() {
      await server?.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: a stoppable s3rver started before its tests and removed after, and services
 * that use it. Read the fields inside tests, once beforeAll has run.
 */
export function useStoppableS3() {
  const fixture = {} as { s3: Awaited<ReturnType<typeof startStoppableS3>>; services: Services };
  beforeAll(async () => {
    fixture.s3 = await startStoppableS3();
    fixture.services = testServices({ storage: fixture.s3.storage });
  });
  afterAll(() => fixture.s3.dispose());
  return fixture;
}
