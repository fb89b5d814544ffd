import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bucketKeys, ownPrefix, upload, uploadItem } from "./support";

async function uploadAndDelete(page: Page) {
  const prefix = await ownPrefix(page);
  await upload(page, ["speech-short.mp3"]);
  await expect(uploadItem(page, "speech-short.mp3").getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  const added = await bucketKeys(prefix);
  expect(added).toHaveLength(1);

  await page.getByRole("link", { name: "History" }).click();
  await page.getByRole("button", { name: "Delete speech-short" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “speech-short”?" });
  await expect(dialog).toContainText("moves to Recently deleted");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("article")).toHaveCount(1);

  await page.getByRole("button", { name: "Delete speech-short" }).click();
  await dialog.getByRole("button", { name: "Delete recording" }).click();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByText("No recordings yet.")).toBeVisible();
  return added[0]!;
}

test("a deleted recording can be restored from Recently deleted and plays again", async ({ page }) => {
  const key = await uploadAndDelete(page);
  expect(await bucketKeys()).toContain(key);

  await page.getByRole("link", { name: "Recently deleted" }).click();
  await expect(page.getByRole("heading", { name: "Recently deleted" })).toBeVisible();
  await expect(page.getByText(/still count toward your storage/)).toBeVisible();
  const item = page.getByRole("listitem", { name: "speech-short" });
  await item.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Nothing here.")).toBeVisible();

  await page.getByRole("link", { name: "Back to history" }).click();
  await expect(page.getByRole("article")).toHaveCount(1);
  await page.getByRole("button", { name: "Play speech-short" }).click();
  await expect.poll(() => page.locator("audio").first().evaluate((audio: HTMLAudioElement) => audio.currentTime)).toBeGreaterThan(0.5);
});

test("deleting forever from Recently deleted removes the object from the bucket", async ({ page }) => {
  const key = await uploadAndDelete(page);
  await page.getByRole("link", { name: "Recently deleted" }).click();
  await page.getByRole("listitem", { name: "speech-short" }).getByRole("button", { name: "Delete forever" }).click();
  await expect(page.getByText("Nothing here.")).toBeVisible();
  await expect.poll(() => bucketKeys()).not.toContain(key);
});
