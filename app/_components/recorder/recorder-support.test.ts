import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUALITY,
  explainMicrophoneError,
  extensionFor,
  pickRecordingType,
  RECORDING_QUALITIES,
} from "./recorder-support";

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

describe("recording qualities", () => {
  it("rise from speech to high, and the default keeps ten minutes under 5 MB", () => {
    const rates = Object.values(RECORDING_QUALITIES).map((quality) => quality.bitsPerSecond);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    // Containers add about 1%; leave room for it.
    expect((RECORDING_QUALITIES[DEFAULT_QUALITY].bitsPerSecond * 600) / 8 * 1.05).toBeLessThan(5_000_000);
  });
});
