// Compression benchmark: re-encodes each fixture, and a 30-minute WAV made by looping one, with the
// encoder the worker uses (server/storage/ffmpeg.ts), and prints size before and after, the ratio,
// the encoding time as a fraction of the audio's length, and ffmpeg's peak memory (its VmHWM,
// sampled from /proc while it runs). The app itself only streams files to and from disk.
//
//   npm run bench:compression
//   LONG_MINUTES=30 FFMPEG_PATH=/usr/bin/ffmpeg npm run bench:compression
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseFile } from "music-metadata";
import { encodeSpeech } from "../server/storage/ffmpeg";
import { ffmpegPath } from "../server/storage/ffmpeg-path";
import { GOOD_AUDIO_FIXTURES, goodAudioFixture } from "../testing/audio-fixtures";

const SHORT_WAV = goodAudioFixture("speech-short.wav");
const LONG_MINUTES = Number(process.env.LONG_MINUTES ?? 30);
const THRESHOLD_KBPS = Number(process.env.COMPRESSION_MIN_KBPS ?? 96);
const FFMPEG = ffmpegPath(process.env.FFMPEG_PATH);

function peakKiB(pid: number) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function measure(input: string, workDir: string) {
  const seconds = (await parseFile(input, { duration: true })).format.duration ?? NaN;
  const output = path.join(workDir, `${path.basename(input)}.m4a`);
  let peak = 0;
  let sampler: NodeJS.Timeout | undefined;
  const started = process.hrtime.bigint();
  await encodeSpeech(FFMPEG, input, output, (pid) => {
    sampler = setInterval(() => (peak = Math.max(peak, peakKiB(pid))), 20);
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  const before = statSync(input).size;
  const after = statSync(output).size;
  const afterSeconds = (await parseFile(output, { duration: true })).format.duration ?? NaN;
  return { before, after, seconds, elapsed, peak, driftMs: Math.abs(afterSeconds - seconds) * 1000 };
}

const workDir = await mkdtemp(path.join(tmpdir(), "bench-compression-"));
try {
  const long = path.join(workDir, `speech-${LONG_MINUTES}min.wav`);
  const loops = Math.ceil((LONG_MINUTES * 60 * 1000) / SHORT_WAV.durationMs) - 1;
  const looped = spawnSync(FFMPEG, ["-hide_banner", "-loglevel", "error", "-stream_loop", String(loops), "-i", SHORT_WAV.path, "-t", String(LONG_MINUTES * 60), "-c", "copy", long]);
  if (looped.status !== 0) throw new Error(`could not make the long WAV: ${looped.stderr}`);
  // The same lecture as a typical recorder writes it, 44.1 kHz stereo (about 300 MB).
  const cd = path.join(workDir, `speech-${LONG_MINUTES}min-44k-stereo.wav`);
  const upsampled = spawnSync(FFMPEG, ["-hide_banner", "-loglevel", "error", "-i", long, "-ar", "44100", "-ac", "2", cd]);
  if (upsampled.status !== 0) throw new Error(`could not make the stereo WAV: ${upsampled.stderr}`);

  const mb = (bytes: number) => (bytes / 1e6).toFixed(3).padStart(9);
  console.log(`ffmpeg: ${FFMPEG}`);
  console.log("file                            |  seconds |  kb/s in | compressed? | before MB |  after MB | ratio | time/duration | drift ms | ffmpeg peak MiB");
  for (const input of [...GOOD_AUDIO_FIXTURES.map((fixture) => fixture.path), long, cd]) {
    const result = await measure(input, workDir);
    const kbps = (result.before * 8) / result.seconds / 1000;
    console.log(
      [
        path.basename(input).padEnd(31),
        result.seconds.toFixed(1).padStart(8),
        kbps.toFixed(0).padStart(8),
        (kbps > THRESHOLD_KBPS ? "yes" : "no (kept)").padEnd(11),
        mb(result.before),
        mb(result.after),
        `${(result.before / result.after).toFixed(1)}x`.padStart(5),
        (result.elapsed / result.seconds).toFixed(4).padStart(13),
        result.driftMs.toFixed(0).padStart(8),
        (result.peak / 1024).toFixed(1).padStart(15),
      ].join(" | "),
    );
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}
