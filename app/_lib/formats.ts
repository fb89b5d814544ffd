/** A person's name for an audio type: "M4A (AAC)" rather than "audio/x-m4a". */
export function formatName(contentType: string | null): string {
  if (!contentType) return "—";
  const names: Record<string, string> = {
    "audio/mp4": "M4A (AAC)",
    "audio/x-m4a": "M4A (AAC)",
    "audio/m4a": "M4A (AAC)",
    "audio/aac": "AAC",
    "audio/mpeg": "MP3",
    "audio/wav": "WAV",
    "audio/x-wav": "WAV",
    "audio/webm": "WebM (Opus)",
    "audio/ogg": "Ogg (Opus)",
    "audio/flac": "FLAC",
  };
  return names[contentType] ?? contentType;
}
