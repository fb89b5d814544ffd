import type { Db } from "../db/client";
import type { Storage } from "../storage/storage";

export interface RecordingSettings {
  maxUploadBytes: number;
  quotaBytes: number;
  uploadUrlTtlSeconds: number;
  playbackUrlTtlSeconds: number;
  uploadsEnabled: boolean;
}

/** What the recording rules need from the outside world; tests and workers build their own. */
export interface Services {
  db: Db;
  storage: Storage;
  settings: RecordingSettings;
  now: () => Date;
}
