import { describe, expect, it } from "vitest";
import { contentDisposition, SERVER_SIDE_ENCRYPTION, Storage } from "./storage";

const storage = new Storage({
  bucket: "policy-bucket",
  region: "eu-west-1",
  endpoint: "http://127.0.0.1:9",
  forcePathStyle: true,
  requestTimeoutMs: 1000,
});

function decodePolicy(fields: Record<string, string>) {
  return JSON.parse(Buffer.from(fields.Policy!, "base64").toString("utf8")) as {
    expiration: string;
    conditions: unknown[];
  };
}

describe("the presigned POST policy", () => {
  const key = "users/u1/recordings/r1/audio.m4a";

  it("pins the exact key, content type, size, encryption, caching for good and a short expiry", async () => {
    process.env.AWS_ACCESS_KEY_ID ??= "test";
    process.env.AWS_SECRET_ACCESS_KEY ??= "test";
    const before = Date.now();
    const { url, fields } = await storage.presignUpload({
      key,
      contentType: "audio/mp4",
      sizeBytes: 19765,
      expiresInSeconds: 600,
    });
    expect(url).toBe("http://127.0.0.1:9/policy-bucket");
    expect(fields).toMatchObject({
      key,
      "Content-Type": "audio/mp4",
      "x-amz-server-side-encryption": SERVER_SIDE_ENCRYPTION,
      "Cache-Control": "private, max-age=31536000, immutable",
    });
    const policy = decodePolicy(fields);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: "policy-bucket" },
        { key },
        ["eq", "$Content-Type", "audio/mp4"],
        ["content-length-range", 19765, 19765],
        ["eq", "$x-amz-server-side-encryption", "AES256"],
        ["eq", "$Cache-Control", "private, max-age=31536000, immutable"],
      ]),
    );
    // No condition leaves the key open to a prefix the client could choose.
    expect(policy.conditions).not.toContainEqual(expect.arrayContaining(["starts-with", "$key"]));
    const expiresIn = new Date(policy.expiration).getTime() - before;
    expect(expiresIn).toBeGreaterThan(590_000);
    expect(expiresIn).toBeLessThanOrEqual(601_000);
  });
});

describe("contentDisposition", () => {
  it("plays inline and keeps any title from breaking the header", () => {
    const header = contentDisposition('Mon "talk"\r\nX-Evil: 1 — ü.m4a');
    expect(header).toMatch(/^inline; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain("filename*=UTF-8''Mon%20%22talk%22%0D%0AX-Evil%3A%201%20%E2%80%94%20%C3%BC.m4a");
  });
});
