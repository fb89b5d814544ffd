// A real Prometheus (Debian's package) scrapes the metrics endpoint, with the bearer token, from
// an HTTP server serving the app's own route handler; the upload counters must reach its API.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/local/ports";
import { createUser, uploadRecording } from "../testing/helpers";
import { metricsResponse } from "./exposition";

const PROMETHEUS = process.env.PROMETHEUS_PATH ?? "/usr/bin/prometheus";
const TOKEN = "scrape-test-token-0123456789";

let app: Server;
let prometheus: ChildProcess;
let prometheusUrl: string;
let dir: string;

/** Serves GET /api/metrics through the same handler as app/api/metrics/route.ts. */
async function serveMetrics() {
  const server = createServer(async (req, res) => {
    const request = new Request(`http://127.0.0.1${req.url}`, { headers: req.headers as Record<string, string> });
    const response =
      req.url === "/api/metrics" ? await metricsResponse(request, TOKEN) : new Response("Not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return server;
}

async function query(promql: string) {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await response.json()) as { data?: { result: { value: [number, string] }[] } };
  return body.data?.result.map((sample) => Number(sample.value[1])) ?? [];
}

/** Polls Prometheus until the query answers a value meeting the condition (each scrape is 1 s). */
async function waitForValue(promql: string, ok: (value: number) => boolean) {
  const deadline = Date.now() + 90_000;
  let last: number[] = [];
  while (Date.now() < deadline) {
    last = await query(promql).catch(() => []);
    if (last.length === 1 && ok(last[0]!)) return last[0]!;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${promql} never met the condition; last answer ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  app = await serveMetrics();
  const appPort = (app.address() as { port: number }).port;
  dir = await mkdtemp(path.join(os.tmpdir(), "speech-coach-prometheus-"));
  await writeFile(
    path.join(dir, "prometheus.yml"),
    [
      "global:",
      "  scrape_interval: 1s",
      "scrape_configs:",
      "  - job_name: speech-coach",
      "    metrics_path: /api/metrics",
      "    authorization:",
      "      type: Bearer",
      `      credentials: ${TOKEN}`,
      "    static_configs:",
      `      - targets: ["127.0.0.1:${appPort}"]`,
      "",
    ].join("\n"),
  );
  const port = await freePort();
  prometheusUrl = `http://127.0.0.1:${port}`;
  prometheus = spawn(
    PROMETHEUS,
    [
      `--config.file=${path.join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: "ignore" },
  );
});

afterAll(async () => {
  if (prometheus.exitCode === null) {
    prometheus.kill("SIGTERM");
    await once(prometheus, "exit");
  }
  app.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a real Prometheus scraping the app", () => {
  it("scrapes with the token and sees the upload counters move after an upload", async () => {
    await waitForValue('up{job="speech-coach"}', (value) => value === 1);
    const before = await waitForValue("speech_coach_uploads_confirmed_total", () => true);
    const created = await waitForValue("speech_coach_uploads_created_total", () => true);

    await uploadRecording(await createUser(), "speech-short.ogg");

    expect(await waitForValue("speech_coach_uploads_confirmed_total", (value) => value > before)).toBe(before + 1);
    expect(await waitForValue("speech_coach_uploads_created_total", (value) => value > created)).toBe(created + 1);
    expect(await waitForValue("speech_coach_database_up", () => true)).toBe(1);
  });

  it("answers every dashboard and alert expression, over metrics the app really exports", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const dashboard = JSON.parse(await readFile(path.join(root, "ops/grafana/speech-coach.json"), "utf8")) as {
      panels: { targets: { expr: string }[] }[];
    };
    const alerts = await readFile(path.join(root, "ops/prometheus/alerts.yml"), "utf8");
    const expressions = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    expect(expressions.length).toBeGreaterThan(10);
    for (const expr of expressions) {
      const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
      expect(((await response.json()) as { status: string }).status, expr).toBe("success");
    }
    const exported = await (
      await metricsResponse(new Request("http://app.test/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }), TOKEN)
    ).text();
    const used = new Set(
      [...expressions.join(" ").matchAll(/speech_coach_\w+/g), ...alerts.matchAll(/speech_coach_\w+/g)].map(
        ([name]) => name.replace(/_bucket$/, ""),
      ),
    );
    for (const name of used) expect(exported, name).toContain(`# TYPE ${name} `);
  });
});
