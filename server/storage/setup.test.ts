import { GetBucketCorsCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStoppableS3 } from "../testing/outage";
import { setUpBucket } from "./setup";

let s3: Awaited<ReturnType<typeof startStoppableS3>>;
beforeAll(async () => {
  s3 = await startStoppableS3();
});
afterAll(() => s3.dispose());

const options = { appOrigins: ["https://app.example.com"], versioning: true, noncurrentVersionExpiryDays: 30 };

describe("storage:setup against s3rver", () => {
  it("sets CORS, says which calls the store does not support, and goes on", async () => {
    const results = await setUpBucket(s3.storage, options);
    expect(results.map(({ outcome }) => outcome)).toEqual(["changed", "unsupported", "unsupported", "unsupported", "unsupported"]);
    const cors = await s3.storage.client.send(new GetBucketCorsCommand({ Bucket: s3.config.bucket }));
    expect(cors.CORSRules?.[0]).toMatchObject({
      AllowedOrigins: ["https://app.example.com"],
      AllowedMethods: ["GET", "HEAD", "POST"],
      ExposeHeaders: expect.arrayContaining(["ETag", "Content-Range"]),
    });
  });

  it("is idempotent: a second run changes nothing", async () => {
    const results = await setUpBucket(s3.storage, options);
    expect(results[0]).toMatchObject({ outcome: "unchanged" });
    expect(results.some(({ outcome }) => outcome === "changed")).toBe(false);
  });

  it("leaves versioning alone unless asked", async () => {
    const results = await setUpBucket(s3.storage, { ...options, versioning: false });
    expect(results.find(({ step }) => step === "versioning")).toMatchObject({ outcome: "left as is" });
  });
});
