// Load benchmark: N concurrent users doing createUpload → POST to S3 → confirm → list →
// playbackUrl → delete, for a fixed time, against a production build (`npm start`). Prints
// requests, errors and p50/p99 per step, then audits that nothing was left behind.
//
//   npm run build && npm run bench:load                    # starts its own server on :3200
//   BASE_URL=http://localhost:3000 npm run bench:load      # an already running server
//   USERS=50 SECONDS=60 npm run bench:load
//   METRICS=off npm run bench:load                         # without metrics, to compare
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../server/api/root";

const USERS = Number(process.env.USERS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 60);
const SIGN_UP_BATCH = 5;
// BENCH_PORT moves the server and its embedded stack, so the bench can run beside other servers.
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BENCH_ENV = {
  DATA_DIR: ".data/bench",
  PORT: String(PORT),
  APP_URL: `http://localhost:${PORT}`,
  EMBEDDED_POSTGRES_PORT: String(PORT + 51149),
  EMBEDDED_S3_PORT: String(PORT + 1389),
  // The benchmark measures the upload path, not the abuse limits.
  SIGN_IN_ATTEMPTS_PER_MINUTE: "100000",
  UPLOADS_PER_MINUTE: "100000",
  CONFIRMS_PER_MINUTE: "100000",
  LOG_LEVEL: "warn",
};
// With metrics (the default) the server collects them and the bench scrapes /api/metrics every
// SCRAPE_SECONDS, as Prometheus would (more often than its usual 15 s); METRICS=off leaves
// METRICS_TOKEN empty, which turns the instrumentation off.
const METRICS = process.env.METRICS !== "off";
const SCRAPE_SECONDS = Number(process.env.SCRAPE_SECONDS ?? 5);
const METRICS_TOKEN = METRICS ? "bench-metrics-token-0123456789" : "";
Object.assign(BENCH_ENV, { METRICS_TOKEN });
const FIXTURE = readFileSync(path.resolve(import.meta.dirname, "../../shared/fixtures/audio/speech-short.m4a"));

const steps = ["createUpload", "upload POST", "confirmUpload", "list", "playbackUrl", "delete"] as const;
type Step = (typeof steps)[number];
const timings = Object.fromEntries(steps.map((step) => [step, [] as number[]])) as Record<Step, number[]>;
const errors = Object.fromEntries(steps.map((step) => [step, 0])) as Record<Step, number>;
const samples: Record<Step, string[]> = Object.fromEntries(steps.map((step) => [step, []])) as never;

async function timed<T>(step: Step, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await work();
    timings[step].push(performance.now() - started);
    return result;
  } catch (error) {
    errors[step] += 1;
    if (samples[step].length < 3) samples[step].push(error instanceof Error ? error.message : String(error));
    throw error;
  }
}

