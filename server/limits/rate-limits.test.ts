import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { callerFor, createUser, testServices } from "../testing/helpers";
import { clearExpiredRateLimits, createRateLimits } from "./rate-limits";

const upload = { fileName: "a.wav", contentType: "audio/wav", sizeBytes: 100 };

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("per-user rate limits", () => {
  it("refuses the request past the budget with TOO_MANY_REQUESTS and a wait time, per user", async () => {
    const services = testServices({
      rateLimits: createRateLimits(db, { createUpload: 3, confirmUpload: 3, playReport: 3 }),
    });
    services.settings = { ...services.settings, maxPendingUploads: 100 };
    const alice = callerFor(await createUser(), services);
    for (let i = 0; i < 3; i++) await alice.recording.createUpload(upload);
    const error = await failure(alice.recording.createUpload(upload));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/You are starting uploads too quickly\. Please wait \d+ s and try again\./);

    const bob = callerFor(await createUser(), services);
    await expect(bob.recording.createUpload(upload)).resolves.toHaveProperty("recordingId");
  });

  it("forgets budgets whose window has passed", async () => {
    const key = `createUpload:${randomUUID()}`;
    await db.rateLimiterFlexible.create({ data: { key, points: 3, expire: new Date(Date.now() - 1000) } });
    expect(await clearExpiredRateLimits(db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimiterFlexible.findUnique({ where: { key } })).toBeNull();
  });
});

describe("the cap on uploads in progress", () => {
  it("refuses another upload while the user has too many pending", async () => {
    const services = testServices();
    services.settings = { ...services.settings, maxPendingUploads: 2 };
    const caller = callerFor(await createUser(), services);
    await caller.recording.createUpload(upload);
    await caller.recording.createUpload(upload);
    const error = await failure(caller.recording.createUpload(upload));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toBe("You already have 2 uploads in progress. Let them finish, then try again.");
  });
});
