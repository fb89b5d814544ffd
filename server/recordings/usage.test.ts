// The per-user usage counter must always equal what it replaces: the sum of the sizes of the
// user's PENDING and READY recordings, whatever happens to them and in whatever order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { callerFor, createUser, fixture, postToStorage, testServices } from "../testing/helpers";
import { expireUpload } from "../jobs/sweeper";
import { usedBytes } from "./usage";
import { QUOTA_STATUSES } from "./view";

type Operation = "upload" | "uploadAndConfirm" | "uploadBadAndConfirm" | "deleteOldest" | "deleteNewest" | "expirePending";
const OPERATIONS: Operation[] = ["upload", "uploadAndConfirm", "uploadBadAndConfirm", "deleteOldest", "deleteNewest", "expirePending"];

async function summed(ownerId: string) {
  const { _sum } = await db.recording.aggregate({
    where: { ownerId, status: { in: QUOTA_STATUSES } },
    _sum: { sizeBytes: true },
  });
  return _sum.sizeBytes ?? 0;
}

async function run(ownerId: string, operation: Operation) {
  const caller = callerFor({ id: ownerId, role: "student" });
  const upload = async (name: string) => {
    const file = fixture(name);
    const created = await caller.recording.createUpload({ fileName: name, contentType: file.contentType, sizeBytes: file.bytes.length });
    return { created, post: () => postToStorage(created.upload, file.bytes, file.contentType) };
  };
  if (operation === "upload") await upload("speech-short.mp3");
  if (operation === "uploadAndConfirm" || operation === "uploadBadAndConfirm") {
    const { created, post } = await upload(operation === "uploadAndConfirm" ? "speech-short.wav" : "not-audio.m4a");
    await post();
    await caller.recording.confirmUpload({ recordingId: created.recordingId });
  }
  if (operation === "deleteOldest" || operation === "deleteNewest") {
    const { items } = await caller.recording.list({ limit: 100 });
    const target = operation === "deleteNewest" ? items[0] : items.at(-1);
    if (target) await caller.recording.delete({ recordingId: target.id });
  }
  if (operation === "expirePending") {
    // What the uploads.expire job does once an upload's window has passed.
    const pending = await db.recording.findMany({ where: { ownerId, status: "PENDING" }, select: { id: true } });
    for (const { id } of pending) await expireUpload(testServices(), id);
  }
}

describe("the storage usage counter", () => {
  it("equals the sum over the user's recordings after any sequence of uploads, confirms, deletions and expiries", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...OPERATIONS), { minLength: 1, maxLength: 8 }), async (operations) => {
        const owner = await createUser();
        for (const operation of operations) {
          await run(owner.id, operation);
          expect(await usedBytes(db, owner.id)).toBe(await summed(owner.id));
        }
      }),
      { numRuns: 8 },
    );
  });

  it("is what recording.usage reports", async () => {
    const owner = await createUser();
    await run(owner.id, "uploadAndConfirm");
    await run(owner.id, "upload");
    const usage = await callerFor(owner).recording.usage();
    expect(usage.bytesUsed).toBe(await summed(owner.id));
    expect(usage.bytesUsed).toBe(fixture("speech-short.wav").bytes.length + fixture("speech-short.mp3").bytes.length);
  });
});
