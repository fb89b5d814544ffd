import "server-only";
import { env } from "../env";
import { Storage } from "./storage";

export const storage = new Storage({
  bucket: env.S3_BUCKET,
  region: env.S3_REGION,
  endpoint: env.S3_ENDPOINT,
  forcePathStyle: env.S3_FORCE_PATH_STYLE,
  requestTimeoutMs: env.S3_REQUEST_TIMEOUT_MS,
});
