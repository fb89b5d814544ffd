// Every setting the app reads, validated once. Importing this module fails fast with a message that
// names each bad variable, so a misconfigured deployment never half-starts.
import "server-only";
import { z } from "zod";
import { audioToolsSchema } from "./audio-tools-env";

const booleanString = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const bytes = z.coerce.number().int().positive();

// Dollars; a deployment sets its own region's prices.
const price = z.coerce.number().nonnegative();

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.url().default("http://localhost:3000"),
    DATABASE_URL: z.url({ message: "must be a postgresql:// connection URL" }),
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    S3_BUCKET: z.string().min(3),
    S3_REGION: z.string().default("us-east-1"),
    S3_ENDPOINT: z.url().optional(),
    S3_FORCE_PATH_STYLE: booleanString.default(false),
    S3_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
    MAX_UPLOAD_BYTES: bytes.max(5 * 1024 ** 3).default(50 * 1024 * 1024),
    USER_QUOTA_BYTES: bytes.default(1024 ** 3),
    UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(900).default(600),
    PLAYBACK_URL_TTL_SECONDS: z.coerce.number().int().min(5).max(7 * 24 * 3600).default(3600),
    PLAYBACK_URL_WINDOW_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(3600),
    CDN_URL: z.url().optional(),
    CLOUDFRONT_KEY_PAIR_ID: z.string().min(1).optional(),
    // A PEM key in one line may write its line breaks as \n.
    CLOUDFRONT_PRIVATE_KEY: z
      .string()
      .min(1)
      .transform((pem) => pem.replace(/\\n/g, "\n"))
      .optional(),
    AUDIO_UPLOADS_ENABLED: booleanString.default(true),
    UPLOADS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    CONFIRMS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    MAX_PENDING_UPLOADS: z.coerce.number().int().min(1).default(10),
    WORKER_ENABLED: booleanString.default(true),
    WORKER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
    ORPHAN_GRACE_SECONDS: z.coerce.number().int().min(0).default(3600),
    SWEEP_MAX_OBJECTS_PER_RUN: z.coerce.number().int().min(1).default(1000),
    // Cross-region replication (storage:setup writes the rule; storage:restore reads the replica).
    S3_REPLICATION_BUCKET: z.string().min(3).optional(),
    S3_REPLICATION_ROLE_ARN: z.string().startsWith("arn:").optional(),
    S3_REPLICATION_REGION: z.string().min(1).optional(),
    DELETED_RETENTION_DAYS: z.coerce.number().int().min(0).max(365).default(7),
    COMPRESSION_ENABLED: booleanString.default(true),
    COMPRESSION_MIN_KBPS: z.coerce.number().int().min(32).default(96),
    RECORDING_RETENTION_DAYS: z.coerce.number().int().positive().optional(),
    SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(5),
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    PRICE_STORAGE_GB_MONTH: price.default(0.023),
    PRICE_PUT_PER_1000: price.default(0.005),
    PRICE_GET_PER_1000: price.default(0.0004),
    PRICE_TRANSFER_OUT_GB: price.default(0.09),
    COST_ALERT_MONTHLY_DOLLARS: price.default(100),
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
    PLAY_REPORTS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ...audioToolsSchema.shape,
  })
  .refine((env) => env.MAX_UPLOAD_BYTES <= env.USER_QUOTA_BYTES, {
    path: ["MAX_UPLOAD_BYTES"],
    message: "must not exceed USER_QUOTA_BYTES",
  })
  .refine((env) => env.PLAYBACK_URL_WINDOW_SECONDS + env.PLAYBACK_URL_TTL_SECONDS <= 7 * 24 * 3600, {
    path: ["PLAYBACK_URL_WINDOW_SECONDS"],
    message: "plus PLAYBACK_URL_TTL_SECONDS must not exceed 7 days (the longest a presigned URL lives)",
  })
  .refine((env) => Boolean(env.S3_REPLICATION_BUCKET) === Boolean(env.S3_REPLICATION_ROLE_ARN), {
    path: ["S3_REPLICATION_BUCKET"],
    message: "and S3_REPLICATION_ROLE_ARN go together: set both or neither",
  })
  .refine((env) => !env.CDN_URL || (env.CLOUDFRONT_KEY_PAIR_ID && env.CLOUDFRONT_PRIVATE_KEY), {
    path: ["CDN_URL"],
    message: "needs CLOUDFRONT_KEY_PAIR_ID and CLOUDFRONT_PRIVATE_KEY to sign playback URLs",
  });

export type Env = z.infer<typeof envSchema>;

// An empty value is unset (a .env copied from .env.example has several), so its default applies.
const withoutEmptyValues = (source: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(source).filter(([, value]) => value?.trim() !== ""));

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withoutEmptyValues(source));
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid configuration, see .env.example:\n${problems}`);
  }
  return result.data;
}

// `next build` loads server modules to analyse routes without running them, on a machine that may
// have no configuration at all; the real settings are validated when the server starts.
const BUILD_PLACEHOLDERS = {
  DATABASE_URL: "postgresql://build:build@localhost:5432/build",
  BETTER_AUTH_SECRET: "placeholder-used-only-while-next-builds",
  S3_BUCKET: "build-placeholder",
};
const building = process.env.NEXT_PHASE === "phase-production-build";

export const env = parseEnv(building ? { ...BUILD_PLACEHOLDERS, ...process.env } : process.env);
