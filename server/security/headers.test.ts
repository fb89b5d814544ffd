import { describe, expect, it } from "vitest";
import { securityHeaders, storageOrigins } from "./headers";

describe("security headers", () => {
  const headers = securityHeaders({
    storageOrigins: storageOrigins({ bucket: "audio", region: "eu-west-1" }),
    development: false,
  });
  const csp = Object.fromEntries(
    headers["Content-Security-Policy"].split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name, values];
    }),
  );

  it("lets the browser POST uploads to and stream audio from the bucket, and nothing else", () => {
    expect(csp["connect-src"]).toEqual(["'self'", "https://audio.s3.eu-west-1.amazonaws.com", "https://audio.s3.amazonaws.com", "https://s3.eu-west-1.amazonaws.com"]);
    expect(csp["media-src"]).toContain("https://audio.s3.eu-west-1.amazonaws.com");
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("forbids framing and sniffing and trims the referrer", () => {
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("adds the CDN's origin when playback goes through one", () => {
    expect(storageOrigins({ bucket: "b", region: "eu-west-1", cdnUrl: "https://d1.cloudfront.net/audio" })).toContain(
      "https://d1.cloudfront.net",
    );
  });

  it("uses the configured endpoint's origin for S3-compatible stores", () => {
    expect(storageOrigins({ bucket: "b", region: "auto", endpoint: "https://acc.r2.cloudflarestorage.com/path" })).toEqual([
      "https://acc.r2.cloudflarestorage.com",
    ]);
  });
});