async function startServer(): Promise<ChildProcess> {
  await rm(BENCH_ENV.DATA_DIR, { recursive: true, force: true });
  // Its own process group, so stopping it reaches npm's children: the launcher, Next and the stack.
  const server = spawn("npm", ["start"], {
    env: { ...process.env, ...BENCH_ENV },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const healthy = await fetch(`${BENCH_ENV.APP_URL}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return server;
  }
  stopServer(server);
  throw new Error("the server did not become healthy in 2 minutes (did you run npm run build?)");
}

function stopServer(server: ChildProcess) {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}

async function signUp(baseUrl: string, index: number) {
  const email = `bench-${Date.now()}-${index}@example.test`;
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ name: `Bench ${index}`, email, password: "bench-password-1" }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: { cookie } })],
  });
}

/** Scrapes the metrics endpoint every SCRAPE_SECONDS until the deadline; returns each scrape's ms. */
async function scrapeLoop(baseUrl: string, deadline: number) {
  const durations: number[] = [];
  while (Date.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    if (!response.ok) throw new Error(`metrics scrape answered ${response.status}`);
    await response.text();
    durations.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, SCRAPE_SECONDS * 1000));
  }
  return durations;
}

async function userLoop(client: Awaited<ReturnType<typeof signUp>>, deadline: number) {
  while (Date.now() < deadline) {
    try {
      const created = await timed("createUpload", () =>
        client.recording.createUpload.mutate({ fileName: "bench.m4a", contentType: "audio/mp4", sizeBytes: FIXTURE.length }),
      );
      await timed("upload POST", async () => {
        const form = new FormData();
        for (const [name, value] of Object.entries(created.upload.fields)) form.append(name, value);
        form.append("file", new Blob([FIXTURE], { type: "audio/mp4" }));
        const response = await fetch(created.upload.url, { method: "POST", body: form });
        if (!response.ok) throw new Error(`S3 answered ${response.status}`);
      });
      await timed("confirmUpload", () => client.recording.confirmUpload.mutate({ recordingId: created.recordingId }));
      await timed("list", () => client.recording.list.query({ limit: 20 }));
      const playback = await timed("playbackUrl", () => client.recording.playbackUrl.query({ recordingId: created.recordingId }));
      if (!playback.url) throw new Error("no playback url");
      await timed("delete", () => client.recording.delete.mutate({ recordingId: created.recordingId }));
    } catch {
      // Counted in `errors`; the user carries on with the next recording.
    }
  }
}

function percentile(values: number[], p: number) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const server = process.env.BASE_URL ? null : await startServer();
const baseUrl = process.env.BASE_URL ?? BENCH_ENV.APP_URL;
try {
  // Signing up is set-up, not what is measured: a few at a time, so a busy machine's password
  // hashing does not time out the sign-up rate limiter's transactions.
  const clients: Awaited<ReturnType<typeof signUp>>[] = [];
  for (let first = 0; first < USERS; first += SIGN_UP_BATCH) {
    const batch = Array.from({ length: Math.min(SIGN_UP_BATCH, USERS - first) }, (_, index) => signUp(baseUrl, first + index));
    clients.push(...(await Promise.all(batch)));
  }
  console.log(`${USERS} users, ${SECONDS} s against ${baseUrl}, metrics ${METRICS ? `on, scraped every ${SCRAPE_SECONDS} s` : "off"}`);
  const started = Date.now();
  const [scrapes] = await Promise.all([
    METRICS ? scrapeLoop(baseUrl, started + SECONDS * 1000) : Promise.resolve([]),
    ...clients.map((client) => userLoop(client, started + SECONDS * 1000)),
  ]);
  const elapsed = (Date.now() - started) / 1000;
  if (scrapes.length) {
    console.log(`metrics scrapes: ${scrapes.length}, p50 ${percentile(scrapes, 50).toFixed(1)} ms, max ${Math.max(...scrapes).toFixed(1)} ms`);
  }

  console.log(`\n${"step".padEnd(14)} ${"requests".padStart(8)} ${"errors".padStart(7)} ${"req/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)}`);
  for (const step of steps) {
    const count = timings[step].length + errors[step];
    console.log(
      `${step.padEnd(14)} ${String(count).padStart(8)} ${String(errors[step]).padStart(7)} ${(count / elapsed).toFixed(1).padStart(7)} ${percentile(timings[step], 50).toFixed(1).padStart(8)} ${percentile(timings[step], 99).toFixed(1).padStart(8)}`,
    );
    for (const sample of samples[step]) console.log(`    e.g. ${sample}`);
  }
  const p50 = (step: Step) => percentile(timings[step], 50);
  console.log(`\ncreateUpload p50 / list p50:  ${(p50("createUpload") / p50("list")).toFixed(2)} (target ≤ 1.2)`);
  console.log(`confirmUpload p50 / list p50: ${(p50("confirmUpload") / p50("list")).toFixed(2)} (target ≤ 1.8)`);
  const total = steps.reduce((sum, step) => sum + timings[step].length + errors[step], 0);
  console.log(`\n${total} requests in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(1)}/s), ${steps.reduce((sum, step) => sum + errors[step], 0)} errors`);
} finally {
  if (server) {
    console.log("\nAuditing storage against the database:");
    spawnSync("npm", ["run", "-s", "storage:audit"], { env: { ...process.env, ...BENCH_ENV }, stdio: "inherit" });
    stopServer(server);
  }
}
