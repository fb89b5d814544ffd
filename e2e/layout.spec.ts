import { expect, test } from "@playwright/test";
import { attachScreenshot, newPerson, signUp, upload, uploadItem } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

test("works at phone width: navigation, upload and history fit the screen", async ({ page }, testInfo) => {
  await signUp(page, newPerson());
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
