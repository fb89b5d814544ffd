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

/** The Open results link of the uploaded recording. */
async function resultsUrl(page: Page) {
  const href = await uploadItem(page, "speech-passage.m4a").getByRole("link", { name: /Open results/ }).getAttribute("href");
  return href!;
}

/**
 * Resolves with the position at which the audio element starts playing after its next load: the
 * moment a replacement URL takes over. (Two URLs signed in the same second can be the same
 * string, so a change of `src` would not show it.)
 */
function positionAfterNextLoad(page: Page) {
  return page.locator("audio").evaluate(
    (audio: HTMLAudioElement) =>
      new Promise<number>((resolve) => {
        audio.addEventListener(
          "loadstart",
          () => audio.addEventListener("playing", () => resolve(audio.currentTime), { once: true }),
          { once: true },
        );
      }),
  );
}

function countPlaybackUrls(page: Page) {
  const issued: string[] = [];
  page.on("request", (request) => request.url().includes("recording.playbackUrl") && issued.push(request.url()));
  return issued;
}

test("an expired playback URL is replaced mid-listen at the same position", async ({ page }) => {
  // The page's clock is the test's: the URL's lifetime runs out when the test says so, however
  // busy the machine is.
  const url = await resultsUrl(page);
  await page.clock.install();
  await page.goto(url);
  const issued = countPlaybackUrls(page);
  await page.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThan(1);
  const resumed = positionAfterNextLoad(page);

  const before = await currentTime(page);
  // The URL lives an hour (the default); an hour later on the page's clock it is due for renewal.
  await page.clock.fastForward("01:00:00");
  const resumedAt = await resumed;
  // Where it was when the swap began, give or take the element snapping to an audio frame.
  expect(resumedAt).toBeGreaterThanOrEqual(before - 0.1);
  expect(issued).toHaveLength(2);
  await expect.poll(() => currentTime(page)).toBeGreaterThan(resumedAt + 1);
  await expect(page.getByRole("button", { name: "Pause speech-passage" })).toBeVisible();
});

test("a playback URL that storage refuses is replaced, resuming where the listener was", async ({ page }) => {
  await page.goto(await resultsUrl(page));
  const issued = countPlaybackUrls(page);
  // Storage answers the first request for the audio as it answers an expired URL.
  let refusals = 0;
  await page.route(
    (requested) => requested.searchParams.has("X-Amz-Signature"),
    async (route) => {
      if (refusals++ > 0) return route.continue();
      await route.fulfill({ status: 403, contentType: "application/xml", body: "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>" });
    },
  );
  await page.getByLabel("Seek").fill("15");
  // The refused URL never plays, so the first play after a load is the replacement's.
  const resumed = positionAfterNextLoad(page);
  await page.getByRole("button", { name: "Play speech-passage" }).click();
  const resumedAt = await resumed;
  expect(refusals).toBeGreaterThan(1);
  expect(resumedAt).toBeGreaterThanOrEqual(15 - 0.1);
  expect(issued).toHaveLength(2);
  await expect(page.getByRole("group", { name: "Audio player: speech-passage" }).getByRole("alert")).toHaveCount(0);
});

test("the player binds its listeners once, not on every tick", async ({ page }) => {
  await page.addInitScript(() => {
    const add = EventTarget.prototype.addEventListener;
    const counted = window as unknown as { mediaListeners: number };
    counted.mediaListeners = 0;
    HTMLMediaElement.prototype.addEventListener = function (this: HTMLMediaElement, ...args: Parameters<typeof add>) {
      counted.mediaListeners += 1;
      return add.apply(this, args);
    };
  });
  await page.goto(await resultsUrl(page));
  const bound = () => page.evaluate(() => (window as unknown as { mediaListeners: number }).mediaListeners);
  await page.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThan(1);
  const whilePlaying = await bound();
  // A few seconds of ticks, each of which re-renders the player.
  await expect.poll(() => currentTime(page)).toBeGreaterThan(4);
  expect(await bound()).toBe(whilePlaying);
});
