import { expect, test } from "./fixtures";
import { upload, uploadItem } from "./support";

test("a comment that is already gone says so when deleted again", async ({ page, context }) => {
  await upload(page, ["speech-short.m4a"]);
  await expect(uploadItem(page, "speech-short.m4a").getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  const url = (await uploadItem(page, "speech-short.m4a").getByRole("link", { name: /Open results/ }).getAttribute("href"))!;
  await page.goto(url);
  await page.getByLabel("Add a comment").fill("Slow down here.");
  await page.getByRole("button", { name: "Save comment" }).click();
  const deleteHere = page.getByRole("button", { name: "Delete comment at 0:00" });
  await expect(deleteHere).toBeVisible();

  // The same person deletes it in another tab; this one still shows it.
  const otherTab = await context.newPage();
  await otherTab.goto(url);
  await otherTab.getByRole("button", { name: "Delete comment at 0:00" }).click();
  await expect(otherTab.getByText("No comments yet.")).toBeVisible();
  await otherTab.close();

  await deleteHere.click();
  await expect(page.getByRole("listitem").getByRole("alert")).toContainText("Could not delete the comment:");
});

test("the delete dialogs of a history page have ids of their own", async ({ page }) => {
  await upload(page, ["speech-short.m4a", "speech-short.mp3"]);
  for (const name of ["speech-short.m4a", "speech-short.mp3"]) {
    await expect(uploadItem(page, name).getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  }
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("list", { name: "Recordings" }).getByRole("article")).toHaveCount(2);
  const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((element) => element.id));
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  // Each dialog is named by its own heading.
  await page.getByRole("button", { name: "Delete speech-short" }).first().click();
  await expect(page.getByRole("dialog", { name: "Delete “speech-short”?" })).toBeVisible();
});
