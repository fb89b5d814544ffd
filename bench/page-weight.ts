/**
 * Gzipped JavaScript each page of the production build makes a browser load on a first visit:
 * the framework's main files plus the chunks of the page, its layouts and their error and
 * not-found boundaries, each chunk counted once. Reads `.next` (run `npm run build` first).
 *
 *   npm run bench:page-weight                 every page
 *   npm run bench:page-weight -- --chunks     also each chunk of the target pages
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const NEXT = path.resolve(import.meta.dirname, "../.next");
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

function main() {
  if (!fs.existsSync(path.join(NEXT, "build-manifest.json"))) {
    console.error("No production build in .next: run `npm run build` first.");
    process.exit(1);
  }
  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>("build-manifest.json");
  const routes = readJson<Record<string, string>>("app-path-routes-manifest.json");
  const showChunks = process.argv.includes("--chunks");
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
  if (showChunks) {
    for (const row of rows.filter((candidate) => TARGET_ROUTES.includes(candidate.route))) {
      console.log(`\n${row.route}`);
      for (const chunk of [...row.chunks].sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip)) {
        console.log(`  ${chunk.padEnd(40)} ${kb(sizeOf(chunk).gzip).padStart(7)}${rootMainFiles.includes(chunk) ? "  (framework)" : ""}`);
      }
    }
  }
}

main();
