import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodedLength } from "../testing/ffmpeg";
import { fixture } from "../testing/helpers";
import { webmDurationFromTailMs } from "./webm-tail";

const recordedPath = path.resolve(import.meta.dirname, "../testing/fixtures/chrome-recorder.webm");
const recorded = readFileSync(recordedPath);
const TAIL = 64 * 1024;

/** Where ffmpeg's decoding ends; its header states no Duration (`ffmpeg -i` says N/A). */
function decodedMs() {
  const length = decodedLength(recordedPath);
  expect(length.headerStatesDuration).toBe(false);
  return length.ms;
}

describe("WebM from Chrome's recorder", () => {
  it("has its length read from the last cluster: where decoding ends, to the millisecond", () => {
    const ms = webmDurationFromTailMs(recorded.subarray(0, 4100), recorded.subarray(-TAIL));
    expect(ms).toBe(decodedMs());
  });

  it("finds the last cluster when the tail starts inside the one before", () => {
    const ms = webmDurationFromTailMs(recorded.subarray(0, 4100), recorded.subarray(-4000));
    expect(ms).toBe(decodedMs());
  });

  it("gives up, rather than guess, when the tail holds no cluster", () => {
    expect(webmDurationFromTailMs(recorded.subarray(0, 4100), recorded.subarray(-20))).toBeNull();
    expect(webmDurationFromTailMs(recorded.subarray(0, 4100), fixture("speech-short.wav").bytes)).toBeNull();
  });
});
