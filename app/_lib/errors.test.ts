import { describe, expect, it } from "vitest";
import { getErrorMessage } from "./errors";

describe("getErrorMessage", () => {
  it("passes the message of an error through", () => {
    expect(getErrorMessage(new Error("A comment can be at most 2000 characters."))).toBe("A comment can be at most 2000 characters.");
  });

  it("says the server could not be reached when fetch gave up", () => {
    expect(getErrorMessage(new TypeError("Failed to fetch"))).toMatch(/Could not reach Speech Coach/);
    expect(getErrorMessage(new TypeError("Load failed"))).toMatch(/Could not reach Speech Coach/);
  });

  it("falls back for anything that is not an error with a message", () => {
    expect(getErrorMessage("boom", "Could not delete the recording.")).toBe("Could not delete the recording.");
    expect(getErrorMessage(new Error(""), "Could not save.")).toBe("Could not save.");
    expect(getErrorMessage(undefined)).toBe("Something went wrong. Try again.");
  });
});
