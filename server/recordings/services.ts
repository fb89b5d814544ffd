import "server-only";
import type { Db } from "../db/client";
import type { Analyzer } from "../jobs/analysis";
import type { JobSender } from "../jobs/boss";
import type { RateLimits } from "../limits/rate-limits";
import type { Storage } from "../storage/storage";

interface CompressionSettings {
  enabled: boolean;
  /** Recordings stored above this bitrate are re-encoded for speech. */
  minBitsPerSecond: number;
  ffmpegPath: string;
}

interface RecordingSettings {
  maxUploadBytes: number;
  quotaBytes: number;
  uploadUrlTtlSeconds: number;
  playbackUrlTtlSeconds: number;
  /** Playback URLs signed within one window of this length are the same URL (cacheable). */
  playbackUrlWindowSeconds: number;
  uploadsEnabled: boolean;
  /** Days a deleted recording stays restorable in "Recently deleted"; 0 deletes at once. */
  deletedRetentionDays: number;
  compression: CompressionSettings;
  maxPendingUploads: number;
}

/** What the recording rules need from the outside world; tests and workers build their own. */
export interface Services {
  db: Db;
  storage: Storage;
  settings: RecordingSettings;
  rateLimits: RateLimits;
  /** Queues background jobs, inside a transaction when given one. */
  jobs: JobSender;
  /** Measures a recording's audio (server/analysis); tests give fakes. */
  analyzer: Analyzer;
  now: () => Date;
}
