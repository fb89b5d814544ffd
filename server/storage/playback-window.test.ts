import { describe, expect, it } from "vitest";
import { playbackWindow } from "./playback-window";

const HOUR = 3600;
const at = (iso: string) => new Date(iso);

describe("playbackWindow", () => {
  it("signs every moment of a window with the window's start and one expiry", () => {
    const first = playbackWindow(at("2026-11-25T10:00:00.000Z"), HOUR, 600);
    const middle = playbackWindow(at("2026-11-25T10:31:07.250Z"), HOUR, 600);
    const last = playbackWindow(at("2026-11-25T10:59:59.999Z"), HOUR, 600);
    for (const window of [first, middle, last]) {
      expect(window.signedAt.toISOString()).toBe("2026-11-25T10:00:00.000Z");
      expect(window.expiresAt.toISOString()).toBe("2026-11-25T11:10:00.000Z");
      expect(window.expiresInSeconds).toBe(HOUR + 600);
    }
  });

  it("starts a new window, with a new signing time, on the boundary", () => {
    const next = playbackWindow(at("2026-11-25T11:00:00.000Z"), HOUR, 600);
    expect(next.signedAt.toISOString()).toBe("2026-11-25T11:00:00.000Z");
    expect(next.expiresAt.toISOString()).toBe("2026-11-25T12:10:00.000Z");
  });

  it("always leaves at least the TTL, and never more than window plus TTL", () => {
    const start = at("2026-11-25T00:00:00.000Z").getTime();
    for (let offset = 0; offset < 2 * 900_000; offset += 7_919) {
      const now = new Date(start + offset);
      const window = playbackWindow(now, 900, 30);
      const left = window.expiresAt.getTime() - now.getTime();
      expect(left).toBeGreaterThan(30_000);
      expect(left).toBeLessThanOrEqual(930_000);
      expect(window.signedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });
});
