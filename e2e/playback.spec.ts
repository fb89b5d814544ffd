import { expect, test, type Page } from "@playwright/test";
import { attachScreenshot, newPerson, signUp, upload, uploadItem } from "./support";

async function currentTime(page: Page) {
  return page.locator("audio").first().evaluate((audio: HTMLAudioElement) => audio.currentTime);
}

test.beforeEach(async ({ page }) => {
  await signUp(page, newPerson());
  await upload(page, ["speech-passage.m4a"]);
  await expect(uploadItem(page, "speech-passage.m4a").getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
});

test("plays inline from history, one recording at a time", async ({ page }) => {
  await page.getByRole("link", { name: "History" }).click();
  const requests: string[] = [];
  page.on("request", (request) => request.url().includes("recording.playbackUrl") && requests.push(request.url()));
  await expect(page.getByRole("article")).toHaveCount(1);
  expect(requests).toEqual([]);
  await page.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThan(1);
  expect(requests).toHaveLength(1);
  await page.getByRole("button", { name: "Pause speech-passage" }).click();
});

test("the results screen plays, seeks, skips and changes speed", async ({ page }, testInfo) => {
  await uploadItem(page, "speech-passage.m4a").getByRole("link", { name: /Open results/ }).click();
  await expect(page.getByRole("heading", { name: "speech-passage" })).toBeVisible();
  await expect(page.getByTestId("recording-duration")).toHaveText("0:28");
  await expect(page.getByTestId("total-time")).toHaveText("0:28");

  await page.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThan(1);

  await page.getByRole("button", { name: "Forward 10 seconds" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThan(11);
  await page.getByLabel("Seek").fill("20");
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(20);
  await page.getByRole("button", { name: "Back 10 seconds" }).click();
  await expect.poll(() => currentTime(page)).toBeLessThan(15);

  await page.getByLabel("Playback speed").selectOption("1.5");
  expect(await page.locator("audio").evaluate((audio: HTMLAudioElement) => audio.playbackRate)).toBe(1.5);

  // Keyboard: space pauses, the arrows skip.
  await page.getByRole("group", { name: "Audio player: speech-passage" }).focus();
  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: "Play speech-passage" })).toBeVisible();
  const paused = await currentTime(page);
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => currentTime(page)).toBeLessThan(paused - 5);
  await expect(page.getByTestId("buffered").first()).toBeVisible();
  await attachScreenshot(page, testInfo, "results");
});

test("an expired playback URL is replaced mid-listen at the same position", async ({ page }) => {
  await uploadItem(page, "speech-passage.m4a").getByRole("link", { name: /Open results/ }).click();
  const urls: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("recording.playbackUrl")) urls.push((await response.json())[0]?.result?.data?.json?.url ?? "");
  });
  await page.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThan(1);
  const firstSrc = await page.locator("audio").evaluate((audio: HTMLAudioElement) => audio.src);

  // The suite's URLs live 12 s and are replaced 5 s before they expire.
  await expect.poll(() => page.locator("audio").evaluate((audio: HTMLAudioElement) => audio.src), { timeout: 20_000 }).not.toBe(firstSrc);
  const atSwap = await currentTime(page);
  expect(atSwap).toBeGreaterThan(5);
  await expect.poll(() => currentTime(page)).toBeGreaterThan(atSwap + 1);
  expect(urls.length).toBeGreaterThanOrEqual(2);

  // The first URL really has expired by now: storage refuses it.
  await page.waitForTimeout(8_000);
  const expired = await page.evaluate((url) => fetch(url, { headers: { Range: "bytes=0-1" } }).then((r) => r.status), firstSrc);
  expect(expired).toBe(403);
  expect(await currentTime(page)).toBeGreaterThan(atSwap);
});
