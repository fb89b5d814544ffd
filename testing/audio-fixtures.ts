// The one description of the audio files in the sibling `shared/fixtures/audio` (its README says
// where they come from and what is said in them). Vitest, Playwright, the benches and the demo seed
// all read it, so it stays plain Node: nothing from `server/`, nothing `server-only`.
import path from "node:path";

// CI checks `shared/` out beside the clone.
export const AUDIO_FIXTURES_DIR = path.resolve(import.meta.dirname, "../../shared/fixtures/audio");

interface Described {
  name: string;
  /** What the storage key ends in once uploaded (`audio.{extension}`). */
  extension: string;
  /** What a browser announces when it uploads the file. */
  contentType: string;
}

interface GoodAudioFixture extends Described {
  good: true;
  /** Length of the audio, as the fixtures README gives it. */
  durationMs: number;
}

interface BadAudioFixture extends Described {
  good: false;
  /** Why an upload of it must end in a clear error. */
  problem: string;
}

type AudioFixture = (GoodAudioFixture | BadAudioFixture) & { path: string };
type GoodAudioFixtureFile = GoodAudioFixture & { path: string };

const TABLE: (GoodAudioFixture | BadAudioFixture)[] = [
  { name: "speech-short.wav", extension: "wav", contentType: "audio/wav", good: true, durationMs: 2990 },
  { name: "speech-short.m4a", extension: "m4a", contentType: "audio/mp4", good: true, durationMs: 2990 },
  { name: "speech-short.mp3", extension: "mp3", contentType: "audio/mpeg", good: true, durationMs: 2990 },
  { name: "speech-short.ogg", extension: "ogg", contentType: "audio/ogg", good: true, durationMs: 2990 },
  { name: "speech-short.webm", extension: "webm", contentType: "audio/webm", good: true, durationMs: 2990 },
  { name: "speech-passage.m4a", extension: "m4a", contentType: "audio/mp4", good: true, durationMs: 27_900 },
  { name: "speech-passage.webm", extension: "webm", contentType: "audio/webm", good: true, durationMs: 27_900 },
  { name: "truncated.m4a", extension: "m4a", contentType: "audio/mp4", good: false, problem: "cut off: the first 2,048 bytes of speech-short.m4a" },
  { name: "not-audio.m4a", extension: "m4a", contentType: "audio/mp4", good: false, problem: "a line of plain text with an audio file name" },
  { name: "empty.wav", extension: "wav", contentType: "audio/wav", good: false, problem: "zero bytes" },
];

export const AUDIO_FIXTURES: AudioFixture[] = TABLE.map((entry) => ({ ...entry, path: path.join(AUDIO_FIXTURES_DIR, entry.name) }));

export const GOOD_AUDIO_FIXTURES = AUDIO_FIXTURES.filter((entry): entry is GoodAudioFixtureFile => entry.good);

export function audioFixture(name: string): AudioFixture {
  const entry = AUDIO_FIXTURES.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not one of the audio fixtures (testing/audio-fixtures.ts)`);
  return entry;
}

/** A fixture that must upload and play, with its duration. */
export function goodAudioFixture(name: string): GoodAudioFixtureFile {
  const entry = audioFixture(name);
  if (!entry.good) throw new Error(`${name} is a bad fixture: ${entry.problem}`);
  return entry;
}
