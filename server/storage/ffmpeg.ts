import "server-only";
import { spawn } from "node:child_process";

/**
 * The encoding recordings are stored in once compressed (docs/decisions/0011): AAC-LC, mono,
 * 48 kb/s at 48 kHz, in an M4A with its index up front. It plays in every browser and on iOS and
 * Android; 48 kHz keeps AAC's 1,024-sample frames at 21 ms, so the length stays within one frame.
 */
export const SPEECH_ENCODING = {
  contentType: "audio/mp4",
  extension: "m4a",
  args: ["-ac", "1", "-ar", "48000", "-c:a", "aac", "-b:a", "48k", "-movflags", "+faststart"],
} as const;

/** Runs ffmpeg from input to output with the speech encoding; resolves with ffmpeg's process id. */
export function encodeSpeech(
  ffmpegPath: string,
  input: string,
  output: string,
  onStart?: (pid: number) => void,
): Promise<void> {
  const args = ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", input, "-vn", "-map_metadata", "-1"];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, [...args, ...SPEECH_ENCODING.args, output], { stdio: ["ignore", "ignore", "pipe"] });
    if (child.pid !== undefined) onStart?.(child.pid);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg failed (${signal ?? code}): ${stderr.trim() || "no message"}`));
    });
  });
}
