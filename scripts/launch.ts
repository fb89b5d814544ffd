// `npm run dev` and `npm start`: bring up whatever the environment does not provide (an embedded
// PostgreSQL when DATABASE_URL is unset, s3rver when S3_BUCKET is unset), apply migrations, seed
// the demo accounts on a local stack, then run Next.js with that configuration.
import "dotenv/config";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations } from "../server/db/schema-engine";
import { DATA_DIR } from "./local/dev-database";
import { startLocalPostgres } from "./local/postgres";
import { LOCAL_S3_CREDENTIALS, startLocalS3 } from "./local/s3";

const mode = process.argv[2] === "start" ? "start" : "dev";
const port = Number(process.env.PORT ?? 3000);
process.env.APP_URL ??= `http://localhost:${port}`;
const stops: (() => Promise<void>)[] = [];
const localDatabase = !process.env.DATABASE_URL;

async function localSecret() {
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

if (localDatabase) {
  const pg = await startLocalPostgres({
    dataDir: path.join(DATA_DIR, "postgres"),
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    database: "speech_coach",
  });
  stops.push(pg.stop);
  process.env.DATABASE_URL = pg.url;
  console.log(`Embedded PostgreSQL: ${pg.url}`);
}

if (!process.env.S3_BUCKET) {
  const s3 = await startLocalS3({
    dataDir: path.join(DATA_DIR, "s3"),
    port: Number(process.env.EMBEDDED_S3_PORT ?? 4569),
    bucket: "speech-coach",
    allowedOrigins: [process.env.APP_URL],
  });
  stops.push(s3.stop);
  Object.assign(process.env, {
    S3_BUCKET: "speech-coach",
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: "true",
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
  });
  console.log(`Embedded S3 (s3rver): ${s3.endpoint}, bucket speech-coach`);
}

if (!process.env.BETTER_AUTH_SECRET && localDatabase) process.env.BETTER_AUTH_SECRET = await localSecret();

async function shutdown(code: number) {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(code);
}

try {
  // Validates every setting now, with a message naming each bad variable.
  await import("../server/env");
  const applied = await applyMigrations(process.env.DATABASE_URL!);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (localDatabase || process.env.SEED_DEMO_ACCOUNTS === "true") {
    const { seedDemoAccounts } = await import("./seed");
    await seedDemoAccounts();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, mode, "--port", String(port)], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on("exit", (code) => void shutdown(code ?? 0));
