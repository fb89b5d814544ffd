import type { Page } from "@playwright/test";
import { audioFixture } from "../testing/audio-fixtures";
import { expect, test } from "./fixtures";
import { DEMO, DEMO_ADMIN, newPerson, removeObjectOf, upload, uploadItem } from "./support";

async function openAdmin(page: Page) {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Operations" })).toBeVisible();
}

/** "N started, M failed" under Playback success. */
async function playbackCounts(page: Page) {
  const text = await page.getByText(/^\d+ started, \d+ failed$/).innerText();
  const [, started, failed] = /^(\d+) started, (\d+) failed$/.exec(text)!;
  return { started: Number(started), failed: Number(failed) };
}

async function uploadAndOpen(page: Page, name: string) {
  await upload(page, [name]);
  await expect(uploadItem(page, name).getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  const href = await uploadItem(page, name).getByRole("link", { name: /Open results/ }).getAttribute("href");
  return href!;
}

test("the admin page shows rates, storage, cost, queues and the audit log; nobody else finds it", async ({ signedInPage }) => {
  const adminPage = await signedInPage(DEMO_ADMIN);
  await adminPage.goto("/recordings");
  await adminPage.getByRole("link", { name: "Admin" }).click();
  await expect(adminPage.getByRole("heading", { name: "Operations" })).toBeVisible();
  for (const label of ["Upload success", "Playback success", "Storage held", "Cost this month"]) {
    await expect(adminPage.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
  }
  await expect(adminPage.getByText(/^projected \$\d/)).toBeVisible();
  await expect(adminPage.getByRole("table", { name: "Largest users by storage" })).toBeVisible();
  await expect(adminPage.getByRole("table", { name: "Job queues" })).toContainText("deletion");
  await adminPage.getByRole("radio", { name: "Last 30 days" }).check();
  await expect(adminPage.getByRole("table", { name: "Failures by reason" })).toBeVisible();
  await adminPage.getByText("Show as a table").click();
  await expect(adminPage.getByRole("table", { name: "Daily usage" })).toBeVisible();

  // The audit log, filtered by a user and an event.
  const coach = newPerson("coach");
  const coachPage = await signedInPage(coach);
  await coachPage.goto("/recordings");
  await coachPage.getByRole("link", { name: "Students" }).click();
  await coachPage.getByRole("button", { name: "Create invite link" }).click();
  await expect(coachPage.getByLabel("Invite link")).toBeVisible();
  await adminPage.getByLabel("User e-mail").fill(coach.email);
  await adminPage.getByLabel("Event").selectOption("invite.created");
  await adminPage.getByRole("button", { name: "Filter" }).click();
  const log = adminPage.getByRole("table", { name: "Audit events, newest first" });
  await expect(log.getByRole("row")).toHaveCount(2);
  await expect(log).toContainText(coach.email);

  // Not an admin: the page does not exist.
  await coachPage.goto("/admin");
  await expect(coachPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(coachPage.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("pausing uploads stops a student mid-session with a clear message, loses nothing, and resuming lets them go on", async ({ page: studentPage, signedInPage }) => {
  await uploadAndOpen(studentPage, "speech-short.wav");

  const adminPage = await signedInPage(DEMO_ADMIN);
  await openAdmin(adminPage);
  await adminPage.getByRole("button", { name: "Pause uploads" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "Uploads are paused" })).toBeVisible();

  try {
    // Still on the New recording page from before the pause.
    await studentPage.getByLabel("Choose audio files to upload").setInputFiles(audioFixture("speech-short.mp3").path);
    const refused = uploadItem(studentPage, "speech-short.mp3");
    await expect(refused.getByTestId("upload-status")).toHaveText("Failed");
    await expect(refused.getByRole("alert")).toHaveText(/Uploads are paused for maintenance\. Your recordings are safe/);
    // What was uploaded before the pause is still there and plays.
    await studentPage.getByRole("link", { name: "History" }).click();
    const card = studentPage.getByRole("article").filter({ hasText: "speech-short" });
    await expect(card).toHaveCount(1);
    await card.getByRole("button", { name: "Play speech-short" }).click();
    await expect.poll(() => card.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.3);
  } finally {
    await adminPage.getByRole("button", { name: "Resume uploads" }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: "Uploads are on" })).toBeVisible();
  }

  await uploadAndOpen(studentPage, "speech-short.mp3");
  await studentPage.getByRole("link", { name: "History" }).click();
  await expect(studentPage.getByRole("article").filter({ hasText: "speech-short" })).toHaveCount(2);
});

test("a play that fails in the browser moves the playback success rate", async ({ page: studentPage, signedInPage }) => {
  const adminPage = await signedInPage(DEMO_ADMIN);
  await openAdmin(adminPage);
  const before = await playbackCounts(adminPage);

  const href = await uploadAndOpen(studentPage, "speech-short.ogg");
  expect(await removeObjectOf(href.split("/").pop()!)).toBe(1);
  await studentPage.goto(href);
  await studentPage.getByRole("button", { name: "Play speech-short" }).click();
  await expect(studentPage.getByText("This recording could not be played. Try again in a moment.")).toBeVisible();

  await expect
    .poll(async () => {
      await adminPage.reload();
      return playbackCounts(adminPage);
    })
    .toEqual({ started: before.started, failed: before.failed + 1 });
  await expect(adminPage.getByRole("table", { name: "Play errors as browsers saw them" })).toContainText("src_not_supported");
});

test("the owner sees who listened after the coach plays their recording", async ({ signedInPage }) => {
  const studentPage = await signedInPage(DEMO.student);
  const href = await uploadAndOpen(studentPage, "speech-short.m4a");
  await studentPage.goto(href);
  const listened = studentPage.getByRole("region", { name: "Who listened" });
  await expect(listened).toContainText("Nobody has played this recording yet.");

  const coachPage = await signedInPage(DEMO.coach);
  await coachPage.goto(href);
  await coachPage.getByRole("button", { name: "Play speech-short" }).click();
  await expect.poll(() => coachPage.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.3);
  await expect(coachPage.getByRole("region", { name: "Who listened" })).toHaveCount(0);

  await studentPage.getByRole("button", { name: "Play speech-short" }).click();
  await expect.poll(() => studentPage.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.3);
  await studentPage.reload();
  await expect(listened).toContainText(/Casey Coach \(coach\) played it once, last on/);
  await expect(listened).toContainText(/You played it once, last on/);
});
