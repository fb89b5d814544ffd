import { createVerify, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cdnSignedUrl } from "./cdn";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const cdn = {
  url: "https://cdn.example.test/",
  keyPairId: "K2JCJMDEHXQW5F",
  privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
};
const key = "users/u1/recordings/r1/audio.m4a";

// CloudFront's URL-safe base64: + becomes -, = becomes _, / becomes ~.
function fromCloudFrontBase64(value: string) {
  return Buffer.from(value.replace(/-/g, "+").replace(/_/g, "=").replace(/~/g, "/"), "base64");
}

describe("cdnSignedUrl", () => {
  it("signs the object's CDN address with a canned policy that ends at the expiry", () => {
    const expiresAt = new Date("2026-11-25T11:10:00.000Z");
    const url = new URL(cdnSignedUrl(cdn, key, expiresAt));
    expect(`${url.origin}${url.pathname}`).toBe(`https://cdn.example.test/${key}`);
    expect(url.searchParams.get("Key-Pair-Id")).toBe(cdn.keyPairId);
    const expires = Number(url.searchParams.get("Expires"));
    expect(expires).toBe(expiresAt.getTime() / 1000);

    // The policy CloudFront rebuilds from the URL and checks the signature against.
    const policy = JSON.stringify({
      Statement: [{ Resource: `https://cdn.example.test/${key}`, Condition: { DateLessThan: { "AWS:EpochTime": expires } } }],
    });
    const verifier = createVerify("RSA-SHA1");
    verifier.update(policy);
    expect(verifier.verify(publicKey, fromCloudFrontBase64(url.searchParams.get("Signature")!))).toBe(true);
  });

  it("gives the same URL for the same object and expiry, and another for another expiry", () => {
    const expiresAt = new Date("2026-11-25T11:10:00.000Z");
    expect(cdnSignedUrl(cdn, key, expiresAt)).toBe(cdnSignedUrl(cdn, key, new Date(expiresAt)));
    expect(cdnSignedUrl(cdn, key, new Date(expiresAt.getTime() + 3600_000))).not.toBe(cdnSignedUrl(cdn, key, expiresAt));
  });
});
