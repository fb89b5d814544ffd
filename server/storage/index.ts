import "server-only";
import { env } from "../env";
import { instrumentS3Client } from "../metrics/s3-metrics";
import { Storage } from "./storage";

export const storage = new Storage({
  bucket: env.S3_BUCKET,
  region: env.S3_REGION,
  endpoint: env.S3_ENDPOINT,
  forcePathStyle: env.S3_FORCE_PATH_STYLE,
  requestTimeoutMs: env.S3_REQUEST_TIMEOUT_MS,
  cdn: env.CDN_URL
    ? { url: env.CDN_URL, keyPairId: env.CLOUDFRONT_KEY_PAIR_ID!, privateKey: env.CLOUDFRONT_PRIVATE_KEY! }
    : undefined,
});
// Timing every S3 request is only worth it when something scrapes the figures.
if (env.METRICS_TOKEN) instrumentS3Client(storage.client);
