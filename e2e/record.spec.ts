import { expect, test } from "./fixtures";
import { clockNear, storedDurationSeconds } from "./support";

test("records from the microphone, previews, uploads, and plays the take", async ({ page }) => {
  await page.goto("/recordings");
  await page.getByRole("link", { name: "New recording" }).click();
  await page.getByRole("button", { name: "Start recording" }).click();
  await expect(page.getByText("Recording", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Input level")).toBeVisible();
  await expect(page.getByLabel("Elapsed time")).toHaveText("0:03", { timeout: 10_000 });
  await page.getByRole("button", { name: "Stop recording" }).click();

  await expect(page.getByLabel("Preview of your recording")).toBeVisible();
  await page.getByLabel("Title (optional)").fill("Fake microphone take");
  await page.getByRole("button", { name: "Upload recording" }).click();
  const item = page.getByRole("listitem", { name: /Upload of Recording/ });
  await expect(item.getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });

  await item.getByRole("link", { name: /Open results/ }).click();
  await expect(page.getByRole("heading", { name: "Fake microphone take" })).toBeVisible();
  await page.getByRole("button", { name: "Play Fake microphone take" }).click();
  await expect.poll(() => page.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.5);
  // How long the take is depends on when Stop took effect on a busy machine; the server measured
  // it from the file. The recorder showed 0:03 before Stop, and the player shows that length.
  const seconds = await storedDurationSeconds(page, recordingIdIn(page.url()));
  expect(seconds).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("total-time")).toHaveText(clockNear(seconds));
});

function recordingIdIn(url: string) {
  return new URL(url).pathname.split("/").at(-1)!;
}

test("a WebM recording without a stated duration still shows its length and seeks", async ({ page }) => {
  // As in browsers that cannot record MP4: Chrome's WebM states no duration.
  await page.addInitScript(() => {
    const supported = MediaRecorder.isTypeSupported.bind(MediaRecorder);
    MediaRecorder.isTypeSupported = (type: string) => !type.startsWith("audio/mp4") && supported(type);
  });
  await page.goto("/recordings");
  await page.getByRole("link", { name: "New recording" }).click();
  await page.getByRole("button", { name: "Start recording" }).click();
  await expect(page.getByLabel("Elapsed time")).toHaveText("0:04", { timeout: 10_000 });
  await page.getByRole("button", { name: "Stop recording" }).click();
  await page.getByLabel("Title (optional)").fill("WebM take");
  await page.getByRole("button", { name: "Upload recording" }).click();
  const item = page.getByRole("listitem", { name: /Upload of Recording .*\.webm/ });
  await expect(item.getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  await item.getByRole("link", { name: /Open results/ }).click();
  await expect(page.getByRole("heading", { name: "WebM take" })).toBeVisible();

  await page.getByRole("button", { name: "Play WebM take" }).click();
  const seconds = await storedDurationSeconds(page, recordingIdIn(page.url()));
  expect(seconds).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId("total-time")).toHaveText(clockNear(seconds));
  await expect.poll(() => page.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.5);
  await page.getByLabel("Seek").fill("3");
  await expect.poll(() => page.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThanOrEqual(3);
});

test("explains a microphone that is refused", async ({ page }) => {
  await page.goto("/recordings/new");
  await page.evaluate(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
  });
  await page.getByRole("button", { name: "Start recording" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Microphone access was denied");
});
