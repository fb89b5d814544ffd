import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { audioTypeOf } from "../lib/audio-types";
import { AUDIO_FIXTURES, AUDIO_FIXTURES_DIR } from "./audio-fixtures";

describe("the audio fixture table", () => {
  it("describes every file in shared/fixtures/audio, and nothing else", () => {
    const files = readdirSync(AUDIO_FIXTURES_DIR).filter((name) => name !== "README.md");
    expect(AUDIO_FIXTURES.map((entry) => entry.name).sort()).toEqual(files.sort());
  });

  it.each(AUDIO_FIXTURES)("$name: its extension and content type are the ones the app stores it under", (entry) => {
    expect(path.extname(entry.name)).toBe(`.${entry.extension}`);
    expect(audioTypeOf(entry.contentType).extension).toBe(entry.extension);
  });
});
