// Demo recordings for the demo student, made from the shared audio fixtures and taken through the
// normal upload path (reserve, store under the usual key, confirm), so they are analysed by the
// background jobs like any upload. Spread over the past weeks so the progress charts have points.
import { existsSync, readFileSync } from "node:fs";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { db } from "../server/db/client";
import { confirmUpload, createUpload } from "../server/recordings/uploads";
import { servicesFromEnv } from "../server/services";
import { SERVER_SIDE_ENCRYPTION } from "../server/storage/storage";
import { AUDIO_FIXTURES_DIR, audioFixture } from "../testing/audio-fixtures";

const DEMO_RECORDINGS = [
  { file: "speech-passage.m4a", title: "Sense and Sensibility, first reading", daysAgo: 26 },
  { file: "speech-short.wav", title: "Warm-up line", daysAgo: 19 },
  { file: "speech-passage.webm", title: "Sense and Sensibility, second reading", daysAgo: 12 },
  { file: "speech-short.mp3", title: "Warm-up line, again", daysAgo: 6 },
  { file: "speech-short.webm", title: "One line from the microphone", daysAgo: 2 },
];

/** Adds the demo recordings the student does not have yet (by title); returns how many it added. */
export async function seedDemoRecordings(studentId: string) {
  if (!existsSync(AUDIO_FIXTURES_DIR)) {
    console.log(`Demo recordings skipped: no audio fixtures at ${AUDIO_FIXTURES_DIR}.`);
    return 0;
  }
  const services = servicesFromEnv();
  const existing = new Set(
    (await db.recording.findMany({ where: { ownerId: studentId }, select: { title: true } })).map((row) => row.title),
  );
  let added = 0;
  for (const demo of DEMO_RECORDINGS) {
    if (existing.has(demo.title)) continue;
    const { path, contentType } = audioFixture(demo.file);
    const bytes = readFileSync(path);
    const { recordingId } = await createUpload(services, studentId, {
      fileName: demo.file,
      contentType,
      sizeBytes: bytes.length,
      title: demo.title,
    });
    const { fileKey } = await db.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { fileKey: true } });
    await services.storage.client.send(
      new PutObjectCommand({
        Bucket: services.storage.bucket,
        Key: fileKey!,
        Body: bytes,
        ContentType: contentType,
        ServerSideEncryption: SERVER_SIDE_ENCRYPTION,
      }),
    );
    await confirmUpload(services, recordingId);
    const at = new Date(Date.now() - demo.daysAgo * 24 * 3600 * 1000);
    await db.recording.update({ where: { id: recordingId }, data: { createdAt: at, uploadedAt: at } });
    added += 1;
  }
  return added;
}
