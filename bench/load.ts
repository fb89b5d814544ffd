// Load benchmark: N concurrent users doing createUpload → POST to S3 → confirm → list →
// playbackUrl → delete, for a fixed time, against a production build (`npm start`). Prints
// requests, errors and p50/p99 per step, then audits that nothing was left behind.
//
//   npm run build && npm run bench:load                    # starts its own servers on :3200–3202
//   BASE_URL=http://localhost:3000 npm run bench:load      # an already running server
//   USERS=50 SECONDS=60 npm run bench:load
//   METRICS=off npm run bench:load                         # without metrics
//   METRICS=compare npm run bench:load                     # metrics' cost, measured A/B
//   METRICS=same npm run bench:load                        # the same with two equal servers (A/A)
//   PROFILE=1 npm run bench:load                           # CPU profile of the server
//
// The loaded server runs without the worker, on the PostgreSQL and s3rver of a third server that
// is never loaded and runs the worker (WORKER_ENABLED), as a separate tier would.
// METRICS=compare starts two loaded servers from the same build, one with metrics and one
// without (no METRICS_TOKEN: no endpoint, nothing scraped), and loads them in turn (ROUNDS phases each, alternating), so whatever
// else the machine is doing falls on both alike; it prints each one's figures and, per step, the
// overhead of metrics with a 95 % confidence interval (a bootstrap over rounds). METRICS=same
// runs two servers without metrics the same way: what it reports is the bench's own bias.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../server/api/root";
import { audioFixture } from "../testing/audio-fixtures";

const USERS = Number(process.env.USERS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 60);
const ROUNDS = Number(process.env.ROUNDS ?? 12);
const MODE = ({ off: "off", compare: "compare", same: "same" } as const)[process.env.METRICS ?? ""] ?? "on";
// The scrape interval docs/operations.md configures Prometheus with.
const SCRAPE_SECONDS = Number(process.env.SCRAPE_SECONDS ?? 15);
const METRICS_TOKEN = "bench-metrics-token-0123456789";
const PROFILE_DIR = process.env.PROFILE === "1" ? path.resolve(".data/bench-profile") : null;
const SIGN_UP_BATCH = 5;
// Error messages kept per step, to show what went wrong without flooding the output.
const ERROR_SAMPLES = 3;
// BENCH_PORT moves the servers and their embedded stack, so the bench can run beside other
// servers: the loaded server on it, the comparison's second server on the next port, and the
// server that holds PostgreSQL, s3rver and the worker on the one after.
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const STACK_PORT = PORT + 2;
const POSTGRES_PORT = STACK_PORT + 51149;
const DATA_DIR = ".data/bench";
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
      if (this.samples[step].length < ERROR_SAMPLES) this.samples[step].push(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  static combined(tallies: Tally[]) {
    const total = new Tally();
    for (const tally of tallies) {
      for (const step of steps) {
        total.timings[step].push(...tally.timings[step]);
        total.errors[step] += tally.errors[step];
        total.samples[step].push(...tally.samples[step].slice(0, ERROR_SAMPLES - total.samples[step].length));
      }
      total.seconds += tally.seconds;
    }
    return total;
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
  log: string;
  process: ChildProcess | null;
  metrics: boolean;
}

/** Servers this bench started and has not stopped yet. */
const running = new Set<Server>();

/** The environment of every bench server: its own data and ports, quiet logs, no abuse limits. */
function benchEnv(port: number): Record<string, string> {
  return {
    DATA_DIR,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    EMBEDDED_POSTGRES_PORT: String(POSTGRES_PORT),
    EMBEDDED_S3_PORT: String(STACK_PORT + 1389),
    // The benchmark measures the upload path, not the abuse limits.
    SIGN_IN_ATTEMPTS_PER_MINUTE: "100000",
    UPLOADS_PER_MINUTE: "100000",
    CONFIRMS_PER_MINUTE: "100000",
    LOG_LEVEL: "warn",
  };
}

/**
 * The server that starts the bench's PostgreSQL and s3rver afresh and runs the worker, as a
 * separate tier would; it is never loaded itself.
 */
async function startStackServer() {
  await rm(DATA_DIR, { recursive: true, force: true });
  return startServer(benchEnv(STACK_PORT), ".data/bench-stack.log", false);
}

/**
 * A server the users load. It is given the stack server's database as DATABASE_URL, as a
 * deployment would be, so its launcher adds no metrics token of its own: metrics are on only with
 * the bench's token.
 */
function startAppServer(port: number, metrics: boolean, log: string) {
  return startServer(
    {
      ...benchEnv(port),
      DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${POSTGRES_PORT}/speech_coach`,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      WORKER_ENABLED: "false",
      ...(metrics ? { METRICS_TOKEN } : {}),
      ...(PROFILE_DIR ? { CPU_PROFILE_DIR: PROFILE_DIR } : {}),
    },
    log,
    metrics,
  );
}

/** Runs `npm start` with `env` (the launcher reuses services already listening on its ports). */
async function startServer(env: Record<string, string>, log: string, metrics: boolean): Promise<Server> {
  mkdirSync(path.dirname(log), { recursive: true });
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!metrics) delete childEnv.METRICS_TOKEN;
  // Its own process group, so stopping it reaches npm's children: the launcher, Next and the stack.
  const output = openSync(log, "w");
  const child = spawn("npm", ["start"], { env: childEnv, stdio: ["ignore", output, output], detached: true });
  const server = { baseUrl: env.APP_URL!, env, log, process: child, metrics };
  running.add(server);
  for (let i = 0; i < 120; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const healthy = await fetch(`${server.baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return server;
  }
  await stopServer(server);
  throw new Error("the server did not become healthy in 2 minutes (did you run npm run build?)");
}

function signalServer(server: Server) {
  try {
    process.kill(-server.process!.pid!, "SIGTERM");
  } catch {
    // It had exited on its own already (a failed start); its log says why.
  }
}

/** Stops the server and waits until npm, which waits for Next and the stack, has exited. */
async function stopServer(server: Server) {
  const child = server.process;
  running.delete(server);
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalServer(server);
  await exited;
}

// Interrupting the bench stops its servers too.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    running.forEach(signalServer);
    process.exit(130);
  });
}

