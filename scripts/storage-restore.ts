// `npm run storage:restore -- --recording ID`: puts back the audio of a recording whose object is
// missing (storage:audit lists them), from a noncurrent version of the bucket or from the replica
// (S3_REPLICATION_BUCKET). Refuses with the reason, changing nothing, when neither has a copy.
import "./local/load-env";
import { useLocalStack } from "./local/stack";

const args = process.argv.slice(2);
const recordingId = args[args.indexOf("--recording") + 1];
if (!args.includes("--recording") || !recordingId) {
  console.error("usage: npm run storage:restore -- --recording <recording id>");
  process.exit(2);
}

const stack = await useLocalStack({ appUrl: process.env.APP_URL ?? "http://localhost:3000" });
const [{ RestoreRefused, restoreRecordingAudio }, { servicesFromEnv }, { Storage }, { env }] = await Promise.all([
  import("../server/storage/restore"),
  import("../server/services"),
  import("../server/storage/storage"),
  import("../server/env"),
]);
const replica = env.S3_REPLICATION_BUCKET
  ? new Storage({
      bucket: env.S3_REPLICATION_BUCKET,
      region: env.S3_REPLICATION_REGION ?? env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      requestTimeoutMs: env.S3_REQUEST_TIMEOUT_MS,
    })
  : null;
let code = 0;
try {
  const result = await restoreRecordingAudio(servicesFromEnv(), recordingId, replica);
  console.log(
    result.outcome === "present"
      ? `Recording ${recordingId}: its audio ${result.key} is in the bucket; nothing to restore.`
      : `Recording ${recordingId}: restored ${result.key} from ${result.source}, checked like an upload.`,
  );
} catch (error) {
  if (!(error instanceof RestoreRefused)) throw error;
  console.error(error.message);
  code = 1;
} finally {
  await stack.stop();
}
process.exit(code);
