import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { DATA_DIR } from "./dev-database";
import { startLocalPostgres } from "./postgres";
import { LOCAL_S3_CREDENTIALS, startLocalS3 } from "./s3";

const LOCAL_BUCKET = "speech-coach";

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function localSecret(name: string) {
  const file = path.join(DATA_DIR, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Points process.env at the local stack for whatever the environment leaves unset: an embedded
 * PostgreSQL for DATABASE_URL and s3rver for S3_BUCKET. Services already running (a dev server in
 * another terminal) are reused; the ones started here are stopped by the returned function.
 */
export async function useLocalStack(options: { appUrl: string; log?: (line: string) => void }) {
  const log = options.log ?? (() => {});
  const stops: (() => Promise<void>)[] = [];
  const usesLocalDatabase = !process.env.DATABASE_URL;
  const usesLocalStorage = !process.env.S3_BUCKET;

  if (usesLocalDatabase) {
    const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
    const url = `postgresql://postgres:postgres@127.0.0.1:${port}/speech_coach`;
    if (await isListening(port)) {
      process.env.DATABASE_URL = url;
    } else {
      const pg = await startLocalPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port, database: "speech_coach" });
      stops.push(pg.stop);
      process.env.DATABASE_URL = pg.url;
      log(`Embedded PostgreSQL: ${pg.url}`);
    }
    process.env.BETTER_AUTH_SECRET ??= await localSecret("auth-secret");
    // The local stack exposes its metrics with a token of its own, printed at start.
    process.env.METRICS_TOKEN ??= await localSecret("metrics-token");
  }

  if (usesLocalStorage) {
    const port = Number(process.env.EMBEDDED_S3_PORT ?? 4569);
    if (!(await isListening(port))) {
      const s3 = await startLocalS3({
        dataDir: path.join(DATA_DIR, "s3"),
        port,
        bucket: LOCAL_BUCKET,
        allowedOrigins: [options.appUrl],
      });
      stops.push(s3.stop);
      log(`Embedded S3 (s3rver): ${s3.endpoint}, bucket ${LOCAL_BUCKET}`);
    }
    Object.assign(process.env, {
      S3_BUCKET: LOCAL_BUCKET,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    });
  }

  return {
    usesLocalDatabase,
    usesLocalStorage,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
