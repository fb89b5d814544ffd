// Safari records AAC in MP4 and Chrome and Firefox Opus in WebM; prefer MP4 where it is offered.
const PREFERRED_TYPES = ["audio/mp4", "audio/webm;codecs=opus", "audio/webm"];

export function pickRecordingType(isSupported: (type: string) => boolean): string | undefined {
  return PREFERRED_TYPES.find((type) => isSupported(type));
}

/**
 * Recording quality, as the bitrate asked of MediaRecorder. Opus and AAC are clear for speech at
 * 24 kb/s; the default keeps a 10-minute take near 3.6 MB, well under 5 MB.
 */
export const RECORDING_QUALITIES = {
  speech: { label: "Speech (smallest)", bitsPerSecond: 24_000 },
  standard: { label: "Standard", bitsPerSecond: 48_000 },
  high: { label: "High (music, singing)", bitsPerSecond: 128_000 },
} as const;
export type RecordingQuality = keyof typeof RECORDING_QUALITIES;
export const DEFAULT_QUALITY: RecordingQuality = "standard";

export function extensionFor(mimeType: string) {
  return mimeType.startsWith("audio/mp4") ? "m4a" : mimeType.startsWith("audio/ogg") ? "ogg" : "webm";
}

export function explainMicrophoneError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "Microphone access was denied. Allow the microphone for this site in your browser's settings, then try again.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return "No microphone was found. Connect one, then try again.";
  }
  if (name === "NotReadableError") return "The microphone is in use by another application.";
  return "Recording could not start in this browser.";
}
