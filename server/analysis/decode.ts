import "server-only";
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { audioToolsEnv } from "../audio-tools-env";

export const SAMPLE_RATE = 16_000;

export class UndecodableAudioError extends Error {
  constructor(reason: string) {
    super(`The audio could not be decoded: ${reason}`);
    this.name = "UndecodableAudioError";
  }
}

const ffmpegPath = () => audioToolsEnv.FFMPEG_PATH ?? ffmpegInstaller.path;

/**
 * Streams `source` through ffmpeg and hands 16 kHz mono float samples to `onSamples` as they come,
 * so memory stays bounded whatever the length. Source errors (a dropped S3 stream) are rethrown as
 * they are, to be retried; only what ffmpeg refuses becomes an UndecodableAudioError.
 */
export async function decodePcm(
  source: Readable,
  onSamples: (samples: Float32Array) => void,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let tempDir: string | undefined;
  try {
    const head = await readHead(chunks, 12);
    if (head.length === 0) throw new UndecodableAudioError("the file is empty.");
    const rest = Readable.from(prepend(head, chunks), { objectMode: false });
    if (isIsoMedia(head)) {
      // MP4 from iOS and most encoders puts its index (moov) after the audio, which ffmpeg cannot
      // reach through a pipe: such files are spooled to a temporary file (disk, not memory).
      tempDir = await mkdtemp(path.join(tmpdir(), "speech-coach-decode-"));
      const file = path.join(tempDir, "input.mp4");
      await pipeline(rest, createWriteStream(file), { signal });
      await runFfmpeg(file, undefined, onSamples, signal);
    } else {
      await runFfmpeg("pipe:0", rest, onSamples, signal);
    }
  } finally {
    source.destroy();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

async function readHead(chunks: AsyncIterator<Buffer | string>, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < bytes) {
    const next = await chunks.next();
    if (next.done) break;
    const part = Buffer.from(next.value);
    parts.push(part);
    length += part.length;
  }
  return Buffer.concat(parts);
}

async function* prepend(head: Buffer, chunks: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer> {
  yield head;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield Buffer.from(next.value);
}

const ISO_BOXES = new Set(["ftyp", "moov", "mdat", "wide", "free", "skip"]);
const isIsoMedia = (head: Buffer) => head.length >= 8 && ISO_BOXES.has(head.toString("latin1", 4, 8));

async function runFfmpeg(
  input: string,
  stdin: Readable | undefined,
  onSamples: (samples: Float32Array) => void,
  signal?: AbortSignal,
): Promise<void> {
  const args = ["-hide_banner", "-nostdin", "-v", "error", "-i", input, "-map", "0:a:0", "-vn"];
  args.push("-ac", "1", "-ar", String(SAMPLE_RATE), "-f", "f32le", "pipe:1");
  const child = spawn(ffmpegPath(), args, {
    stdio: [stdin ? "pipe" : "ignore", "pipe", "pipe"],
    signal,
    killSignal: "SIGKILL",
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  // Settles only once the process is gone (or never started), so an abort leaves no ffmpeg behind.
  let processError: Error | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once("close", resolve);
    child.once("error", (error) => {
      processError = error;
      if (child.pid === undefined) resolve(null);
    });
  });
  let sourceError: unknown;
  if (stdin && child.stdin) {
    // ffmpeg closes its input early when it gives up; its exit status then says why.
    child.stdin.on("error", () => {});
    stdin.on("error", (error) => {
      sourceError = error;
      child.kill("SIGKILL");
    });
    stdin.pipe(child.stdin);
  }
  let carry = Buffer.alloc(0);
  let decodedAny = false;
  try {
    for await (const chunk of child.stdout! as AsyncIterable<Buffer>) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const usable = bytes.length - (bytes.length % 4);
      carry = Buffer.from(bytes.subarray(usable));
      if (usable === 0) continue;
      decodedAny = true;
      onSamples(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + usable)));
    }
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    throw signal?.aborted ? signal.reason : error;
  }
  const code = await exited;
  signal?.throwIfAborted();
  if (sourceError) throw sourceError;
  if (processError) throw processError;
  if (code !== 0) throw new UndecodableAudioError(explain(stderr.replaceAll(input, "input")));
  if (!decodedAny) throw new UndecodableAudioError("the file contains no audio.");
}

// ffmpeg's own words are kept at the end for whoever debugs it; the start is for the person.
function explain(stderr: string): string {
  const detail = stderr.trim().split("\n").filter(Boolean).at(-1)?.replace(/^\[[^\]]*\]\s*/, "") ?? "";
  const said = (pattern: RegExp) => pattern.test(stderr);
  let reason = "ffmpeg could not read it.";
  if (said(/moov atom not found|partial file|Truncat|end of file|unexpected end/i)) {
    reason = "the file is incomplete or cut off.";
  } else if (said(/matches no streams|does not contain any stream|no audio/i)) {
    reason = "the file has no audio track.";
  } else if (said(/Invalid data found|could not find codec|Unknown format|not supported/i)) {
    reason = "the file is not audio in a format we can read.";
  }
  return detail ? `${reason} (${detail})` : reason;
}
