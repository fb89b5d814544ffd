import "server-only";
import { db } from "./db/client";
import { env } from "./env";
import { analyzeAudio } from "./analysis/analyze";
import { jobSender } from "./jobs/boss";
import { createRateLimits } from "./limits/rate-limits";
import type { Services } from "./recordings/services";
import { storage } from "./storage";
import { ffmpegPath } from "./storage/ffmpeg-path";

const rateLimits = createRateLimits(db, {
  createUpload: env.UPLOADS_PER_MINUTE,
  confirmUpload: env.CONFIRMS_PER_MINUTE,
  playReport: env.PLAY_REPORTS_PER_MINUTE,
});

/** The process's services, configured from the environment. */
export function servicesFromEnv(): Services {
  return {
    db,
    storage,
    rateLimits,
    jobs: jobSender,
    analyzer: { analyze: analyzeAudio },
    settings: {
      maxUploadBytes: env.MAX_UPLOAD_BYTES,
      quotaBytes: env.USER_QUOTA_BYTES,
      uploadUrlTtlSeconds: env.UPLOAD_URL_TTL_SECONDS,
      playbackUrlTtlSeconds: env.PLAYBACK_URL_TTL_SECONDS,
      playbackUrlWindowSeconds: env.PLAYBACK_URL_WINDOW_SECONDS,
      uploadsEnabled: env.AUDIO_UPLOADS_ENABLED,
      deletedRetentionDays: env.DELETED_RETENTION_DAYS,
      compression: {
        enabled: env.COMPRESSION_ENABLED,
        minBitsPerSecond: env.COMPRESSION_MIN_KBPS * 1000,
        ffmpegPath: ffmpegPath(env.FFMPEG_PATH),
      },
      maxPendingUploads: env.MAX_PENDING_UPLOADS,
    },
    now: () => new Date(),
  };
}
