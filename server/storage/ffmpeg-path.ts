import "server-only";
import installer from "@ffmpeg-installer/ffmpeg";

/** FFMPEG_PATH when set, else the binary npm installed for this platform. */
export function ffmpegPath(override: string | undefined) {
  return override ?? installer.path;
}
