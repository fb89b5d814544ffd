import { GetBucketCorsCommand, PutBucketReplicationCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStoppableS3 } from "../testing/outage";
import { replicationConfiguration, setUpBucket } from "./setup";

let s3: Awaited<ReturnType<typeof startStoppableS3>>;
beforeAll(async () => {
  s3 = await startStoppableS3();
});
afterAll(() => s3.dispose());

const options = { appOrigins: ["https://app.example.com"], versioning: true, noncurrentVersionExpiryDays: 30 };

describe("storage:setup against s3rver", () => {
  it("sets CORS, says which calls the store does not support, and goes on", async () => {
    const results = await setUpBucket(s3.storage, options);
    expect(results.map(({ outcome }) => outcome)).toEqual(["changed", "unsupported", "unsupported", "unsupported", "left as is", "unsupported"]);
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

describe("replication", () => {
  const replication = { bucket: "speech-coach-replica", roleArn: "arn:aws:iam::123456789012:role/speech-coach-replication" };

  it("against s3rver, which has none, says unsupported and the other steps still run", async () => {
    const results = await setUpBucket(s3.storage, { ...options, replication });
    expect(results.find(({ step }) => step.startsWith("replication"))).toMatchObject({ outcome: "unsupported" });
    expect(results.at(-1)!.step).toMatch(/^lifecycle/);
  });

  it("would send one rule copying users/ to the replica, delete markers included, through the role", async () => {
    // The request as the SDK signs it for S3, stopped just before it leaves.
    const client = new S3Client({ region: "eu-west-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } });
    const sent: { method: string; hostname: string; query: Record<string, unknown>; body: string }[] = [];
    class Stop extends Error {}
    client.middlewareStack.add(
      () => async (args) => {
        const request = args.request as { method: string; hostname: string; query: Record<string, unknown>; body: unknown };
        sent.push({ method: request.method, hostname: request.hostname, query: request.query, body: String(request.body) });
        throw new Stop();
      },
      { step: "finalizeRequest", name: "stopBeforeSending" },
    );
    await expect(
      client.send(new PutBucketReplicationCommand({ Bucket: "speech-coach", ReplicationConfiguration: replicationConfiguration(replication) })),
    ).rejects.toBeInstanceOf(Stop);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: "PUT", hostname: "speech-coach.s3.eu-west-1.amazonaws.com", query: { replication: "" } });
    expect(sent[0]!.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        "<Role>arn:aws:iam::123456789012:role/speech-coach-replication</Role>" +
        "<Rule><Status>Enabled</Status>" +
        "<Destination><Bucket>arn:aws:s3:::speech-coach-replica</Bucket><StorageClass>STANDARD_IA</StorageClass></Destination>" +
        "<ID>replicate-recordings</ID><Priority>1</Priority><Filter><Prefix>users/</Prefix></Filter>" +
        "<DeleteMarkerReplication><Status>Enabled</Status></DeleteMarkerReplication></Rule></ReplicationConfiguration>",
    );
  });
});
