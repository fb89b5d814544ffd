import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps paths on this site", () => {
    expect(safeNext("/invite/abc")).toBe("/invite/abc");
    expect(safeNext(["/recordings/new", "/x"])).toBe("/recordings/new");
  });

  it.each(["https://evil.example", "//evil.example/path", "/\\evil.example", "javascript:alert(1)", "", undefined])(
    "sends %j to the recordings instead",
    (next) => {
      expect(safeNext(next)).toBe("/recordings");
    },
  );
});
