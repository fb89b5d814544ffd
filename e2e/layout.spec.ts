import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";
import { attachScreenshot, newPerson, upload, uploadItem } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

test("works at phone width: navigation, upload and history fit the screen", async ({ page }, testInfo) => {
  await page.goto("/recordings");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New recording" })).toBeVisible();
  await upload(page, ["speech-short.m4a"]);
  await expect(uploadItem(page, "speech-short.m4a").getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("article")).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await attachScreenshot(page, testInfo, "history-phone");

  // The first Tab on a page offers to skip the navigation.
  await page.reload();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
});

/** Plays a moment, pauses, clicks the seek bar at 75% of its width; returns where that went. */
async function seekByClickAt75Percent(scope: Locator) {
  const seek = scope.getByLabel("Seek");
  const box = (await seek.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(250);
  const audio = scope.locator("audio");
  const time = () => audio.evaluate((element: HTMLAudioElement) => element.currentTime);
  await scope.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(time).toBeGreaterThan(0.5);
  await scope.getByRole("button", { name: "Pause speech-passage" }).click();
  await seek.click({ position: { x: box.width * 0.75, y: box.height / 2 } });
  const duration = await audio.evaluate((element: HTMLAudioElement) => element.duration);
  // Within the width of the thumb, which the range input keeps inside its ends.
  await expect.poll(time).toBeGreaterThan(duration * 0.73);
  expect(Math.abs((await time()) - duration * 0.75)).toBeLessThanOrEqual(duration * 0.02);
}

test("at phone width the players keep a seek bar wide enough to use", async ({ page }, testInfo) => {
  await upload(page, ["speech-passage.m4a"]);
  await expect(uploadItem(page, "speech-passage.m4a").getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });

  await uploadItem(page, "speech-passage.m4a").getByRole("link", { name: /Open results/ }).click();
  await expect(page.getByRole("heading", { name: "speech-passage" })).toBeVisible();
  await seekByClickAt75Percent(page.getByRole("group", { name: "Audio player: speech-passage" }));
  await attachScreenshot(page, testInfo, "results-phone");

  await page.getByRole("link", { name: "History" }).click();
  await seekByClickAt75Percent(page.getByRole("list", { name: "Recordings" }).getByRole("article"));
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

/** The boxes of everything `locator` matches, and whether they all share one row (their heights overlap). */
async function row(locator: Locator) {
  const boxes = await Promise.all((await locator.all()).map(async (item) => (await item.boundingBox())!));
  const oneRow = Math.max(...boxes.map((box) => box.y)) < Math.min(...boxes.map((box) => box.y + box.height));
  return { boxes, oneRow };
}

test("a coach's header is one row at desktop width; on a phone the navigation has a row of its own", async ({ signedInPage }) => {
  // A coach has the most links, and a name like this one used to push the header onto two rows.
  const coach = newPerson("coach");
  const desktop = await signedInPage(coach, { viewport: { width: 1280, height: 800 } });
  await desktop.goto("/recordings");
  const banner = desktop.getByRole("banner");
  await expect(banner.getByText(/Storage: /)).toBeVisible();
  await expect(banner.getByRole("button", { name: coach.name })).toBeVisible();
  const items = banner.getByRole("link").or(banner.getByRole("button"));
  await expect(items).toHaveCount(6);
  expect((await row(items)).oneRow).toBe(true);

  const phone = await signedInPage({ email: coach.email, password: coach.password }, { viewport: { width: 390, height: 844 } });
  await phone.goto("/recordings");
  const links = phone.getByRole("navigation", { name: "Main" }).getByRole("link");
  await expect(links).toHaveCount(4);
  const nav = await row(links);
  expect(nav.oneRow).toBe(true);
  expect(Math.max(...nav.boxes.map((box) => box.x + box.width))).toBeLessThanOrEqual(390);
  const account = (await phone.getByRole("banner").getByRole("button", { name: coach.name }).boundingBox())!;
  expect(account.x + account.width).toBeLessThanOrEqual(390);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
