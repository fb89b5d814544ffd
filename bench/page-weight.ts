/**
 * Gzipped JavaScript each page of the production build makes a browser load on a first visit:
 * the framework's main files plus the chunks of the page, its layouts and their error and
 * not-found boundaries, each chunk counted once. Not counted: the legacy polyfills (loaded only by
 * browsers without ES modules, `nomodule`), CSS, and what the page fetches later (lazy chunks,
 * prefetches of other pages). Reads `.next` (run `npm run build` first).
 *
 *   npm run bench:page-weight                 every page, then the chunks of the target pages
 *   npx next analyze -o && npm run bench:page-weight
 *                                             also the packages in the target pages' chunks
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT = path.join(ROOT, ".next");
const ANALYZER_HISTORY = path.join(NEXT, "diagnostics/analyze/history/history.json");
/** Issue 11 §6: these pages load at most this much. */
const TARGET_ROUTES = ["/recordings", "/recordings/[id]"];
const TARGET_KB = 150;

interface RscManifest {
  entryJSFiles: Record<string, string[]>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(NEXT, file), "utf8")) as T;
}

/** The client reference manifest of one app entry (a small script that assigns a global). */
function entryChunks(entry: string): string[] {
  const file = path.join(NEXT, "server/app", `${entry}_client-reference-manifest.js`);
  const sandbox = vm.createContext({});
  vm.runInContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifests = (sandbox as { __RSC_MANIFEST: Record<string, RscManifest> }).__RSC_MANIFEST;
  return Object.values(manifests[entry]!.entryJSFiles).flat();
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function sizeOf(chunk: string) {
  let size = sizes.get(chunk);
  if (!size) {
    const bytes = fs.readFileSync(path.join(NEXT, chunk));
    size = { raw: bytes.length, gzip: zlib.gzipSync(bytes).length };
    sizes.set(chunk, size);
  }
  return size;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** What a module belongs to: its package (React's are vendored inside next), or its app folder. */
function ownerOf(sourcePath: string) {
  const file = sourcePath.replace(/^\[project\]\//, "");
  const vendored = /node_modules\/next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (vendored) return `${vendored[1]} (in next)`;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (dependency) return dependency[1]!;
  if (file.startsWith("[turbopack]")) return "turbopack runtime";
  return path.dirname(file);
}

interface AnalyzerPart {
  type: "part";
  filename: string;
  source_path: string;
  size: number;
  compressed_size: number;
}
interface AnalyzerGroup {
  type: "group";
  kind: string;
  outputs: string[];
}

/**
 * Minified and gzipped bytes per package in what a route loads first, from the snapshot that
 * `next analyze` saved (its own compile, so its chunk names differ from the build's). Gzip here is
 * of each module alone, so the figures add up to more than the chunks' gzip.
 */
function packagesOf(route: string, polyfills: Set<string>) {
  const lines = execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "analyze", "export", "--route", route], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  }).split("\n");
  const records = lines.filter(Boolean).map((line) => JSON.parse(line) as AnalyzerPart | AnalyzerGroup | { type: string });
  const firstLoad = new Set(
    records
      .filter((record): record is AnalyzerGroup => record.type === "group")
      .filter((group) => group.kind === "bootstrap" || group.kind === "render_dependent")
      .flatMap((group) => group.outputs)
      .filter((file) => file.endsWith(".js") && !polyfills.has(path.basename(file))),
  );
  const owners = new Map<string, { raw: number; gzip: number }>();
  for (const part of records.filter((record): record is AnalyzerPart => record.type === "part")) {
    if (!firstLoad.has(part.filename)) continue;
    const owner = ownerOf(part.source_path);
    const sum = owners.get(owner) ?? { raw: 0, gzip: 0 };
    owners.set(owner, { raw: sum.raw + part.size, gzip: sum.gzip + part.compressed_size });
  }
  return [...owners].sort((a, b) => b[1].gzip - a[1].gzip);
}

/** The snapshot `next analyze export` reads: the newest. */
function latestSnapshot() {
  if (!fs.existsSync(ANALYZER_HISTORY)) return null;
  const { snapshots } = JSON.parse(fs.readFileSync(ANALYZER_HISTORY, "utf8")) as { snapshots: { name: string; createdAt: string }[] };
  const newest = snapshots.map((entry) => ({ name: entry.name, createdAt: Date.parse(entry.createdAt) })).sort((a, b) => b.createdAt - a.createdAt)[0];
  return newest ?? null;
}

function main() {
  if (!fs.existsSync(path.join(NEXT, "build-manifest.json"))) {
    console.error("No production build in .next: run `npm run build` first.");
    process.exit(1);
  }
  const { rootMainFiles, polyfillFiles } = readJson<{ rootMainFiles: string[]; polyfillFiles: string[] }>("build-manifest.json");
  const routes = readJson<Record<string, string>>("app-path-routes-manifest.json");
  const rows: { route: string; chunks: string[]; raw: number; gzip: number }[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith("/page") || route.startsWith("/_")) continue;
    const chunks = [...new Set([...rootMainFiles, ...entryChunks(entry)])].filter((chunk) => chunk.endsWith(".js"));
    const total = chunks.reduce((sum, chunk) => ({ raw: sum.raw + sizeOf(chunk).raw, gzip: sum.gzip + sizeOf(chunk).gzip }), { raw: 0, gzip: 0 });
    rows.push({ route, chunks, ...total });
  }
  rows.sort((a, b) => a.route.localeCompare(b.route));

  console.log("First-load JavaScript per page (KB; gzip at zlib's default level)\n");
  console.log(`${"route".padEnd(24)} ${"chunks".padStart(6)} ${"raw".padStart(8)} ${"gzip".padStart(8)}`);
  for (const row of rows) {
    const mark = TARGET_ROUTES.includes(row.route) ? (row.gzip / 1024 <= TARGET_KB ? "  ok" : `  over ${TARGET_KB}`) : "";
    console.log(`${row.route.padEnd(24)} ${String(row.chunks.length).padStart(6)} ${kb(row.raw).padStart(8)} ${kb(row.gzip).padStart(8)}${mark}`);
  }
  const framework = rootMainFiles.filter((chunk) => chunk.endsWith(".js")).reduce((sum, chunk) => sum + sizeOf(chunk).gzip, 0);
  console.log(`\nof which the framework's main files (React, the Next.js router, the bundler's runtime): ${kb(framework)} on every page`);

  const snapshot = latestSnapshot();
  for (const row of rows.filter((candidate) => TARGET_ROUTES.includes(candidate.route))) {
    console.log(`\n${row.route}: chunks (gzip KB)`);
    for (const chunk of [...row.chunks].sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip)) {
      console.log(`  ${chunk.padEnd(40)} ${kb(sizeOf(chunk).gzip).padStart(7)}${rootMainFiles.includes(chunk) ? "  (framework)" : ""}`);
    }
    if (!snapshot) continue;
    console.log(`${row.route}: packages, from the \`next analyze\` snapshot (KB; gzip of each module alone)`);
    for (const [owner, size] of packagesOf(row.route, new Set(polyfillFiles.map((file) => path.basename(file)))).slice(0, 15)) {
      console.log(`  ${owner.padEnd(40)} ${kb(size.gzip).padStart(7)} ${kb(size.raw).padStart(8)} raw`);
    }
  }
  if (!snapshot) console.log("\nFor the packages in these chunks: `npx next analyze -o`, then run this again.");
  else if (snapshot.createdAt < fs.statSync(path.join(NEXT, "BUILD_ID")).mtimeMs) {
    console.log(`\nNote: the \`next analyze\` snapshot (${snapshot.name}) is older than the build; run \`npx next analyze -o\` again.`);
  }
}

main();
