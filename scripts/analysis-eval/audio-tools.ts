// The external programs the evaluation leans on: ffmpeg to decode and change speed, espeak-ng to speak
// text at known rates, Praat as the independent F0 reference and ffmpeg's ebur128 filter as the
// independent loudness reference.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { SAMPLE_RATE, decodePcm } from "../../server/analysis/decode";

export { SAMPLE_RATE };

export async function decodeFile(file: string): Promise<Float32Array> {
  return decodeBuffer(readFileSync(file));
}

async function decodeBuffer(bytes: Buffer): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  await decodePcm(Readable.from([bytes]), (samples) => parts.push(samples));
  return concat(parts);
}

export function concat(parts: Float32Array[]): Float32Array {
  const result = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}

/** 32-bit float WAV, so added noise never clips. */
export function wav(samples: Float32Array): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + samples.byteLength, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(3, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(32, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(samples.byteLength, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]);
}

/** ffmpeg's atempo: the same speech faster or slower at the same pitch. */
export function changeTempo(samples: Float32Array, tempo: number): Float32Array {
  const output = execFileSync(
    ffmpegInstaller.path,
    ["-v", "error", "-f", "f32le", "-ar", String(SAMPLE_RATE), "-ac", "1", "-i", "pipe:0", "-af", `atempo=${tempo}`, "-f", "f32le", "pipe:1"],
    { input: Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength), maxBuffer: 1024 ** 3 },
  );
  return new Float32Array(output.buffer.slice(output.byteOffset, output.byteOffset + output.byteLength - (output.byteLength % 4)));
}

export async function speak(text: string, voice: string, wordsPerMinute: number): Promise<Float32Array> {
  const output = execFileSync("espeak-ng", ["-v", voice, "-s", String(wordsPerMinute), "--stdout", text], { maxBuffer: 1024 ** 3 });
  return decodeBuffer(output);
}

const PRAAT_SCRIPT = `form F0
  sentence file
endform
Read from file: file$
To Pitch: 0, 60, 500
median = Get quantile: 0, 0, 0.5, "Hertz"
writeInfoLine: fixed$(median, 3)
`;

/** Median F0 by Praat's autocorrelation pitch (60–500 Hz, the range our tracker accepts). */
export function praatMedianF0(samples: Float32Array): number {
  return withTempDir((dir) => {
    writeFileSync(path.join(dir, "f0.praat"), PRAAT_SCRIPT);
    writeFileSync(path.join(dir, "audio.wav"), wav(samples));
    const printed = execFileSync("praat", ["--run", path.join(dir, "f0.praat"), path.join(dir, "audio.wav")], { encoding: "utf8" });
    return Number.parseFloat(printed);
  });
}

/** Integrated loudness and loudness range from ffmpeg's ebur128 filter (its summary on stderr). */
export function ffmpegLoudness(samples: Float32Array): { integratedLufs: number; rangeLu: number } {
  const run = spawnSync(ffmpegInstaller.path, ["-hide_banner", "-nostats", "-i", "pipe:0", "-af", "ebur128", "-f", "null", "-"], {
    input: wav(samples),
    encoding: "utf8",
    maxBuffer: 1024 ** 3,
  });
  const summary = run.stderr.slice(run.stderr.lastIndexOf("Summary:"));
  const integrated = /I:\s+(-?[\d.]+) LUFS/.exec(summary);
  const range = /LRA:\s+(-?[\d.]+) LU/.exec(summary);
  if (!integrated || !range) throw new Error(`ffmpeg ebur128 printed no summary:\n${run.stderr.slice(-500)}`);
  return { integratedLufs: Number(integrated[1]), rangeLu: Number(range[1]) };
}

function withTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "analysis-eval-"));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
