// Runs one step of the app in a process of its own and stops dead at a checkpoint, printing
// "CHECKPOINT <id>", so a test can kill -9 it exactly there. Used by crash.test.ts.
import { JobSender } from "../jobs/boss";
import { confirmUpload } from "../recordings/uploads";
import { transcodeRecording, type CompressionStep } from "../recordings/compression";
import { deleteForever } from "../recordings/deletion";
import { servicesFromEnv } from "../services";
import { Storage } from "../storage/storage";
import { callerFor, fixture, postToStorage } from "./helpers";

const [scenario, userId, arg, step] = process.argv.slice(2);
const hang = () => new Promise<never>(() => setInterval(() => {}, 60_000));

if (scenario === "upload-then-crash") {
  const file = fixture(arg!);
  const caller = callerFor({ id: userId!, role: "student" });
  const created = await caller.recording.createUpload({
    fileName: file.name,
    contentType: file.contentType,
    sizeBytes: file.bytes.length,
  });
  await postToStorage(created.upload, file.bytes, file.contentType);
  console.log(`CHECKPOINT ${created.recordingId}`);
  await hang();
}

if (scenario === "delete-then-crash") {
  const services = servicesFromEnv();
  const base = services.storage;
  // The database commit has happened by the time the S3 delete starts: crash right there.
  class CrashingStorage extends Storage {
    override async delete(): Promise<void> {
      console.log(`CHECKPOINT ${arg}`);
      await hang();
    }
  }
  const storage = new CrashingStorage({
    bucket: base.bucket,
    region: process.env.S3_REGION!,
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
    requestTimeoutMs: 1000,
  });
  await deleteForever({ ...services, storage }, arg!);
}

if (scenario === "compress-then-crash") {
  const base = servicesFromEnv();
  const services = { ...base, settings: { ...base.settings, compression: { ...base.settings.compression, enabled: true } } };
  await transcodeRecording(services, arg!, async (reached: CompressionStep) => {
    if (reached !== step) return;
    console.log(`CHECKPOINT ${arg}`);
    await hang();
  });
}

if (scenario === "confirm-crash-inside-transaction") {
  // The recording is marked READY in the open transaction; the crash comes as its analysis is queued.
  class CrashingJobs extends JobSender {
    override async send(): Promise<void> {
      console.log(`CHECKPOINT ${arg}`);
      await hang();
    }
  }
  await confirmUpload({ ...servicesFromEnv(), jobs: new CrashingJobs() }, arg!);
}

if (scenario === "confirm-then-crash") {
  await confirmUpload(servicesFromEnv(), arg!);
  console.log(`CHECKPOINT ${arg}`);
  await hang();
}

