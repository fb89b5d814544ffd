// Load benchmark: N concurrent users doing createUpload → POST to S3 → confirm → list →
// playbackUrl → delete, for a fixed time, against a production build (`npm start`). Prints
// requests, errors and p50/p99 per step, then audits that nothing was left behind.
//
//   npm run build && npm run bench:load                    # starts its own server on :3200
//   BASE_URL=http://localhost:3000 npm run bench:load      # an already running server
//   USERS=50 SECONDS=60 npm run bench:load
//   METRICS=off npm run bench:load                         # without metrics
//   METRICS=compare npm run bench:load                     # metrics' cost, measured A/B
//   PROFILE=1 npm run bench:load                           # CPU profile of the server
//
// METRICS=compare starts two servers from the same build, one with metrics and one without, and
// loads them in turn (ROUNDS phases each, alternating), so whatever else the machine is doing
// falls on both alike; it prints each one's p50 per step and the overhead of metrics.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../server/api/root";
import { audioFixture } from "../testing/audio-fixtures";

const USERS = Number(process.env.USERS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 60);
const ROUNDS = Number(process.env.ROUNDS ?? 6);
const MODE = process.env.METRICS === "off" ? "off" : process.env.METRICS === "compare" ? "compare" : "on";
// The scrape interval docs/operations.md configures Prometheus with.
const SCRAPE_SECONDS = Number(process.env.SCRAPE_SECONDS ?? 15);
const METRICS_TOKEN = "bench-metrics-token-0123456789";
const PROFILE_DIR = process.env.PROFILE === "1" ? path.resolve(".data/bench-profile") : null;
const SIGN_UP_BATCH = 5;
// BENCH_PORT moves the server and its embedded stack, so the bench can run beside other servers;
// the comparison's second server takes the next port.
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const FIXTURE_FILE = audioFixture("speech-short.m4a");
const FIXTURE = readFileSync(FIXTURE_FILE.path);

const steps = ["createUpload", "upload POST", "confirmUpload", "list", "playbackUrl", "delete"] as const;
type Step = (typeof steps)[number];
type Client = ReturnType<typeof createTRPCClient<AppRouter>>;

class Tally {
  readonly timings = Object.fromEntries(steps.map((step) => [step, [] as number[]])) as Record<Step, number[]>;
  readonly errors = Object.fromEntries(steps.map((step) => [step, 0])) as Record<Step, number>;
  readonly samples = Object.fromEntries(steps.map((step) => [step, [] as string[]])) as Record<Step, string[]>;
  seconds = 0;

