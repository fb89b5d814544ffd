import type { Page } from "@playwright/test";
import { realisticMetrics } from "../server/testing/analysis-metrics";
import { goodAudioFixture } from "../testing/audio-fixtures";
import { dropAnalysis, linkCoach, seedAnalysedHistory, storeAnalysis } from "./analysis-db";
import { expect, test } from "./fixtures";
import { attachScreenshot, newPerson, upload, uploadItem } from "./support";

const PASSAGE = realisticMetrics({ durationMs: goodAudioFixture("speech-passage.m4a").durationMs });

function currentTime(page: Page) {
  return page.locator("audio").first().evaluate((audio: HTMLAudioElement) => audio.currentTime);
}

/** Uploads the passage and returns the id of its recording. */
async function uploadPassage(page: Page) {
  await upload(page, ["speech-passage.m4a"]);
  const item = uploadItem(page, "speech-passage.m4a");
  await expect(item.getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  const href = await item.getByRole("link", { name: /Open results/ }).getAttribute("href");
  return href!.split("/").pop()!;
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test("the results screen shows the waveform and the figures; a pause and the waveform seek the player", async ({ page }, testInfo) => {
  const recordingId = await uploadPassage(page);
  await storeAnalysis(recordingId, { status: "done", metrics: PASSAGE });
  await page.goto(`/recordings/${recordingId}`);

  const pace = page.getByRole("region", { name: "Pace" });
  await expect(pace).toContainText("148 words per minute");
  await expect(pace).toContainText("Likely between 131 and 165 words per minute");
  await expect(pace).toContainText("Listeners expect 130 to 170 words per minute");
  await expect(pace).toContainText("A comfortable pace");
  await expect(page.getByRole("region", { name: "Pauses" })).toContainText("8.0 pauses per minute");
  await expect(page.getByRole("region", { name: "Loudness" })).toContainText("−19.4 LUFS");
  await expect(page.getByRole("region", { name: "Loudness" })).toContainText("Listeners expect −23 to −16 LUFS");
  await expect(page.getByRole("region", { name: "Pitch variation" })).toContainText("2.9 semitones");

  const waveform = page.getByRole("img", { name: /^Waveform,/ });
  await expect(waveform).toHaveAccessibleName("Waveform, 0:00 of 0:28 played, 4 pauses marked");
  await expect(page.getByTestId("waveform-pause")).toHaveCount(4);

  await page.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThan(0.5);
  await page.getByRole("button", { name: "Play from the pause at 0:09 (1.1 s)" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(9.8);
  expect(await currentTime(page)).toBeLessThan(12);
  await page.getByRole("button", { name: "Play the flat stretch from 0:11 to 0:19" }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(11);

  // Three quarters of the way along the waveform is about 0:21.
  const box = (await waveform.boundingBox())!;
  await waveform.click({ position: { x: box.width * 0.75, y: box.height / 2 } });
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(20.5);
  expect(await currentTime(page)).toBeLessThan(23.5);
  await expect(page.getByRole("img", { name: /^Waveform, 0:2\d of 0:28 played/ })).toBeVisible();
  await page.getByRole("button", { name: "Pause speech-passage" }).click();
  await attachScreenshot(page, testInfo, "analysis-results-desktop");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(waveform).toBeVisible();
  await noSidewaysScroll(page);
  await attachScreenshot(page, testInfo, "analysis-results-phone");
});

test("an analysis in progress shows progress and then its figures; a failed one its reason; a legacy one a button", async ({ page }) => {
  const recordingId = await uploadPassage(page);

  await storeAnalysis(recordingId, { status: "running" });
  await page.goto(`/recordings/${recordingId}`);
  await expect(page.getByRole("status").filter({ hasText: "Measuring pace, pauses, loudness and pitch" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Analysis progress" })).toBeVisible();
  await storeAnalysis(recordingId, { status: "done", metrics: PASSAGE });
  await expect(page.getByRole("region", { name: "Pace" })).toContainText("148 words per minute");

  await storeAnalysis(recordingId, { status: "failed", failureReason: "The audio could not be decoded." });
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "The analysis failed: The audio could not be decoded." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try the analysis again" })).toBeVisible();

  await dropAnalysis(recordingId);
  await page.reload();
  await expect(page.getByText("This recording has not been analysed yet.")).toBeVisible();
  await page.getByRole("button", { name: "Analyse" }).click();
  await expect(page.getByRole("progressbar", { name: "Analysis progress" })).toBeVisible();
});

test("each history card shows duration, pace and a small waveform", async ({ page }, testInfo) => {
  const recordingId = await uploadPassage(page);
  await storeAnalysis(recordingId, { status: "done", metrics: PASSAGE });
  await page.getByRole("link", { name: "History" }).click();
  const card = page.getByRole("article").filter({ hasText: "speech-passage" });
  await expect(card.getByLabel("Duration")).toHaveText("0:28");
  await expect(card).toContainText("Pace 148 words/min");
  await expect(card).toContainText("8.0 pauses/min");
  await expect(card.getByRole("img", { name: "Waveform of speech-passage" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page);
  await attachScreenshot(page, testInfo, "analysis-history-phone");
});

const HISTORY = [
  { title: "Week one", metrics: realisticMetrics({ wordsPerMinute: { estimate: 188, low: 170, high: 204 } }) },
  { title: "Week two", metrics: realisticMetrics({ wordsPerMinute: { estimate: 166, low: 150, high: 181 } }) },
  { title: "Week three", metrics: realisticMetrics() },
];

async function expectProgress(page: Page) {
  for (const name of ["Pace", "Pauses per minute", "Pitch variation", "Loudness"]) {
    await expect(page.getByRole("img", { name: new RegExp(`^${name} over 3 recordings`) })).toBeVisible();
  }
  await expect(page.getByRole("img", { name: /^Pace over 3 recordings, latest 148 words per minute/ })).toBeVisible();
  const table = page.getByRole("table", { name: "Every analysed recording" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row", { name: /Week one/ })).toContainText("188 (170–204)");
  await expect(table.getByRole("row", { name: /Week three/ })).toContainText("−19.4");
}

test("the progress page charts a student's figures over time, for the student and for their coach", async ({ signedInPage }, testInfo) => {
  const student = newPerson();
  const studentPage = await signedInPage(student, { viewport: { width: 390, height: 844 } });
  await seedAnalysedHistory(student.email, HISTORY);
  await studentPage.goto("/recordings");
  await studentPage.getByRole("link", { name: "Progress" }).click();
  await expect(studentPage.getByRole("heading", { name: "Your progress" })).toBeVisible();
  await expectProgress(studentPage);
  await noSidewaysScroll(studentPage);
  await attachScreenshot(studentPage, testInfo, "progress-phone");

  const coach = newPerson("coach");
  const coachPage = await signedInPage(coach);
  await linkCoach(coach.email, student.email);
  await coachPage.goto("/students");
  await coachPage.getByRole("row", { name: new RegExp(student.name) }).getByRole("link", { name: "Progress" }).click();
  await expect(coachPage.getByRole("heading", { name: `${student.name}'s progress` })).toBeVisible();
  await expectProgress(coachPage);
  await attachScreenshot(coachPage, testInfo, "progress-coach-desktop");
});
