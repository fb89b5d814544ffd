import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";

function setUp() {
  const clock = { now: 0 };
  const breaker = new CircuitBreaker({ freshMs: 10_000, cooldownMs: 5_000, now: () => clock.now });
  const probes = { count: 0, fail: false };
  const probe = async () => {
    probes.count += 1;
    breaker.record(!probes.fail);
    if (probes.fail) throw new Error("S3 is down");
  };
  const refusal = () => new Error("refused at once");
  return { clock, breaker, probes, ensure: () => breaker.ensureAvailable(probe, refusal) };
}

describe("the S3 circuit breaker", () => {
  it("asks S3 when it knows nothing, then trusts a recent success without asking", async () => {
    const { probes, ensure, clock } = setUp();
    await ensure();
    expect(probes.count).toBe(1);
    clock.now = 9_999;
    await ensure();
    expect(probes.count).toBe(1);
    clock.now = 10_000;
    await ensure();
    expect(probes.count).toBe(2);
  });

  it("is kept closed by the results of real requests", async () => {
    const { breaker, probes, ensure, clock } = setUp();
    for (const at of [0, 8_000, 16_000]) {
      clock.now = at;
      breaker.record(true);
      await ensure();
    }
    expect(probes.count).toBe(0);
  });

  it("opens on a failure, refuses at once during the cool-down, then lets one probe through", async () => {
    const { breaker, probes, ensure, clock } = setUp();
    breaker.record(false);
    probes.fail = true;
    await expect(ensure()).rejects.toThrow("refused at once");
    clock.now = 4_999;
    await expect(ensure()).rejects.toThrow("refused at once");
    expect(probes.count).toBe(0);
    clock.now = 5_000;
    await expect(ensure()).rejects.toThrow("S3 is down");
    expect(probes.count).toBe(1);
    // The failed probe reopened it: refused at once again.
    await expect(ensure()).rejects.toThrow("refused at once");
    clock.now = 10_000;
    probes.fail = false;
    await ensure();
    await ensure();
    expect(probes.count).toBe(2);
  });

  it("runs one probe for every caller waiting on it", async () => {
    const { probes, breaker } = setUp();
    let release!: () => void;
    const slowProbe = () =>
      new Promise<void>((resolve) => {
        probes.count += 1;
        release = () => {
          breaker.record(true);
          resolve();
        };
      });
    const waiting = Array.from({ length: 5 }, () => breaker.ensureAvailable(slowProbe, () => new Error("refused")));
    release();
    await Promise.all(waiting);
    expect(probes.count).toBe(1);
  });
});
