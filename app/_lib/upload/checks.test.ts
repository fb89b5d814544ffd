import { describe, expect, it } from "vitest";
import { checkBeforeUpload, contentTypeFor } from "./checks";

const MB = 1024 * 1024;

describe("checkBeforeUpload", () => {
  it("accepts audio by type, or by extension when the browser gives no type", () => {
    expect(checkBeforeUpload({ name: "a.m4a", type: "audio/x-m4a", size: 10 }, MB)).toEqual({ ok: true, contentType: "audio/x-m4a" });
    expect(checkBeforeUpload({ name: "take.webm", type: "", size: 10 }, MB)).toEqual({ ok: true, contentType: "audio/webm" });
    expect(contentTypeFor({ name: "rec.webm", type: "audio/webm;codecs=opus" })).toBe("audio/webm;codecs=opus");
  });

  it("refuses empty files, files over the limit and anything not audio, in plain words", () => {
    expect(checkBeforeUpload({ name: "empty.wav", type: "audio/wav", size: 0 }, MB)).toEqual({ ok: false, message: "The file is empty." });
    expect(checkBeforeUpload({ name: "big.wav", type: "audio/wav", size: 3 * MB }, MB)).toEqual({
      ok: false,
      message: "The file is 3 MB; the limit is 1 MB.",
    });
    expect(checkBeforeUpload({ name: "notes.txt", type: "text/plain", size: 10 }, MB)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not an audio file/),
    });
  });
});
