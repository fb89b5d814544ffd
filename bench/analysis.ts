// Analysis speed and memory: loops a fixture into a 3-minute and a 60-minute recording (AAC in MP4,
// as iOS records), analyses each in a child process of its own so the peak RSS is the analysis's,
// and prints the time as a share of the audio's duration: wall time, and CPU time (Node plus
// ffmpeg), which does not depend on what else the machine runs. Targets: under 5 % of real time and
// under 250 MB peak RSS for 60 minutes.
//
//   npm run bench:analysis
//   MINUTES=3,60,120 npm run bench:analysis
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, readFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { audioFixture } from "../testing/audio-fixtures";

const FIXTURE = audioFixture("speech-passage.m4a").path;

interface ChildResult {
  elapsedMs: number;
  /** CPU time of the analysis (Node) and of ffmpeg: wall time depends on what else the machine runs. */
  nodeCpuMs: number;
  ffmpegCpuMs: number;
  durationMs: number;
  peakRssMb: number;
  pauses: number;
  wordsPerMinute: number;
}

async function child(file: string): Promise<void> {
  const { analyzeAudio } = await import("../server/analysis/analyze");
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { metrics } = await analyzeAudio(createReadStream(file));
  const cpu = process.cpuUsage(cpuBefore);
  const result: ChildResult = {
    elapsedMs: performance.now() - started,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    ffmpegCpuMs: reapedChildrenCpuMs(),
    durationMs: metrics.durationMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    pauses: metrics.pauses.count,
    wordsPerMinute: metrics.wordsPerMinute.estimate,
  };
  process.stdout.write(JSON.stringify(result));
}

// Linux: user and system time of waited-for children (ffmpeg), fields 16 and 17 of /proc/self/stat.
function reapedChildrenCpuMs(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  const ticksPerSecond = 100;
  return ((Number(fields[13]) + Number(fields[14])) / ticksPerSecond) * 1000;
}

async function main(): Promise<void> {
  const minutesList = (process.env.MINUTES ?? "3,60").split(",").map(Number);
  const dir = await mkdtemp(path.join(tmpdir(), "bench-analysis-"));
  try {
    console.log("minutes | file MB | wall s | wall share of real time | CPU s (node + ffmpeg) | CPU share of real time | peak RSS MB | pauses | wpm");
    for (const minutes of minutesList) {
      const file = path.join(dir, `loop-${minutes}min.m4a`);
      execFileSync(ffmpegInstaller.path, [
        ...["-v", "error", "-stream_loop", "-1", "-i", FIXTURE, "-t", String(minutes * 60)],
        ...["-c:a", "aac", "-b:a", "48k", file],
      ]);
      const run = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, "--child", file], {
        encoding: "utf8",
        maxBuffer: 1024 * 1024,
      });
      if (run.status !== 0) throw new Error(`analysis of ${minutes} min failed:\n${run.stderr}`);
      const result = JSON.parse(run.stdout) as ChildResult;
      const share = result.elapsedMs / result.durationMs;
      const sizeMb = (await stat(file)).size / 1024 ** 2;
      console.log(
        [
          minutes,
          sizeMb.toFixed(1),
          (result.elapsedMs / 1000).toFixed(1),
          `${(share * 100).toFixed(2)} %`,
          `${(result.nodeCpuMs / 1000).toFixed(1)} + ${(result.ffmpegCpuMs / 1000).toFixed(1)}`,
          `${(((result.nodeCpuMs + result.ffmpegCpuMs) / result.durationMs) * 100).toFixed(2)} %`,
          result.peakRssMb.toFixed(0),
          result.pauses,
          result.wordsPerMinute,
        ].join(" | "),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") await child(process.argv[3]!);
else await main();
