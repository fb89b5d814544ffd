import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { readFileSync } from "node:fs";
import { audioFixture } from "../../testing/audio-fixtures";
import { createCaller } from "../api/root";
import { createInnerContext, type SessionUser } from "../api/context";
import { servicesFromEnv } from "../services";
import { db } from "../db/client";
import type { Services } from "../recordings/services";

export interface Fixture {
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** A file from shared/fixtures/audio, as a browser would upload it. */
export function fixture(name: string): Fixture {
  const entry = audioFixture(name);
  return { name, contentType: entry.contentType, bytes: readFileSync(entry.path) };
}

export async function createUser(role: "student" | "coach" = "student"): Promise<SessionUser> {
  const id = randomUUID();
  await db.user.create({
    data: { id, name: `Test ${role}`, email: `${id}@example.test`, role },
    select: { id: true },
  });
  return { id, role };
}

export async function linkCoach(coach: SessionUser, student: SessionUser) {
  await db.coachStudent.create({ data: { coachId: coach.id, studentId: student.id } });
}

export function callerFor(user: SessionUser | null, services?: Services) {
  return createCaller(createInnerContext({ user, services }));
}

export function testServices(overrides: Partial<Services> = {}): Services {
  return { ...servicesFromEnv(), ...overrides };
}

/** What a browser does with a presigned POST: a multipart form, fields first, file last. */
export async function postToStorage(
  upload: { url: string; fields: Record<string, string> },
  body: Uint8Array,
  contentType: string,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(body)], { type: contentType }), "upload");
  return fetch(upload.url, { method: "POST", body: form });
}

/**
 * Creates a recording and uploads its file (a shared fixture by name, or bytes made by the test),
 * without confirming; resolves to its id.
 */
export async function uploadWithoutConfirming(user: SessionUser, source: string | Fixture, services?: Services) {
  const file = typeof source === "string" ? fixture(source) : source;
  const created = await callerFor(user, services).recording.createUpload({
    fileName: file.name,
    contentType: file.contentType,
    sizeBytes: file.bytes.length,
  });
  const posted = await postToStorage(created.upload, file.bytes, file.contentType);
  if (!posted.ok) throw new Error(`upload POST failed: ${posted.status}`);
  return created.recordingId;
}

/** Creates, uploads and confirms a recording in one go. */
export async function uploadRecording(user: SessionUser, name: string, services?: Services) {
  const recordingId = await uploadWithoutConfirming(user, name, services);
  return callerFor(user, services).recording.confirmUpload({ recordingId });
}

/** "ok" when the call succeeds, else the tRPC error code it failed with. */
export async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
