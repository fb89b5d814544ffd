import "server-only";
// The process's Prometheus metrics. Counters and histograms are per process (each instance is
// scraped on its own); the storage, queue and cost gauges are read from the database at scrape
// time (./database-gauges.ts), so every instance reports the same truth.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

const PREFIX = "speech_coach_";

/** The browser's MediaError codes, and "unknown" for anything else the player saw. */
export const PLAY_ERROR_CODES = ["aborted", "network", "decode", "src_not_supported", "unknown"] as const;

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];

  return {
    registry,
    uploadsCreated: new Counter({
      name: `${PREFIX}uploads_created_total`,
      help: "Upload reservations handed out (createUpload succeeded).",
      registers,
    }),
    uploadsConfirmed: new Counter({
      name: `${PREFIX}uploads_confirmed_total`,
      help: "Uploads confirmed and marked ready.",
      registers,
    }),
    uploadsFailed: new Counter({
      name: `${PREFIX}uploads_failed_total`,
      help: "Uploads refused when confirmed, by reason.",
      labelNames: ["reason"] as const,
      registers,
    }),
    uploadsCancelled: new Counter({
      name: `${PREFIX}uploads_cancelled_total`,
      help: "Uploads the user cancelled before confirming.",
      registers,
    }),
    uploadsExpired: new Counter({
      name: `${PREFIX}uploads_expired_total`,
      help: "Pending uploads expired by the worker because they never arrived.",
      registers,
    }),
    confirmDuration: new Histogram({
      name: `${PREFIX}upload_confirm_duration_seconds`,
      help: "Time to inspect and settle an upload in confirmUpload.",
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers,
    }),
    playbackUrlsIssued: new Counter({
      name: `${PREFIX}playback_urls_issued_total`,
      help: "Presigned playback URLs handed to browsers.",
      registers,
    }),
    playsStarted: new Counter({
      name: `${PREFIX}plays_started_total`,
      help: "Plays the browser reported as started.",
      registers,
    }),
    playErrors: new Counter({
      name: `${PREFIX}play_errors_total`,
      help: "Plays the browser reported as failed, by MediaError code.",
      labelNames: ["code"] as const,
      registers,
    }),
    playStartDuration: new Histogram({
      name: `${PREFIX}play_start_duration_seconds`,
      help: "From pressing play to the audio playing, as the browser measured it.",
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8],
      registers,
    }),
    s3Operations: new Counter({
      name: `${PREFIX}s3_operations_total`,
      help: "S3 requests by operation and outcome (success, not_found, error).",
      labelNames: ["operation", "outcome"] as const,
      registers,
    }),
    s3Duration: new Histogram({
      name: `${PREFIX}s3_operation_duration_seconds`,
      help: "S3 request duration by operation.",
      labelNames: ["operation"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    apiRequests: new Counter({
      name: `${PREFIX}api_requests_total`,
      help: "tRPC procedure calls by procedure and HTTP status.",
      labelNames: ["procedure", "status"] as const,
      registers,
    }),
    apiDuration: new Histogram({
      name: `${PREFIX}api_request_duration_seconds`,
      help: "tRPC procedure duration by procedure.",
      labelNames: ["procedure"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    jobFailures: new Counter({
      name: `${PREFIX}job_failures_total`,
      help: "Background job runs that failed, by queue.",
      labelNames: ["queue"] as const,
      registers,
    }),
    orphansRemoved: new Counter({
      name: `${PREFIX}orphan_objects_removed_total`,
      help: "Objects without a recording removed by the orphan sweep.",
      registers,
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;

// Next's dev server re-evaluates modules on change; one registry per process keeps counts and
// avoids registering the same name twice.
const globalForMetrics = globalThis as unknown as { speechCoachMetrics?: Metrics };
export const metrics = (globalForMetrics.speechCoachMetrics ??= createMetrics());
