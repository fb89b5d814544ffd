import "server-only";
import { audioTypeOf } from "../../lib/audio-types";

// The layout the mobile app shares: users/{userId}/recordings/{recordingId}/audio.{ext}.
// Only ids we generated and the extension of an accepted type ever reach a key, never a file name.
const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const USERS_PREFIX = "users/";

export function audioKey(userId: string, recordingId: string, contentType: string) {
  if (!ID.test(userId) || !ID.test(recordingId)) throw new Error("unsafe id in storage key");
  return `${USERS_PREFIX}${userId}/recordings/${recordingId}/audio.${audioTypeOf(contentType).extension}`;
}

const KEY = /^users\/([A-Za-z0-9_-]{1,64})\/recordings\/([A-Za-z0-9_-]{1,64})\/audio\.[a-z0-9]+$/;

export function parseAudioKey(key: string): { userId: string; recordingId: string } | null {
  const match = KEY.exec(key);
  return match ? { userId: match[1]!, recordingId: match[2]! } : null;
}
