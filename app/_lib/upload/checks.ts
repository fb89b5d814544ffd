import { ACCEPTED_CONTENT_TYPES, normalizeContentType } from "@/lib/audio-types";
import { formatBytes } from "@/lib/format";

// Browsers leave File.type empty for some audio files (and Linux reports .m4a oddly), so the
// extension decides when the type says nothing useful.
const BY_EXTENSION: Record<string, string> = {
  m4a: "audio/mp4",
  mp4: "audio/mp4",
  aac: "audio/aac",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  webm: "audio/webm",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  oga: "audio/ogg",
  flac: "audio/flac",
};

export const ACCEPT_ATTRIBUTE = [...ACCEPTED_CONTENT_TYPES, ...Object.keys(BY_EXTENSION).map((ext) => `.${ext}`)].join(",");

export function contentTypeFor(file: { name: string; type: string }): string | null {
  const declared = file.type ? normalizeContentType(file.type) : null;
  if (declared) return file.type;
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return BY_EXTENSION[extension] ?? null;
}

export type PreCheck = { ok: true; contentType: string } | { ok: false; message: string };

/** The browser's own check before asking for a policy; the server checks again. */
export function checkBeforeUpload(file: { name: string; type: string; size: number }, maxBytes: number): PreCheck {
  const contentType = contentTypeFor(file);
  if (!contentType) return { ok: false, message: `"${file.name}" is not an audio file we accept (m4a, mp3, wav, webm, ogg, flac).` };
  if (file.size === 0) return { ok: false, message: "The file is empty." };
  if (file.size > maxBytes) {
    return { ok: false, message: `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.` };
  }
  return { ok: true, contentType };
}
