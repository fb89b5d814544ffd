import { expect, test } from "@playwright/test";
import { bucketKeys, newPerson, signUp, upload, uploadItem } from "./support";

test("deleting asks first, removes the card at once, and the object leaves the bucket", async ({ page }) => {
  await signUp(page, newPerson());
  const before = await bucketKeys();
  await upload(page, ["speech-short.mp3"]);
  await expect(uploadItem(page, "speech-short.mp3").getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  const added = (await bucketKeys()).filter((key) => !before.includes(key));
  expect(added).toHaveLength(1);

  await page.getByRole("link", { name: "History" }).click();
  await page.getByRole("button", { name: "Delete speech-short" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “speech-short”?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("article")).toHaveCount(1);

  await page.getByRole("button", { name: "Delete speech-short" }).click();
  await dialog.getByRole("button", { name: "Delete recording" }).click();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByText("No recordings yet.")).toBeVisible();
  await expect.poll(() => bucketKeys()).not.toContain(added[0]);
});