  async timed<T>(step: Step, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await work();
      this.timings[step].push(performance.now() - started);
      return result;
    } catch (error) {
      this.errors[step] += 1;
      if (this.samples[step].length < 3) this.samples[step].push(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  p50(step: Step) {
    return percentile(this.timings[step], 50);
  }

  get totalErrors() {
    return steps.reduce((sum, step) => sum + this.errors[step], 0);
  }
}

function percentile(values: number[], p: number) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Server {
  baseUrl: string;
  env: Record<string, string>;
  process: ChildProcess | null;
  metrics: boolean;
}

function serverEnv(port: number, metrics: boolean, dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    EMBEDDED_POSTGRES_PORT: String(port + 51149),
    EMBEDDED_S3_PORT: String(port + 1389),
    // The benchmark measures the upload path, not the abuse limits.
    SIGN_IN_ATTEMPTS_PER_MINUTE: "100000",
    UPLOADS_PER_MINUTE: "100000",
    CONFIRMS_PER_MINUTE: "100000",
    LOG_LEVEL: "warn",
    // An empty token turns the instrumentation off.
    METRICS_TOKEN: metrics ? METRICS_TOKEN : "",
    ...(PROFILE_DIR ? { CPU_PROFILE_DIR: PROFILE_DIR } : {}),
  };
}

async function startServer(port: number, metrics: boolean, dataDir: string): Promise<Server> {
  const env = serverEnv(port, metrics, dataDir);
  await rm(dataDir, { recursive: true, force: true });
  // The server's own log goes beside its data, to read when a step reports errors.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const log = openSync(`${dataDir}.log`, "w");
  // Its own process group, so stopping it reaches npm's children: the launcher, Next and the stack.
  const child = spawn("npm", ["start"], { env: { ...process.env, ...env }, stdio: ["ignore", log, log], detached: true });
  const server = { baseUrl: env.APP_URL!, env, process: child, metrics };
  for (let i = 0; i < 120; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const healthy = await fetch(`${server.baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return server;
  }
  stopServer(server);
  throw new Error("the server did not become healthy in 2 minutes (did you run npm run build?)");
}

function stopServer(server: Server) {
  if (!server.process?.pid) return;
  try {
    process.kill(-server.process.pid, "SIGTERM");
  } catch {
    // It had exited on its own already (a failed start); its log says why.
  }
}

/**
 * CPU seconds used so far by the server's whole process group (npm, the launcher with s3rver,
 * Next, PostgreSQL): CPU is what metrics cost, and unlike latency it does not depend on what else
 * the machine is doing at the time.
 */
function cpuSeconds(server: Server) {
  const group = server.process?.pid;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name: state ppid pgrp ... utime (12th) stime (13th).
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ").at(-1)!.split(" ");
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks / 100;
}

function auditStorage(server: Server) {
  console.log(`\nAuditing storage against the database (${server.baseUrl}; server log: ${server.env.DATA_DIR}.log):`);
  spawnSync("npm", ["run", "-s", "storage:audit"], { env: { ...process.env, ...server.env }, stdio: "inherit" });
}

async function signUp(baseUrl: string, index: number): Promise<Client> {
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

// Signing up is set-up, not what is measured: a few at a time, so a busy machine's password
// hashing does not time out the sign-up rate limiter's transactions.
async function signUpUsers(baseUrl: string) {
  const clients: Client[] = [];
  for (let first = 0; first < USERS; first += SIGN_UP_BATCH) {
    const batch = Array.from({ length: Math.min(SIGN_UP_BATCH, USERS - first) }, (_, index) => signUp(baseUrl, first + index));
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}

/** Scrapes the metrics endpoint every SCRAPE_SECONDS until `done()`, as Prometheus would. */
async function scrapeLoop(baseUrl: string, done: () => boolean, durations: number[]) {
  while (!done()) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    if (!response.ok) throw new Error(`metrics scrape answered ${response.status}`);
    await response.text();
    durations.push(performance.now() - started);
    for (let waited = 0; waited < SCRAPE_SECONDS * 10 && !done(); waited++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function userLoop(client: Client, deadline: number, tally: Tally) {
  while (Date.now() < deadline) {
    try {
      const created = await tally.timed("createUpload", () =>
        client.recording.createUpload.mutate({ fileName: "bench.m4a", contentType: FIXTURE_FILE.contentType, sizeBytes: FIXTURE.length }),
      );
      await tally.timed("upload POST", async () => {
        const form = new FormData();
        for (const [name, value] of Object.entries(created.upload.fields)) form.append(name, value);
        form.append("file", new Blob([FIXTURE], { type: FIXTURE_FILE.contentType }));
        const response = await fetch(created.upload.url, { method: "POST", body: form });
        if (!response.ok) throw new Error(`S3 answered ${response.status}`);
      });
      await tally.timed("confirmUpload", () => client.recording.confirmUpload.mutate({ recordingId: created.recordingId }));
      await tally.timed("list", () => client.recording.list.query({ limit: 20 }));
      const playback = await tally.timed("playbackUrl", () => client.recording.playbackUrl.query({ recordingId: created.recordingId }));
      if (!playback.url) throw new Error("no playback url");
      await tally.timed("delete", () => client.recording.delete.mutate({ recordingId: created.recordingId }));
    } catch {
      // Counted in the tally; the user carries on with the next recording.
    }
  }
}

/** Every user loops for `seconds`. */
async function runPhase(clients: Client[], seconds: number, tally: Tally) {
  const started = Date.now();
  await Promise.all(clients.map((client) => userLoop(client, started + seconds * 1000, tally)));
  tally.seconds += (Date.now() - started) / 1000;
}

function printTally(tally: Tally) {
  console.log(`\n${"step".padEnd(14)} ${"requests".padStart(8)} ${"errors".padStart(7)} ${"req/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)}`);
  for (const step of steps) {
    const count = tally.timings[step].length + tally.errors[step];
    console.log(
      `${step.padEnd(14)} ${String(count).padStart(8)} ${String(tally.errors[step]).padStart(7)} ${(count / tally.seconds).toFixed(1).padStart(7)} ${tally.p50(step).toFixed(1).padStart(8)} ${percentile(tally.timings[step], 99).toFixed(1).padStart(8)}`,
    );
    for (const sample of tally.samples[step]) console.log(`    e.g. ${sample}`);
  }
  console.log(`\ncreateUpload p50 / list p50:  ${(tally.p50("createUpload") / tally.p50("list")).toFixed(2)} (target ≤ 1.2)`);
  console.log(`confirmUpload p50 / list p50: ${(tally.p50("confirmUpload") / tally.p50("list")).toFixed(2)} (target ≤ 1.8)`);
  const total = steps.reduce((sum, step) => sum + tally.timings[step].length + tally.errors[step], 0);
  console.log(`\n${total} requests in ${tally.seconds.toFixed(1)} s (${(total / tally.seconds).toFixed(1)}/s), ${tally.totalErrors} errors`);
}

function printScrapes(scrapes: number[]) {
  if (scrapes.length) console.log(`metrics scrapes: ${scrapes.length}, p50 ${percentile(scrapes, 50).toFixed(1)} ms, max ${Math.max(...scrapes).toFixed(1)} ms`);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where the Next server spent its busy CPU time: self time by package, and the share of samples
 * with prom-client anywhere on the stack (what metrics cost, timers and scrapes included).
 */
async function printProfile() {
  let file: string | undefined;
  for (let i = 0; i < 30 && !file; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    file = existsSync(PROFILE_DIR!) ? readdirSync(PROFILE_DIR!).find((name) => name.endsWith(".cpuprofile")) : undefined;
  }
  if (!file) return console.log("\nNo CPU profile was written.");
  const profile = JSON.parse(readFileSync(path.join(PROFILE_DIR!, file), "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id] as const)));
  const packageOf = (url: string) => {
    const inModules = url.split("node_modules/").at(-1)!;
    if (inModules !== url) return inModules.split("/").slice(0, inModules.startsWith("@") ? 2 : 1).join("/");
    if (url.includes("/.next/")) return "app (bundled)";
    return url.startsWith("node:") ? "node" : url ? "other" : "native";
  };
  const selfByPackage = new Map<string, number>();
  let busy = 0;
  let metrics = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    if (["(idle)", "(program)"].includes(node.callFrame.functionName)) return;
    const delta = profile.timeDeltas[index] ?? 0;
    busy += delta;
    const name = node.callFrame.functionName === "(garbage collector)" ? "garbage collector" : packageOf(node.callFrame.url);
    selfByPackage.set(name, (selfByPackage.get(name) ?? 0) + delta);
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      if (byId.get(at)!.callFrame.url.includes("node_modules/prom-client/")) {
        metrics += delta;
        break;
      }
    }
  });
  console.log(`\nCPU profile of the Next server (${path.join(PROFILE_DIR!, file)}): ${(busy / 1e6).toFixed(1)} s busy`);
  for (const [name, micros] of [...selfByPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${name.padEnd(28)} ${((micros / busy) * 100).toFixed(1).padStart(5)} %`);
  }
  console.log(`prom-client on the stack: ${((metrics / busy) * 100).toFixed(2)} % of busy CPU`);
}

async function single() {
  const metrics = MODE === "on";
  if (PROFILE_DIR) await rm(PROFILE_DIR, { recursive: true, force: true });
  const server = process.env.BASE_URL
    ? { baseUrl: process.env.BASE_URL, env: {}, process: null, metrics }
    : await startServer(PORT, metrics, ".data/bench");
  try {
    const clients = await signUpUsers(server.baseUrl);
    console.log(`${USERS} users, ${SECONDS} s against ${server.baseUrl}, metrics ${metrics ? `on, scraped every ${SCRAPE_SECONDS} s` : "off"}`);
    const tally = new Tally();
    const scrapes: number[] = [];
    let finished = false;
    await Promise.all([
      metrics ? scrapeLoop(server.baseUrl, () => finished, scrapes) : null,
      runPhase(clients, SECONDS, tally).then(() => (finished = true)),
    ]);
    printScrapes(scrapes);
    printTally(tally);
  } finally {
    if (server.process) {
      auditStorage(server);
      stopServer(server);
      if (PROFILE_DIR) await printProfile();
    }
  }
}

async function compare() {
  const servers = await Promise.all([startServer(PORT, true, ".data/bench"), startServer(PORT + 1, false, ".data/bench-b")]);
  try {
    const clients = await Promise.all(servers.map((server) => signUpUsers(server.baseUrl)));
    const tallies = [new Tally(), new Tally()];
    const scrapes: number[] = [];
    const phaseSeconds = SECONDS / ROUNDS;
    console.log(`${USERS} users; ${ROUNDS} rounds of ${phaseSeconds.toFixed(1)} s on each server in turn (metrics on: ${servers[0]!.baseUrl}, off: ${servers[1]!.baseUrl})`);
    const cpuAtStart = servers.map(cpuSeconds);
    // Prometheus scrapes the instance on its own schedule, busy or not.
    let finished = false;
    // A failed scrape ends the run through the finally below, which stops both servers.
    let scrapeFailure: unknown = null;
    const scraping = scrapeLoop(servers[0]!.baseUrl, () => finished, scrapes).catch((error: unknown) => {
      scrapeFailure = error;
    });
    for (let round = 0; round < ROUNDS && scrapeFailure === null; round++) {
      // Which goes first alternates too, so neither always follows the other's leftovers.
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const index of order) await runPhase(clients[index]!, phaseSeconds, tallies[index]!);
    }
    finished = true;
    await scraping;
    if (scrapeFailure !== null) throw scrapeFailure;
    const cpuPerCycle = servers.map((server, index) => (cpuSeconds(server) - cpuAtStart[index]!) / tallies[index]!.timings.delete.length);
    console.log("\n== metrics on ==");
    printScrapes(scrapes);
    printTally(tallies[0]!);
    console.log("\n== metrics off ==");
    printTally(tallies[1]!);
    console.log("\nmetrics overhead on the p50 (on / off − 1):");
    for (const step of steps) {
      console.log(`  ${step.padEnd(14)} ${(((tallies[0]!.p50(step) / tallies[1]!.p50(step)) - 1) * 100).toFixed(1).padStart(6)} %${step === "list" ? "   (target ≤ 2 %)" : ""}`);
    }
    console.log(
      `CPU per upload-to-delete cycle (server, s3rver, PostgreSQL): on ${(cpuPerCycle[0]! * 1000).toFixed(1)} ms, off ${(cpuPerCycle[1]! * 1000).toFixed(1)} ms: ${((cpuPerCycle[0]! / cpuPerCycle[1]! - 1) * 100).toFixed(1)} %`,
    );
  } finally {
    for (const server of servers) {
      auditStorage(server);
      stopServer(server);
    }
  }
}

await (MODE === "compare" ? compare() : single());
