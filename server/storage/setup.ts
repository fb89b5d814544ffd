import "server-only";
import {
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketReplicationCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3ServiceException,
  type CORSRule,
  type LifecycleRule,
  type ReplicationConfiguration,
} from "@aws-sdk/client-s3";
import { isDeepStrictEqual } from "node:util";
import { SERVER_SIDE_ENCRYPTION, type Storage } from "./storage";

export interface BucketSetupOptions {
  appOrigins: string[];
  versioning: boolean;
  noncurrentVersionExpiryDays: number;
  /** Copy every recording to this bucket (another region), assuming this IAM role. */
  replication?: { bucket: string; roleArn: string };
}

type StepOutcome = "changed" | "unchanged" | "unsupported" | "left as is";

export interface StepResult {
  step: string;
  outcome: StepOutcome;
  detail?: string;
}

// Stores that lack an API answer with one of these: NotImplemented, 405 or 501 usually; s3rver
// does not know `?versioning` at all and takes the PUT for "create bucket" (BucketAlreadyExists).
function isUnsupported(error: unknown) {
  return (
    error instanceof S3ServiceException &&
    (["NotImplemented", "MethodNotAllowed", "XNotImplemented", "BucketAlreadyExists"].includes(error.name) ||
      [405, 501].includes(error.$metadata.httpStatusCode ?? 0))
  );
}

// "Nothing configured yet" answers from the Get* calls.
const NOT_CONFIGURED = new Set([
  "NoSuchCORSConfiguration",
  "NoSuchPublicAccessBlockConfiguration",
  "ServerSideEncryptionConfigurationNotFoundError",
  "NoSuchLifecycleConfiguration",
  "ReplicationConfigurationNotFoundError",
]);

async function current<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof S3ServiceException && NOT_CONFIGURED.has(error.name)) return null;
    throw error;
  }
}

/** Reads a setting, writes the wanted one only if it differs, and says which happened. */
async function ensure<T>(
  step: string,
  read: () => Promise<T | null>,
  wanted: T,
  write: () => Promise<unknown>,
): Promise<StepResult> {
  try {
    const existing = await current(read);
    if (isDeepStrictEqual(existing, wanted)) return { step, outcome: "unchanged" };
    await write();
    return { step, outcome: "changed" };
  } catch (error) {
    if (isUnsupported(error)) return { step, outcome: "unsupported", detail: "this store does not support it" };
    throw error;
  }
}

function corsRules(appOrigins: string[]): CORSRule[] {
  return [
    {
      AllowedOrigins: appOrigins,
      AllowedMethods: ["GET", "HEAD", "POST"],
      AllowedHeaders: ["*"],
      ExposeHeaders: ["ETag", "Content-Range", "Accept-Ranges", "Content-Length"],
      MaxAgeSeconds: 3000,
    },
  ];
}

function lifecycleRules(options: BucketSetupOptions): LifecycleRule[] {
  const rules: LifecycleRule[] = [
    {
      ID: "abort-incomplete-multipart-uploads",
      Status: "Enabled",
      Filter: { Prefix: "" },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    },
  ];
  if (options.versioning) {
    rules.push({
      ID: "expire-noncurrent-versions",
      Status: "Enabled",
      Filter: { Prefix: "" },
      NoncurrentVersionExpiration: { NoncurrentDays: options.noncurrentVersionExpiryDays },
    });
  }
  return rules;
}

/**
 * One rule: every object under users/ goes to the replica, deletions included as delete markers
 * (the replica keeps the deleted version as noncurrent, for its own noncurrent expiry to remove),
 * so the replica mirrors the bucket and a region outage or a deleted version can be recovered.
 */
export function replicationConfiguration(replication: { bucket: string; roleArn: string }): ReplicationConfiguration {
  return {
    Role: replication.roleArn,
    Rules: [
      {
        ID: "replicate-recordings",
        Status: "Enabled",
        Priority: 1,
        Filter: { Prefix: "users/" },
        DeleteMarkerReplication: { Status: "Enabled" },
        Destination: { Bucket: `arn:aws:s3:::${replication.bucket}`, StorageClass: "STANDARD_IA" },
      },
    ],
  };
}

/**
 * Configures the bucket for production, idempotently: CORS for uploads and ranged playback,
 * no public access, default encryption, optional versioning with expiry of old versions, and
 * clean-up of abandoned multipart uploads.
 */
export async function setUpBucket(storage: Storage, options: BucketSetupOptions): Promise<StepResult[]> {
  const { client, bucket: Bucket } = storage;
  const results: StepResult[] = [];

  const cors = corsRules(options.appOrigins);
  results.push(
    await ensure(
      "CORS: POST from the app, GET with Range, ETag and Content-Range exposed",
      async () => (await client.send(new GetBucketCorsCommand({ Bucket }))).CORSRules?.map(({ ID: _id, ...rule }) => rule) ?? null,
      cors,
      () => client.send(new PutBucketCorsCommand({ Bucket, CORSConfiguration: { CORSRules: cors } })),
    ),
  );

  const blockAll = {
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
  };
  results.push(
    await ensure(
      "block all public access",
      async () => (await client.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration ?? null,
      blockAll,
      () => client.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: blockAll })),
    ),
  );

  results.push(
    await ensure(
      `default encryption (${SERVER_SIDE_ENCRYPTION})`,
      async () =>
        (await client.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration?.Rules?.[0]
          ?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? null,
      SERVER_SIDE_ENCRYPTION,
      () =>
        client.send(
          new PutBucketEncryptionCommand({
            Bucket,
            ServerSideEncryptionConfiguration: {
              Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: SERVER_SIDE_ENCRYPTION } }],
            },
          }),
        ),
    ),
  );

  if (options.versioning) {
    results.push(
      await ensure(
        "versioning",
        async () => (await client.send(new GetBucketVersioningCommand({ Bucket }))).Status ?? null,
        "Enabled",
        () => client.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: "Enabled" } })),
      ),
    );
  } else {
    results.push({ step: "versioning", outcome: "left as is", detail: "pass --versioning to enable it" });
  }

  if (options.replication) {
    const wanted = replicationConfiguration(options.replication);
    results.push(
      await ensure(
        `replication of users/ to ${options.replication.bucket} (needs versioning on both buckets)`,
        async () => (await client.send(new GetBucketReplicationCommand({ Bucket }))).ReplicationConfiguration ?? null,
        wanted,
        () => client.send(new PutBucketReplicationCommand({ Bucket, ReplicationConfiguration: wanted })),
      ),
    );
  } else {
    results.push({ step: "replication", outcome: "left as is", detail: "set S3_REPLICATION_BUCKET and S3_REPLICATION_ROLE_ARN" });
  }

  const rules = lifecycleRules(options);
  results.push(
    await ensure(
      options.versioning
        ? `lifecycle: abort incomplete multipart uploads after 1 day, expire old versions after ${options.noncurrentVersionExpiryDays} days`
        : "lifecycle: abort incomplete multipart uploads after 1 day",
      async () => (await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket }))).Rules ?? null,
      rules,
      () => client.send(new PutBucketLifecycleConfigurationCommand({ Bucket, LifecycleConfiguration: { Rules: rules } })),
    ),
  );
  return results;
}
