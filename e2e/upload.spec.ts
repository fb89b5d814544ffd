import { GOOD_AUDIO_FIXTURES } from "../testing/audio-fixtures";
import { expect, test } from "./fixtures";
import { attachScreenshot, bucketKeys, clock, ownPrefix, upload, uploadItem } from "./support";

/** A duration as history shows it, to the nearest second: 2,990 ms is "0:03". */
const shown = (durationMs: number) => clock(Math.round(durationMs / 1000));

test("every good fixture uploads, becomes ready, and shows its duration in history", async ({ page }, testInfo) => {
  await upload(page, GOOD_AUDIO_FIXTURES.map((f) => f.name));
  for (const { name } of GOOD_AUDIO_FIXTURES) {
    await expect(uploadItem(page, name).getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
    await expect(uploadItem(page, name).getByRole("link", { name: `Open results for ${name}` })).toBeVisible();
  }

  await page.getByRole("link", { name: "History" }).click();
  const cards = page.getByRole("list", { name: "Recordings" }).getByRole("article");
  await expect(cards).toHaveCount(GOOD_AUDIO_FIXTURES.length);
  for (const { name, durationMs } of GOOD_AUDIO_FIXTURES) {
    const card = cards.filter({ has: page.getByRole("heading", { name: name.replace(/\.[^.]+$/, ""), exact: true }) });
    await expect(card).toHaveCount(GOOD_AUDIO_FIXTURES.filter((f) => f.name.replace(/\.[^.]+$/, "") === name.replace(/\.[^.]+$/, "")).length);
    await expect(card.getByLabel("Duration").first()).toHaveText(shown(durationMs));
    await expect(card.getByText("Ready").first()).toBeVisible();
  }
  await expect(page.getByText(/Storage: \d/)).toBeVisible();
  await attachScreenshot(page, testInfo, "history");
});

test("every bad fixture shows a specific error and leaves nothing in the bucket", async ({ page }) => {
  const prefix = await ownPrefix(page);
  await upload(page, ["truncated.m4a", "not-audio.m4a", "empty.wav"]);
  await expect(uploadItem(page, "empty.wav").getByRole("alert")).toHaveText("The file is empty.");
  await expect(uploadItem(page, "truncated.m4a").getByRole("alert")).toHaveText(
    "Upload failed: This audio file is damaged or incomplete.",
    { timeout: 30_000 },
  );
  await expect(uploadItem(page, "not-audio.m4a").getByRole("alert")).toHaveText(
    "Upload failed: This file is not audio we can play.",
    { timeout: 30_000 },
  );
  expect(await bucketKeys(prefix)).toEqual([]);

  await page.getByRole("link", { name: "History" }).click();
  const failed = page.getByRole("article").filter({ hasText: "Failed" });
  await expect(failed).toHaveCount(2);
  await expect(failed.filter({ hasText: "truncated" })).toContainText("damaged or incomplete");
});

test("a file that is not audio is refused before anything is uploaded", async ({ page }) => {
  await page.goto("/recordings/new");
  await page.getByLabel("Choose audio files to upload").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(uploadItem(page, "notes.txt").getByRole("alert")).toContainText("is not an audio file we accept");
});
