import { describe, expect, it } from "vitest";
import { URL_SAFETY_MARGIN_MS } from "./duration";
import { createPlaybackSource } from "./playback-source";

function setup(lifetimeSeconds = 60) {
  const clock = { now: 1_000_000 };
  let issued = 0;
  const source = createPlaybackSource(
    async () => ({ url: `https://storage.test/audio?n=${++issued}`, expiresInSeconds: lifetimeSeconds }),
    () => clock.now,
  );
  return { clock, source, issued: () => issued };
}

describe("createPlaybackSource", () => {
  it("fetches nothing until asked, then reuses the URL while it is good", async () => {
    const { source, clock, issued } = setup();
    expect(source.msUntilRefresh()).toBeNull();
    expect(source.hasExpired()).toBe(false);
    expect(issued()).toBe(0);

    const first = await source.usable();
    clock.now += 30_000;
    expect(await source.usable()).toBe(first);
    expect(issued()).toBe(1);
  });

  it("is due for replacement the safety margin before its lifetime ends, counted on the device's clock", async () => {
    const { source, clock } = setup(60);
    await source.usable();
    expect(source.msUntilRefresh()).toBe(60_000 - URL_SAFETY_MARGIN_MS);

    clock.now += 60_000 - URL_SAFETY_MARGIN_MS - 1;
    expect(source.hasExpired()).toBe(false);
    clock.now += 1;
    expect(source.hasExpired()).toBe(true);
    expect(await source.usable()).toMatch(/n=2$/);
    expect(source.msUntilRefresh()).toBe(60_000 - URL_SAFETY_MARGIN_MS);
  });

  it("gives a new URL on demand even while the current one is good", async () => {
    const { source } = setup();
    const first = await source.usable();
    const replacement = await source.fresh();
    expect(replacement).not.toBe(first);
    expect(await source.usable()).toBe(replacement);
  });
});
