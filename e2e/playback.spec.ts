import type { Page } from "@playwright/test";
import { statSync } from "node:fs";
import { E2E_ENV } from "../playwright.config";
import { audioFixture } from "../testing/audio-fixtures";
import { expect, test } from "./fixtures";
import { attachScreenshot, upload, uploadItem } from "./support";

async function currentTime(page: Page) {
  return page.locator("audio").first().evaluate((audio: HTMLAudioElement) => audio.currentTime);
}

test.beforeEach(async ({ page }) => {
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
  // URLs are signed per hour-long window and live an hour past it (the defaults): two hours later
  // on the page's clock the URL is due for renewal wherever in its window it was signed.
  await page.clock.fastForward("02:00:00");
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

/** Every audio request the page makes to storage, with what it cost on the network (Chrome DevTools). */
async function watchStorageRequests(page: Page) {
  const storageOrigin = `:${E2E_ENV.EMBEDDED_S3_PORT}/`;
  const requests = new Map<string, { url: string; fromCache: boolean; networkBytes: number; finished: boolean }>();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", (event) => {
    if (event.request.url.includes(storageOrigin)) {
      requests.set(event.requestId, { url: event.request.url, fromCache: false, networkBytes: 0, finished: false });
    }
  });
  cdp.on("Network.requestServedFromCache", (event) => {
    const request = requests.get(event.requestId);
    if (request) request.fromCache = true;
  });
  cdp.on("Network.responseReceived", (event) => {
    const request = requests.get(event.requestId);
    if (request && event.response.fromDiskCache) request.fromCache = true;
  });
  cdp.on("Network.loadingFinished", (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.networkBytes = event.encodedDataLength;
    request.finished = true;
  });
  return {
    since: (mark: number) => [...requests.values()].slice(mark),
    mark: () => requests.size,
  };
}

test("a second play of a recording is served from the browser's cache, not from storage", async ({ page }) => {
  const size = statSync(audioFixture("speech-passage.m4a").path).size;
  const storage = await watchStorageRequests(page);
  const playbackUrls: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("recording.playbackUrl")) playbackUrls.push((await response.json())[0]?.result?.data?.json?.url ?? "");
  });

  await page.getByRole("link", { name: "History" }).click();
  await page.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThan(1);
  // The first play fetches the whole recording from storage.
  await expect.poll(() => storage.since(0).reduce((sum, request) => sum + request.networkBytes, 0)).toBeGreaterThanOrEqual(size);
  await page.getByRole("button", { name: "Pause speech-passage" }).click();

  // A new player (the results screen) asks the server for a URL again. Within one signing window it
  // is the same URL; should a window have just ended between two plays, the next play shares one.
  let previousUrl = playbackUrls.at(-1)!;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const mark = storage.mark();
    const urlsBefore = playbackUrls.length;
    await page.getByRole("link", { name: "History" }).click();
    await page.getByRole("article").getByRole("link", { name: "speech-passage" }).click();
    await expect(page.getByRole("heading", { name: "speech-passage", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Play speech-passage" }).click();
    await expect.poll(() => currentTime(page)).toBeGreaterThan(1);
    await expect.poll(() => playbackUrls.length).toBeGreaterThan(urlsBefore);
    const url = playbackUrls.at(-1)!;
    if (url !== previousUrl) {
      previousUrl = url;
      continue;
    }
    // Chrome answers from its media cache (no request at all) or its HTTP cache (a request served
    // from cache): either way not a byte comes from storage.
    const secondPlay = storage.since(mark);
    expect(secondPlay.every((request) => request.fromCache)).toBe(true);
    expect(secondPlay.reduce((sum, request) => sum + request.networkBytes, 0)).toBe(0);
    return;
  }
  throw new Error("three plays in a row got different playback URLs");
});