/**
 * CPU seconds used so far by the server's Next.js process (found in its process group by its
 * process title): what the process itself spent, where latency also counts the queue for the
 * machine. The A/A run shows it is not exact either: two equal processes differed by about 5 %.
 */
function nextCpuSeconds(server: Server) {
  const group = server.process?.pid;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name: state ppid pgrp ... utime (12th) stime (13th).
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ").at(-1)!.split(" ");
      if (Number(fields[2]) !== group) continue;
      // Next.js renames its server process.
      if (!readFileSync(`/proc/${entry}/cmdline`, "utf8").startsWith("next-server")) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks / 100;
}

function auditStorage(server: Server) {
  console.log(`\nAuditing storage against the database (${server.baseUrl}; server log: ${server.log}):`);
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

/**
 * Prometheus's schedule, kept in the time a server is under load: in a comparison the metrics
 * server is scraped only during its own phases, so the scrapes' cost falls on it and not on the
 * phases of the server without metrics.
 */
class ScrapeSchedule {
  readonly durations: number[] = [];
  private loadedSeconds = 0;
  private nextAt = 0;

  constructor(readonly baseUrl: string) {}

  /** Scrapes every SCRAPE_SECONDS of load until `phaseOver()`. */
  async during(phaseOver: () => boolean) {
    const started = performance.now();
    const elapsed = () => this.loadedSeconds + (performance.now() - started) / 1000;
    while (!phaseOver()) {
      if (elapsed() < this.nextAt) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const scrapeStarted = performance.now();
      const response = await fetch(`${this.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      if (!response.ok) throw new Error(`metrics scrape answered ${response.status}`);
      await response.text();
      this.durations.push(performance.now() - scrapeStarted);
      this.nextAt += SCRAPE_SECONDS;
    }
    this.loadedSeconds = elapsed();
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

/** Every user loops for `seconds`; a metrics server is scraped meanwhile on its schedule. */
async function runPhase(clients: Client[], seconds: number, tally: Tally, scrapes: ScrapeSchedule | null) {
  const started = Date.now();
  let over = false;
  await Promise.all([
    Promise.all(clients.map((client) => userLoop(client, started + seconds * 1000, tally))).then(() => (over = true)),
    scrapes?.during(() => over),
  ]);
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
  if (process.env.BASE_URL) return load({ baseUrl: process.env.BASE_URL, env: {}, log: "", process: null, metrics });
  if (PROFILE_DIR) await rm(PROFILE_DIR, { recursive: true, force: true });
  const stack = await startStackServer();
  try {
    const server = await startAppServer(PORT, metrics, ".data/bench.log");
    try {
      await load(server);
    } finally {
      await stopServer(server);
    }
    if (PROFILE_DIR) await printProfile();
  } finally {
    auditStorage(stack);
    await stopServer(stack);
  }
}

async function load(server: Server) {
  const clients = await signUpUsers(server.baseUrl);
  console.log(`${USERS} users, ${SECONDS} s against ${server.baseUrl}, metrics ${server.metrics ? `on, scraped every ${SCRAPE_SECONDS} s` : "off"}`);
  const tally = new Tally();
  const scrapes = server.metrics ? new ScrapeSchedule(server.baseUrl) : null;
  await runPhase(clients, SECONDS, tally, scrapes);
  if (scrapes) printScrapes(scrapes.durations);
  printTally(tally);
}

/**
 * How much slower A's p50 is than B's over the whole run, with a 95 % confidence interval from a
 * bootstrap over rounds: rounds are drawn again with replacement, A's and B's phases of a round
 * together, so the interval carries the round-to-round scatter of a shared machine.
 */
function pooledOverhead(rounds: [Tally, Tally][], step: Step) {
  const ratioOf = (picked: [Tally, Tally][]) =>
    percentile(picked.flatMap(([a]) => a.timings[step]), 50) / percentile(picked.flatMap(([, b]) => b.timings[step]), 50);
  // A fixed seed: the same run prints the same interval.
  let seed = 0x5eed;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const resampled = Array.from({ length: 1000 }, () => ratioOf(rounds.map(() => rounds[Math.floor(random() * rounds.length)]!)));
  resampled.sort((x, y) => x - y);
  const percent = (ratio: number) => ((ratio - 1) * 100).toFixed(1);
  return `${percent(ratioOf(rounds)).padStart(6)} %   (95 % CI ${percent(resampled[24]!)} … ${percent(resampled[974]!)} %)`;
}

/**
 * METRICS=compare: server A with metrics, B without. METRICS=same: both without, which measures
 * the bench's own bias and scatter (an A/A test). Both use the stack server's PostgreSQL and
 * s3rver, so they differ only in their Next.js process, each alone in its session (the kernel
 * shares CPU between sessions). They are loaded in turn, ROUNDS phases each.
 */
async function compare() {
  const withMetrics = MODE === "compare";
  const stack = await startStackServer();
  const servers: Server[] = [];
  try {
    servers.push(await startAppServer(PORT, withMetrics, ".data/bench.log"));
    servers.push(await startAppServer(PORT + 1, false, ".data/bench-b.log"));
    const [a, b] = servers as [Server, Server];
    const labels = withMetrics ? ["metrics on", "metrics off"] : ["A", "B (same as A)"];
    const clients = [await signUpUsers(a.baseUrl), await signUpUsers(b.baseUrl)];
    const scrapes = withMetrics ? new ScrapeSchedule(a.baseUrl) : null;
    const phaseSeconds = SECONDS / ROUNDS;
    console.log(
      `${USERS} users; ${ROUNDS} rounds of ${phaseSeconds.toFixed(1)} s on each server in turn (${labels[0]}: ${a.baseUrl}, ${labels[1]}: ${b.baseUrl}); worker ${process.env.WORKER_ENABLED === "false" ? "off" : `on, in ${stack.baseUrl}`}`,
    );
    const cpuAtStart = servers.map(nextCpuSeconds);
    const rounds: [Tally, Tally][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const tallies: [Tally, Tally] = [new Tally(), new Tally()];
      // Which goes first alternates too, so neither always follows the other's leftovers.
      for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
        await runPhase(clients[index]!, phaseSeconds, tallies[index]!, index === 0 ? scrapes : null);
      }
      rounds.push(tallies);
    }
    const totals = [0, 1].map((index) => Tally.combined(rounds.map((round) => round[index]!)));
    totals.forEach((tally, index) => {
      console.log(`\n== ${labels[index]} ==`);
      if (index === 0 && scrapes) printScrapes(scrapes.durations);
      printTally(tally);
    });
    console.log(`\nHow much slower ${labels[0]} is than ${labels[1]}, p50 per step:`);
    for (const step of steps) {
      console.log(`  ${step.padEnd(14)} ${pooledOverhead(rounds, step)}${step === "list" && withMetrics ? "   target ≤ 2 %" : ""}`);
    }
    const cpuPerCycle = servers.map((server, index) => (nextCpuSeconds(server) - cpuAtStart[index]!) / totals[index]!.timings.delete.length);
    console.log(
      `Next.js CPU per upload-to-delete cycle: ${labels[0]} ${(cpuPerCycle[0]! * 1000).toFixed(1)} ms, ${labels[1]} ${(cpuPerCycle[1]! * 1000).toFixed(1)} ms: ${((cpuPerCycle[0]! / cpuPerCycle[1]! - 1) * 100).toFixed(1)} %`,
    );
  } finally {
    auditStorage(stack);
    await Promise.all(servers.map(stopServer));
    // Last: it holds the stack the others use.
    await stopServer(stack);
  }
}

await (MODE === "compare" || MODE === "same" ? compare() : single());
