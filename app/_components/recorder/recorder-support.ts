// Safari records AAC in MP4 and Chrome and Firefox Opus in WebM; prefer MP4 where it is offered.
const PREFERRED_TYPES = ["audio/mp4", "audio/webm;codecs=opus", "audio/webm"];

export function pickRecordingType(isSupported: (type: string) => boolean): string | undefined {
  return PREFERRED_TYPES.find((type) => isSupported(type));
}

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
