import "server-only";
import { tokenizer as rangeTokenizer, type IRangeRequestClient } from "@tokenizer/range";
import { fileTypeFromBuffer } from "file-type";
import { parseFromTokenizer } from "music-metadata";
import { AppError } from "../errors";
import { sniffedExtensionMatches, type ContainerFamily } from "../../lib/audio-types";
import { adtsDurationMs } from "./adts";
import { fragmentedMp4DurationMs, isFragmentedMp4 } from "./fmp4";
import { webmDurationFromTailMs } from "./webm-tail";
import type { ObjectStart, Storage } from "./storage";

export type Inspection =
  | { outcome: "missing" }
  | { outcome: "rejected"; reason: string; code: RejectionCode }
  | { outcome: "accepted"; durationMs: number | null; detectedType: string };

/** Why an upload was refused, as a fixed set (metrics label it by this). */
type RejectionCode = "empty" | "size_mismatch" | "not_audio" | "no_audio_track" | "damaged";

/** Confirming a recording reads at most this much of it, however large it is. */
const INSPECTION_BYTE_BUDGET = 1024 * 1024;
// One ranged GET of the start serves the size check, the type sniff (file-type needs 4,100 bytes)
// and, for recordings this small or with their index up front, the whole container parse.
const START_BYTES = 64 * 1024;
// Enough of the end of a fragmented MP4 or a recorder's WebM to hold its last fragment or cluster.
const TAIL_BYTES = 64 * 1024;
// Raw AAC is walked frame by frame up to this far (a minute or more of speech).
const ADTS_WALK_BYTES = 1024 * 1024;

class BudgetExceeded extends Error {}

/**
 * Serves music-metadata's random reads from the start already read, or else with ranged GETs,
 * refusing to read past the budget.
 */
function budgetedRangeClient(storage: Storage, key: string, objectStart: ObjectStart, budget: number) {
  const { sizeBytes } = objectStart;
  let bytesRead = objectStart.bytes.length;
  const client: IRangeRequestClient = {
    async getHeadInfo() {
      return { size: sizeBytes, mimeType: undefined, acceptPartialRequests: true };
    },
    async getResponse(_method, range) {
      const [start, end] = range ?? [0, sizeBytes - 1];
      const last = Math.min(end, sizeBytes - 1);
      const known = objectStart.bytes;
      let bytes: Uint8Array;
      if (last < known.length) {
        bytes = known.slice(start, last + 1);
      } else {
        bytesRead += last - start + 1;
        if (bytesRead > budget) throw new BudgetExceeded();
        bytes = await storage.readRange(key, start, last);
      }
      return {
        size: sizeBytes,
        acceptPartialRequests: true,
        contentRange: { firstBytePosition: start, lastBytePosition: last, instanceLength: sizeBytes },
        arrayBuffer: async () => bytes,
      };
    },
    abort() {},
  };
  return client;
}

async function readDuration(storage: Storage, key: string, objectStart: ObjectStart) {
  const client = budgetedRangeClient(storage, key, objectStart, INSPECTION_BYTE_BUDGET);
  const tokenizer = await rangeTokenizer(client, { initialChunkSize: 16 * 1024, minimumChunkSize: 16 * 1024 });
  try {
    const metadata = await parseFromTokenizer(tokenizer, { duration: false, skipCovers: true });
    const hasAudio =
      metadata.format.numberOfChannels !== undefined ||
      metadata.format.codec !== undefined ||
      metadata.format.trackInfo.some((track) => track.audio);
    if (!hasAudio) return { ok: false as const };
    const seconds = metadata.format.duration;
    return {
      ok: true as const,
      durationMs: seconds && Number.isFinite(seconds) ? Math.round(seconds * 1000) : null,
    };
  } finally {
    await tokenizer.close();
  }
}

/**
 * The length of the containers that state none in their header, from the frames themselves:
 * fragmented MP4 and a recorder's WebM from their last fragment or cluster (one ranged read of the
 * tail), raw AAC by walking its frames.
 */
async function durationFromFrames(storage: Storage, key: string, head: Uint8Array, sizeBytes: number, family: ContainerFamily) {
  const tail = () => storage.readRange(key, Math.max(0, sizeBytes - TAIL_BYTES), sizeBytes - 1);
  if (isFragmentedMp4(head)) return fragmentedMp4DurationMs(head, await tail());
  if (family === "webm") return webmDurationFromTailMs(head, await tail());
  if (family === "aac") {
    // The walk goes on from the start already read instead of asking for those bytes again.
    const walkEnd = Math.min(sizeBytes, ADTS_WALK_BYTES);
    const frames =
      walkEnd <= head.length ? head : Buffer.concat([head, await storage.readRange(key, head.length, walkEnd - 1)]);
    return adtsDurationMs(frames, sizeBytes);
  }
  return null;
}

/**
 * Looks at what actually landed in storage, whatever the upload policy promised: the object must
 * exist, have exactly the declared size, and be a well-formed audio container of the declared
 * family. Storage (s3rver, or a misconfigured bucket) is never trusted to have enforced anything.
 */
export async function inspectAudioObject(
  storage: Storage,
  key: string,
  expected: { sizeBytes: number; family: ContainerFamily },
): Promise<Inspection> {
  const stored = await storage.readStart(key, START_BYTES);
  if (!stored) return { outcome: "missing" };
  if (stored.sizeBytes === 0) return { outcome: "rejected", code: "empty", reason: "The file is empty." };
  if (stored.sizeBytes !== expected.sizeBytes) {
    return {
      outcome: "rejected",
      code: "size_mismatch",
      reason: `The upload was ${stored.sizeBytes} bytes but ${expected.sizeBytes} were announced, so it was discarded.`,
    };
  }
  const head = stored.bytes;
  const detected = await fileTypeFromBuffer(head);
  if (!detected || !sniffedExtensionMatches(expected.family, detected.ext)) {
    return {
      outcome: "rejected",
      code: "not_audio",
      reason: detected
        ? `This file is not audio in the announced format (it looks like ${detected.mime}).`
        : "This file is not audio we can play.",
    };
  }
  try {
    const parsed = await readDuration(storage, key, stored);
    if (!parsed.ok) return { outcome: "rejected", code: "no_audio_track", reason: "This file holds no audio track." };
    // A fragmented MP4's header states the first fragment's length at best; the others' headers
    // state none at all.
    const durationMs =
      isFragmentedMp4(head) || parsed.durationMs === null
        ? await durationFromFrames(storage, key, head, stored.sizeBytes, expected.family)
        : parsed.durationMs;
    return { outcome: "accepted", durationMs, detectedType: detected.mime };
  } catch (error) {
    // A container too long to walk within the budget is still audio: its duration stays unknown.
    if (error instanceof BudgetExceeded) {
      return { outcome: "accepted", durationMs: null, detectedType: detected.mime };
    }
    if (error instanceof AppError) throw error;
    return { outcome: "rejected", code: "damaged", reason: "This audio file is damaged or incomplete." };
  }
}
