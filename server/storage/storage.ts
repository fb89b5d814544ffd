import "server-only";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors";
import { CircuitBreaker, type BreakerOptions } from "./circuit-breaker";
import { cdnSignedUrl, type CdnConfig } from "./cdn";
import type { PlaybackWindow } from "./playback-window";

export interface StorageConfig {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  requestTimeoutMs: number;
  /** Overrides for the reachability breaker (tests control its clock). */
  breaker?: Partial<BreakerOptions>;
  cdn?: CdnConfig;
}

// A success vouches for S3 for a few seconds of uploads; after a failure, uploads are refused at
// once for a few seconds before one request probes S3 again.
const BREAKER_FRESH_MS = 10_000;
const BREAKER_COOLDOWN_MS = 5_000;

export interface UploadPolicy {
  url: string;
  fields: Record<string, string>;
}

export interface StoredObject {
  sizeBytes: number;
  contentType: string | undefined;
}

export const SERVER_SIDE_ENCRYPTION = "AES256";
// A stored recording never changes (a new encoding gets a new key), so browsers and CDNs may keep
// it for a year without asking again.
export const IMMUTABLE_CACHE_CONTROL = "private, max-age=31536000, immutable";

const UNAVAILABLE = "Audio storage is unavailable right now. Please try again in a minute.";
const unavailable = (cause?: unknown) => new AppError("SERVICE_UNAVAILABLE", UNAVAILABLE, { cause });

export interface ObjectStart {
  /** The whole object's size, not just the bytes read. */
  sizeBytes: number;
  bytes: Uint8Array;
}

/** "bytes 0-16383/19765" → 19765 */
function instanceLengthOf(contentRange: string | undefined) {
  const total = contentRange?.match(/\/(\d+)$/)?.[1];
  return total === undefined ? undefined : Number(total);
}

// An empty object has no first byte, so S3 answers any range of it with 416.
function isUnsatisfiableRange(error: unknown) {
  return (
    error instanceof S3ServiceException &&
    (error.name === "InvalidRange" || error.$metadata.httpStatusCode === 416)
  );
}

function isNotFound(error: unknown) {
  return (
    error instanceof S3ServiceException &&
    (error.name === "NotFound" || error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)
  );
}

/** Everything the app does with the bucket. One instance per process (see ./index.ts). */
export class Storage {
  readonly client: S3Client;
  readonly bucket: string;
  private readonly breaker: CircuitBreaker;
  private readonly cdn?: CdnConfig;

