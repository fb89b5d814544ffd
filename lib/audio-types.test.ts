import { describe, expect, it } from "vitest";
import { normalizeContentType, sniffedExtensionMatches } from "./audio-types";

describe("normalizeContentType", () => {
  it.each([
    ["audio/webm;codecs=opus", "audio/webm"],
    ["audio/webm; codecs=\"opus\"", "audio/webm"],
    ["Audio/MP4", "audio/mp4"],
    ["audio/mp4;codecs=mp4a.40.2", "audio/mp4"],
    [" audio/x-m4a ", "audio/x-m4a"],
    ["audio/m4a", "audio/m4a"],
    ["audio/aac", "audio/aac"],
    ["audio/mpeg", "audio/mpeg"],
    ["audio/wav", "audio/wav"],
    ["audio/x-wav", "audio/x-wav"],
    ["audio/ogg;codecs=opus", "audio/ogg"],
    ["audio/flac", "audio/flac"],
  ])("%s is %s", (raw, expected) => {
    expect(normalizeContentType(raw)).toBe(expected);
  });

  it.each(["video/mp4", "text/plain", "application/octet-stream", "audio/", "audio/midi", "", "audio/webm/../x"])(
    "%j is not accepted",
    (raw) => {
      expect(normalizeContentType(raw)).toBeNull();
    },
  );
});

describe("sniffedExtensionMatches", () => {
  it("accepts MP4 audio that file-type labels as video (Safari's fragmented MP4)", () => {
    expect(sniffedExtensionMatches("mp4", "mp4")).toBe(true);
    expect(sniffedExtensionMatches("mp4", "m4a")).toBe(true);
  });

  it("accepts Chrome's WebM and Ogg Opus", () => {
    expect(sniffedExtensionMatches("webm", "webm")).toBe(true);
    expect(sniffedExtensionMatches("ogg", "opus")).toBe(true);
  });

  it("refuses a container other than the announced one", () => {
    expect(sniffedExtensionMatches("mp3", "ogg")).toBe(false);
    expect(sniffedExtensionMatches("wav", "mp3")).toBe(false);
  });
});
