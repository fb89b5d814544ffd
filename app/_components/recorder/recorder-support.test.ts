import { describe, expect, it } from "vitest";
import { explainMicrophoneError, extensionFor, pickRecordingType } from "./recorder-support";

describe("recording formats", () => {
  it("prefers MP4, then WebM with Opus", () => {
    expect(pickRecordingType(() => true)).toBe("audio/mp4");
    expect(pickRecordingType((type) => type.startsWith("audio/webm"))).toBe("audio/webm;codecs=opus");
    expect(pickRecordingType(() => false)).toBeUndefined();
    expect(extensionFor("audio/webm;codecs=opus")).toBe("webm");
    expect(extensionFor("audio/mp4")).toBe("m4a");
  });
});

describe("microphone errors", () => {
  it("explain denied permission and a missing microphone", () => {
    expect(explainMicrophoneError(new DOMException("", "NotAllowedError"))).toMatch(/denied/);
    expect(explainMicrophoneError(new DOMException("", "NotFoundError"))).toMatch(/No microphone/);
  });
});
