// Recordings made here with ffmpeg (npm @ffmpeg-installer/ffmpeg, or FFMPEG_PATH), and the truth
// to check durations against: where ffmpeg's decoding of a file ends.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { audioFixture } from "../../testing/audio-fixtures";

const ffmpeg = process.env.FFMPEG_PATH || ffmpegInstaller.path;
const workDir = mkdtempSync(path.join(tmpdir(), "speech-coach-ffmpeg-"));

/** Where decoding `file` ends, in ms, and whether `ffmpeg -i` found a Duration in its header. */
export function decodedLength(file: string) {
  const log = spawnSync(ffmpeg, ["-hide_banner", "-i", file, "-f", "null", "-"], { encoding: "utf8" }).stderr;
  const time = [...log.matchAll(/time=(\d+):(\d+):(\d+\.\d+)/g)].at(-1);
  if (!time) throw new Error(`ffmpeg could not decode ${file}:\n${log}`);
  return {
    ms: Math.round((Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3])) * 1000),
    headerStatesDuration: !/Duration: N\/A/.test(log),
  };
}

/** Raw AAC (ADTS), as ffmpeg's `-f adts` writes it, made from a shared fixture. */
export function adtsFrom(fixtureName: string) {
  const file = path.join(workDir, `${fixtureName}.aac`);
  execFileSync(ffmpeg, ["-loglevel", "error", "-y", "-i", audioFixture(fixtureName).path, "-c:a", "aac", "-f", "adts", file]);
  return { file, bytes: readFileSync(file) };
}
