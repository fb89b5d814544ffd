import { describe, expect, it } from "vitest";
import { cleanTitle, formatBytes, titleFromFileName } from "./format";

describe("formatBytes", () => {
  it.each([
    [0, "0 bytes"],
    [1023, "1023 bytes"],
    [1536, "1.5 KB"],
    [52428800, "50 MB"],
    [1073741824, "1 GB"],
  ])("%d is %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe("titles", () => {
  it("come from the file name without its folder or extension", () => {
    expect(titleFromFileName("C:\\talks\\Wedding toast.m4a")).toBe("Wedding toast");
    expect(titleFromFileName("../../etc/passwd")).toBe("passwd");
  });

  it("lose control characters and keep any other Unicode", () => {
    expect(cleanTitle("Línea\u0000 uno\r\n\u202e dos 🎤")).toBe("Línea uno \u202e dos 🎤");
    expect(cleanTitle("x".repeat(300))).toHaveLength(200);
  });
});
