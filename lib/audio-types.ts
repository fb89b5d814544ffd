// The audio formats we accept, keyed by the canonical content type stored with a recording.
// `family` groups the container formats that file sniffing can tell apart.
export type ContainerFamily = "mp4" | "aac" | "mp3" | "wav" | "webm" | "ogg" | "flac";

interface AudioType {
  extension: string;
  family: ContainerFamily;
}

const AUDIO_TYPES: Record<string, AudioType> = {
  "audio/mp4": { extension: "m4a", family: "mp4" },
  "audio/x-m4a": { extension: "m4a", family: "mp4" },
  "audio/m4a": { extension: "m4a", family: "mp4" },
  "audio/aac": { extension: "aac", family: "aac" },
  "audio/mpeg": { extension: "mp3", family: "mp3" },
  "audio/mp3": { extension: "mp3", family: "mp3" },
  "audio/wav": { extension: "wav", family: "wav" },
  "audio/x-wav": { extension: "wav", family: "wav" },
  "audio/wave": { extension: "wav", family: "wav" },
  "audio/webm": { extension: "webm", family: "webm" },
  "audio/ogg": { extension: "ogg", family: "ogg" },
  "audio/flac": { extension: "flac", family: "flac" },
  "audio/x-flac": { extension: "flac", family: "flac" },
};

export const ACCEPTED_CONTENT_TYPES = Object.keys(AUDIO_TYPES);

/**
 * Lower-cases a MIME type and drops parameters such as `;codecs=opus` that MediaRecorder adds.
 * Returns null for anything that is not an accepted audio type.
 */
export function normalizeContentType(raw: string): string | null {
  const essence = raw.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence in AUDIO_TYPES ? essence : null;
}

export function audioTypeOf(contentType: string): AudioType {
  const type = AUDIO_TYPES[contentType];
  if (!type) throw new Error(`not an accepted audio type: ${contentType}`);
  return type;
}

// What file-type reports for each family. MP4 audio is often labelled video/mp4 by its brand
// (Safari's fragmented MP4 among them), so the family is matched on the container alone.
const SNIFFED_EXTENSIONS: Record<ContainerFamily, string[]> = {
  mp4: ["m4a", "mp4", "m4b", "m4p", "m4v", "mov", "3gp"],
  aac: ["aac", "m4a", "mp4"],
  mp3: ["mp3"],
  wav: ["wav"],
  webm: ["webm", "mkv"],
  ogg: ["opus", "ogg", "oga", "spx"],
  flac: ["flac"],
};

export function sniffedExtensionMatches(family: ContainerFamily, extension: string) {
  return SNIFFED_EXTENSIONS[family].includes(extension);
}
