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

/**
 * The compressed audio of a recording, beside the original under the same prefix; the token makes
 * each attempt's key new, so an object once written never changes (it is cached for good).
 */
export function compressedKey(userId: string, recordingId: string, token: string) {
  if (!/^[a-z0-9]{1,32}$/.test(token)) throw new Error("unsafe token in storage key");
  return audioKey(userId, recordingId, "audio/mp4").replace(/audio\.m4a$/, `speech-${token}.m4a`);
}

const KEY = /^users\/([A-Za-z0-9_-]{1,64})\/recordings\/([A-Za-z0-9_-]{1,64})\/(?:audio|speech-[a-z0-9]{1,32})\.[a-z0-9]+$/;

export function parseAudioKey(key: string): { userId: string; recordingId: string } | null {
  const match = KEY.exec(key);
  return match ? { userId: match[1]!, recordingId: match[2]! } : null;
}
