import { describe, expect, it } from "vitest";
import { audioKey, compressedKey, parseAudioKey } from "./keys";

describe("audioKey", () => {
  it("follows the layout shared with the mobile app", () => {
    expect(audioKey("user_1", "0f8fad5b-d9cb-469f-a165-70867728950e", "audio/webm")).toBe(
      "users/user_1/recordings/0f8fad5b-d9cb-469f-a165-70867728950e/audio.webm",
    );
  });

  it.each([
    ["audio/mp4", "m4a"],
    ["audio/x-m4a", "m4a"],
    ["audio/mpeg", "mp3"],
    ["audio/x-wav", "wav"],
    ["audio/ogg", "ogg"],
    ["audio/flac", "flac"],
    ["audio/aac", "aac"],
  ])("uses the extension of %s", (contentType, extension) => {
    expect(audioKey("u", "r", contentType)).toBe(`users/u/recordings/r/audio.${extension}`);
  });

  it.each([["../etc"], ["a/b"], [""], ["ü"], ["x".repeat(65)]])("refuses an unsafe id %j", (id) => {
    expect(() => audioKey(id, "r", "audio/wav")).toThrow();
    expect(() => audioKey("u", id, "audio/wav")).toThrow();
  });

  it("refuses a type that is not accepted audio", () => {
    expect(() => audioKey("u", "r", "text/html")).toThrow();
  });
});

describe("compressedKey", () => {
  it("sits beside the original under the recording's prefix, new for each token", () => {
    expect(compressedKey("u1", "r1", "a1b2c3")).toBe("users/u1/recordings/r1/speech-a1b2c3.m4a");
    expect(() => compressedKey("u1", "r1", "../x")).toThrow();
  });
});

describe("parseAudioKey", () => {
  it("reads back the owner and recording, of an upload or its compressed audio", () => {
    expect(parseAudioKey("users/u1/recordings/r1/audio.m4a")).toEqual({ userId: "u1", recordingId: "r1" });
    expect(parseAudioKey("users/u1/recordings/r1/speech-a1b2c3.m4a")).toEqual({ userId: "u1", recordingId: "r1" });
  });

  it.each(["users/u1/recordings/r1/other.m4a", "users/u1/r1/audio.m4a", "elsewhere/u1/recordings/r1/audio.m4a"])(
    "ignores %s",
    (key) => {
      expect(parseAudioKey(key)).toBeNull();
    },
  );
});
