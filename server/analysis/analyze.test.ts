import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audioFixture, goodAudioFixture } from "../../testing/audio-fixtures";
import { analyzeAudio, ANALYSIS_VERSION, UndecodableAudioError } from "./analyze";

const RECORDER_DIR = path.resolve(import.meta.dirname, "../testing/fixtures");
const open = (file: string) => createReadStream(file);
const SHORT_WAV = goodAudioFixture("speech-short.wav");

describe("analyzeAudio decoding", () => {
  let made: string;
  let reference: Awaited<ReturnType<typeof analyzeAudio>>;

  beforeAll(async () => {
    made = await mkdtemp(path.join(tmpdir(), "analysis-test-"));
    const wav = SHORT_WAV.path;
    for (const [name, codec] of [["speech-short.flac", ["-c:a", "flac"]], ["speech-short-vorbis.ogg", ["-c:a", "libvorbis"]]] as const) {
      execFileSync(ffmpegInstaller.path, ["-v", "error", "-i", wav, ...codec, path.join(made, name)]);
    }
    reference = await analyzeAudio(open(wav));
  });
  afterAll(() => rm(made, { recursive: true, force: true }));

  const shortFiles = [
    ...["speech-short.m4a", "speech-short.mp3", "speech-short.ogg", "speech-short.webm"].map((name) => () => audioFixture(name).path),
    () => path.join(made, "speech-short.flac"),
    () => path.join(made, "speech-short-vorbis.ogg"),
  ];

  it("reads the WAV original with every figure filled in", () => {
    const { metrics, waveform, version } = reference;
    expect(version).toBe(ANALYSIS_VERSION);
    expect(metrics.durationMs).toBe(SHORT_WAV.durationMs);
    expect(metrics.speakingMs).toBeGreaterThan(2000);
    expect(metrics.wordsPerMinute.estimate).toBeGreaterThan(0);
    expect(metrics.wordsPerMinute.low).toBeLessThan(metrics.wordsPerMinute.estimate);
    expect(metrics.wordsPerMinute.high).toBeGreaterThan(metrics.wordsPerMinute.estimate);
    expect(metrics.loudness.integratedLufs).toBeLessThan(-10);
    expect(metrics.loudness.integratedLufs).toBeGreaterThan(-40);
    expect(metrics.pitch.medianHz).toBeGreaterThan(60);
    expect(waveform.peaks.length / 2).toBeGreaterThanOrEqual(1000);
    expect(waveform.peaks.length / 2).toBeLessThanOrEqual(2000);
    expect((waveform.peaks.length / 2 / waveform.peaksPerSecond) * 1000).toBeCloseTo(SHORT_WAV.durationMs, -2);
  });

  it.each(shortFiles)("decodes every accepted format to the same speech (%#)", async (file) => {
    const { metrics } = await analyzeAudio(open(file()));
    // Codecs add a few ms of priming; the voice itself must come through unchanged.
    expect(Math.abs(metrics.durationMs - SHORT_WAV.durationMs)).toBeLessThan(60);
    expect(Math.abs(metrics.pitch.medianHz! / reference.metrics.pitch.medianHz! - 1)).toBeLessThan(0.05);
    expect(Math.abs(metrics.loudness.integratedLufs! - reference.metrics.loudness.integratedLufs!)).toBeLessThan(1);
  });

  it.each(["speech-passage.m4a", "speech-passage.webm"])("finds the four 0.8 s pauses of %s", async (name) => {
    const passage = goodAudioFixture(name);
    const { metrics } = await analyzeAudio(open(passage.path));
    expect(metrics.durationMs).toBeGreaterThan(passage.durationMs - 100);
    expect(metrics.pauses.count).toBe(4);
    for (const pause of metrics.pauses.items) expect(Math.abs(pause.endMs - pause.startMs - 800)).toBeLessThan(300);
  });

  it.each(["chrome-recorder.webm", "chrome-recorder-fragmented.m4a"])("decodes the browser recording %s", async (name) => {
    const { metrics, waveform } = await analyzeAudio(open(path.join(RECORDER_DIR, name)));
    expect(metrics.durationMs).toBeGreaterThan(2900);
    expect(metrics.speakingMs).toBeGreaterThan(2000);
    expect(waveform.peaks.length / 2).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    ["truncated.m4a", /incomplete or cut off/],
    ["not-audio.m4a", /not audio in a format we can read/],
    ["empty.wav", /the file is empty/],
  ])("refuses %s with a reason a person can read", async (name, reason) => {
    const failure = analyzeAudio(open(audioFixture(name).path));
    await expect(failure).rejects.toBeInstanceOf(UndecodableAudioError);
    await expect(failure).rejects.toThrow(/^The audio could not be decoded: /);
    await expect(failure).rejects.toThrow(reason);
  });

  it("stops ffmpeg when aborted", async () => {
    const source = new PassThrough();
    source.write(Buffer.alloc(44_100 * 2)); // raw bytes keep ffmpeg probing, waiting for more
    const controller = new AbortController();
    const analysis = analyzeAudio(source, { signal: controller.signal });
    while (ffmpegChildren().length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(analysis).rejects.toMatchObject({ name: "AbortError" });
    expect(ffmpegChildren()).toEqual([]);
  });
});

function ffmpegChildren(): string[] {
  const listing = spawnSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" }).stdout;
  return listing.split("\n").filter((line) => line.includes("ffmpeg"));
}
