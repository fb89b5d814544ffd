// `npm run dev` and `npm start`: bring up whatever the environment does not provide (an embedded
// PostgreSQL when DATABASE_URL is unset, s3rver when S3_BUCKET is unset), apply migrations, set up
// the bucket, seed the demo accounts (and the student's demo recordings) on a local stack, then run
// Next.js with that configuration.
import "./local/load-env";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { installJobQueues } from "../server/jobs/boss";
import { applyMigrations } from "./local/schema-engine";
import { useLocalStack } from "./local/stack";

const mode = process.argv[2] === "start" ? "start" : "dev";
const port = Number(process.env.PORT ?? 3000);
process.env.APP_URL ??= `http://localhost:${port}`;

const stack = await useLocalStack({ appUrl: process.env.APP_URL, log: console.log });

try {
  // Validates every setting now, with a message naming each bad variable.
  await import("../server/env");
  const applied = await applyMigrations(process.env.DATABASE_URL!);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  await installJobQueues(process.env.DATABASE_URL!);
  if (stack.usesLocalStorage) {
    const { setUpLocalBucket } = await import("./storage-setup");
    await setUpLocalBucket();
  }
  if (stack.usesLocalDatabase || process.env.SEED_DEMO_ACCOUNTS === "true") {
    const { seedDemoAccounts } = await import("./seed");
    await seedDemoAccounts();
  }
  if (process.env.METRICS_TOKEN) {
    console.log(
      `Metrics: curl -H "Authorization: Bearer ${process.env.METRICS_TOKEN}" ${process.env.APP_URL}/api/metrics`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stack.stop();
  process.exit(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// CPU_PROFILE_DIR: Next's process writes a V8 CPU profile there when it exits (bench:load PROFILE=1).
const profile = process.env.CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CPU_PROFILE_DIR}`] : [];
const next = spawn(process.execPath, [...profile, nextBin, mode, "--port", String(port)], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on("exit", (code) => void stack.stop().then(() => process.exit(code ?? 0)));