  constructor(config: StorageConfig) {
    this.bucket = config.bucket;
    this.cdn = config.cdn;
    this.breaker = new CircuitBreaker({
      freshMs: BREAKER_FRESH_MS,
      cooldownMs: BREAKER_COOLDOWN_MS,
      ...config.breaker,
    });
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      // Streamed uploads would otherwise go as aws-chunked bodies with a trailing checksum, which
      // S3-compatible stores such as s3rver store verbatim; SigV4 already protects the body.
      requestChecksumCalculation: "WHEN_REQUIRED",
      // Requests fail fast when S3 is away rather than hanging the user's request.
      maxAttempts: 2,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: config.requestTimeoutMs,
        requestTimeout: config.requestTimeoutMs,
      }),
    });
  }

  /**
   * A request to S3. Its outcome feeds the breaker; S3's failures (down, slow, 5xx) become one
   * clear, retryable SERVICE_UNAVAILABLE, while "no such key" is passed on as the answer it is.
   */
  private async request<T>(operation: () => Promise<T>): Promise<T> {
    try {
      const result = await operation();
      this.breaker.record(true);
      return result;
    } catch (error) {
      // "No such key" and "no such range" are S3 answering; anything else counts against it.
      const answered = isNotFound(error) || isUnsatisfiableRange(error);
      this.breaker.record(answered);
      if (answered) throw error;
      throw unavailable(error);
    }
  }

  /**
   * Throws SERVICE_UNAVAILABLE unless S3 may be assumed reachable, from the recent results of
   * real requests; asks the bucket (HeadBucket) only when nothing recent is known.
   */
  ensureAvailable(): Promise<void> {
    return this.breaker.ensureAvailable(() => this.assertReachable(), () => unavailable());
  }

  /** Asks the bucket now (HeadBucket); throws SERVICE_UNAVAILABLE unless it answers. */
  async assertReachable(): Promise<void> {
    await this.request(() => this.client.send(new HeadBucketCommand({ Bucket: this.bucket })));
  }

  /** Signing happens here, without a request to S3: failures (credentials) are still S3's. */
  private async sign<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw unavailable(error);
    }
  }

  /**
   * A browser-usable POST policy for exactly one object: this key, this content type, exactly
   * this many bytes, encrypted at rest, cacheable for good, valid for expiresInSeconds.
   */
  presignUpload(input: {
    key: string;
    contentType: string;
    sizeBytes: number;
    expiresInSeconds: number;
  }): Promise<UploadPolicy> {
    return this.sign(() =>
      createPresignedPost(this.client, {
        Bucket: this.bucket,
        Key: input.key,
        Expires: input.expiresInSeconds,
        Fields: {
          "Content-Type": input.contentType,
          "x-amz-server-side-encryption": SERVER_SIDE_ENCRYPTION,
          "Cache-Control": IMMUTABLE_CACHE_CONTROL,
        },
        Conditions: [
          ["eq", "$Content-Type", input.contentType],
          ["content-length-range", input.sizeBytes, input.sizeBytes],
          ["eq", "$x-amz-server-side-encryption", SERVER_SIDE_ENCRYPTION],
          ["eq", "$Cache-Control", IMMUTABLE_CACHE_CONTROL],
        ],
      }),
    );
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const result = await this.request(() =>
        this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })),
      );
      return { sizeBytes: result.ContentLength ?? 0, contentType: result.ContentType };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * The object's first `length` bytes and its whole size from one ranged GET (a HEAD first would
   * cost a second round trip); null when there is no such object.
   */
  async readStart(key: string, length: number): Promise<ObjectStart | null> {
    try {
      const result = await this.request(() =>
        this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${length - 1}` })),
      );
      const bytes = result.Body ? await result.Body.transformToByteArray() : new Uint8Array();
      // A store that ignores the range sends the whole object, whose length is then its size.
      return { sizeBytes: instanceLengthOf(result.ContentRange) ?? bytes.length, bytes };
    } catch (error) {
      if (isNotFound(error)) return null;
      // An empty object has no byte 0: S3 answers 416 and s3rver drops the connection. Its HEAD
      // tells an empty object from a store that is really away (which fails the HEAD too).
      const stored = await this.head(key);
      if (!stored) return null;
      if (stored.sizeBytes === 0) return { sizeBytes: 0, bytes: new Uint8Array() };
      throw error;
    }
  }

  /** Bytes start..end inclusive, read with a ranged GET. */
  async readRange(key: string, start: number, end: number): Promise<Uint8Array> {
    const result = await this.request(() =>
      this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${start}-${end}` }),
      ),
    );
    return result.Body ? result.Body.transformToByteArray() : new Uint8Array();
  }

  /** Streams the whole object to a local file (for transcoding; never held in memory). */
  async download(key: string, filePath: string): Promise<void> {
    const result = await this.request(() => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })));
    if (!result.Body) throw new Error(`object ${key} has no body`);
    await pipeline(result.Body as Readable, createWriteStream(filePath));
  }

  /** Writes a local file as an object the way uploads are written: encrypted, cacheable for good. */
  async putFile(key: string, filePath: string, contentType: string): Promise<void> {
    const { size } = await stat(filePath);
    await this.request(() =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: createReadStream(filePath),
          ContentLength: size,
          ContentType: contentType,
          CacheControl: IMMUTABLE_CACHE_CONTROL,
          ServerSideEncryption: SERVER_SIDE_ENCRYPTION,
        }),
      ),
    );
  }

  /** Idempotent: deleting a missing object succeeds. */
  async delete(key: string): Promise<void> {
    try {
      await this.request(() => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /**
   * The object's bytes as a stream that S3 sends as the reader pulls them, never held whole in
   * memory; null when there is no such object.
   */
  async getObjectStream(key: string): Promise<Readable | null> {
    try {
      const result = await this.request(() => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })));
      if (!(result.Body instanceof Readable)) throw new Error(`S3 returned no stream for ${key}`);
      return result.Body;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async exists(key: string) {
    return (await this.head(key)) !== null;
  }

  /**
   * A GET URL the browser can stream and seek (S3 answers Range requests with 206), through the
   * CDN when one is configured. Signed as of the window's start, so it is the same URL all window.
   */
  playbackUrl(input: { key: string; contentType: string; fileName: string; window: PlaybackWindow }): Promise<string> {
    if (this.cdn) return Promise.resolve(cdnSignedUrl(this.cdn, input.key, input.window.expiresAt));
    return this.sign(() =>
      getSignedUrl(
        this.client,
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: input.key,
          ResponseContentType: input.contentType,
          ResponseContentDisposition: contentDisposition(input.fileName),
        }),
        { expiresIn: input.window.expiresInSeconds, signingDate: input.window.signedAt },
      ),
    );
  }

  /**
   * One page of keys under prefix, in key order, after the key `after`. Pages by marker (ListObjects
   * V1) rather than continuation token: every S3-compatible store supports it, s3rver's V2 tokens
   * need a cipher OpenSSL 3 no longer ships, and a key is a cursor worth storing.
   */
  async listPage(prefix: string, after?: string, maxKeys = 1000) {
    const page = await this.request(() =>
      this.client.send(
        new ListObjectsCommand({ Bucket: this.bucket, Prefix: prefix, Marker: after, MaxKeys: maxKeys }),
      ),
    );
    const objects = (page.Contents ?? []).map((object) => ({
      key: object.Key!,
      lastModified: object.LastModified ?? new Date(0),
    }));
    return { objects, nextAfter: page.IsTruncated ? objects.at(-1)?.key : undefined };
  }

}

/**
 * `inline` so the browser plays rather than downloads; the file name is reduced to safe ASCII in
 * `filename` and given in full, percent-encoded, in `filename*` (RFC 6266), so no title can break
 * out of the header.
 */
export function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
