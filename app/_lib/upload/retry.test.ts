import { describe, expect, it } from "vitest";
import { nextStep, RETRY_DELAYS_MS } from "./retry";

const expired = { kind: "http" as const, status: 403, body: "<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message></Error>" };

describe("what an upload does after a failure", () => {
  it("retries network errors and 5xx until the schedule runs out", () => {
    expect(nextStep({ kind: "network" }, 1, 0)).toBe("retry");
    expect(nextStep({ kind: "http", status: 503, body: "" }, 3, 0)).toBe("retry");
    expect(nextStep({ kind: "network" }, RETRY_DELAYS_MS.length, 0)).toBe("give-up");
  });

  it("never retries a policy rejection", () => {
    expect(nextStep({ kind: "http", status: 400, body: "EntityTooLarge" }, 1, 0)).toBe("give-up");
    expect(nextStep({ kind: "http", status: 403, body: "AccessDenied" }, 1, 0)).toBe("give-up");
  });

  it("asks for a fresh policy once when the old one expired", () => {
    expect(nextStep(expired, 1, 0)).toBe("new-policy");
    expect(nextStep(expired, 1, 1)).toBe("give-up");
  });
});
