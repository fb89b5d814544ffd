import { expect, test } from "./fixtures";
import { DEMO, newPerson, signOut, upload, uploadItem } from "./support";

test("the seeded coach sees the linked student's recordings, plays them, and cannot delete them", async ({ signedInPage }) => {
  const studentPage = await signedInPage(DEMO.student);
  await upload(studentPage, ["speech-short.ogg"]);
  await expect(uploadItem(studentPage, "speech-short.ogg").getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  const recordingUrl = await uploadItem(studentPage, "speech-short.ogg").getByRole("link", { name: /Open results/ }).getAttribute("href");

  const coachPage = await signedInPage(DEMO.coach);
  await coachPage.goto("/recordings");
  await coachPage.getByRole("link", { name: "Students" }).click();
  await coachPage.getByRole("link", { name: "Sam Student", exact: true }).click();
  await expect(coachPage.getByRole("heading", { name: "Sam Student's recordings" })).toBeVisible();
  const card = coachPage.getByRole("article").filter({ hasText: "speech-short" }).first();
  await expect(card).toBeVisible();
  await expect(coachPage.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await card.getByRole("button", { name: "Play speech-short" }).click();
  await expect.poll(() => card.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.5);

  await coachPage.goto(recordingUrl!);
  await expect(coachPage.getByText("Sam Student's recording · read-only")).toBeVisible();
  await expect(coachPage.getByRole("button", { name: /^Delete/ })).toHaveCount(0);

  // Anyone else gets the not-found page, exactly as for a recording that does not exist.
  const strangerPage = await signedInPage(newPerson());
  await strangerPage.goto(recordingUrl!);
  await expect(strangerPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  await strangerPage.goto("/recordings/00000000-0000-4000-8000-000000000000");
  await expect(strangerPage.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("coach review: invite, upload, comment at 0:02, review, seek from the comment, unlink", async ({ browser, signedInPage }) => {
  // 1. A coach creates an invite and a new student signs up through it (the form is part of the invite flow).
  const coach = newPerson("coach");
  const coachPage = await signedInPage(coach);
  await coachPage.goto("/recordings");
  await coachPage.getByRole("link", { name: "Students" }).click();
  await coachPage.getByRole("button", { name: "Create invite link" }).click();
  const link = await coachPage.getByLabel("Invite link").inputValue();

  const student = newPerson();
  const studentPage = await (await browser.newContext()).newPage();
  await studentPage.goto(link);
  await expect(studentPage.getByText(`${coach.name} invites you`)).toBeVisible();
  await studentPage.getByRole("link", { name: "Create an account" }).click();
  await studentPage.getByLabel("Name").fill(student.name);
  await studentPage.getByLabel("E-mail").fill(student.email);
  await studentPage.getByLabel("Password").fill(student.password);
  await studentPage.getByRole("button", { name: "Create account" }).click();
  await studentPage.getByRole("button", { name: `Accept and share my recordings with ${coach.name}` }).click();
  await expect(studentPage.getByRole("heading", { name: "Your recordings" })).toBeVisible();

  // 2. The student uploads a recording.
  await upload(studentPage, ["speech-passage.webm"]);
  await expect(uploadItem(studentPage, "speech-passage.webm").getByTestId("upload-status")).toHaveText("Ready", { timeout: 60_000 });
  const recordingUrl = await uploadItem(studentPage, "speech-passage.webm").getByRole("link", { name: /Open results/ }).getAttribute("href");

  // 3. The coach sees it unreviewed, plays it, comments at 0:02 and marks it reviewed.
  await coachPage.reload();
  const row = coachPage.getByRole("row", { name: new RegExp(student.name) });
  await expect(row).toContainText("1 not reviewed");
  await row.getByRole("link", { name: student.name, exact: true }).click();
  await expect(coachPage.getByRole("article").getByText("Not reviewed")).toBeVisible();
  await coachPage.getByRole("link", { name: "speech-passage" }).click();
  await expect(coachPage.getByRole("heading", { name: "speech-passage", level: 1 })).toBeVisible();
  await coachPage.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(() => coachPage.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(1);
  await coachPage.getByLabel("Add a comment").click();
  await expect(coachPage.getByRole("button", { name: "Play speech-passage" })).toBeVisible();
  await coachPage.getByLabel("Add a comment").fill("Breathe before this sentence.");
  await coachPage.getByLabel("At", { exact: true }).fill("0:02");
  await coachPage.getByRole("button", { name: "Save comment" }).click();
  await expect(coachPage.getByRole("button", { name: /Play from 0:02: Breathe/ })).toBeVisible();
  await coachPage.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(coachPage.getByRole("button", { name: /Reviewed/ })).toHaveAttribute("aria-pressed", "true");
  await coachPage.getByRole("link", { name: "Students" }).click();
  await expect(coachPage.getByRole("row", { name: new RegExp(student.name) })).toContainText("All reviewed");

  // 4. The student sees the new comment, its marker, and clicking it seeks to 2 s.
  await studentPage.getByRole("link", { name: "History" }).click();
  await expect(studentPage.getByText("1 new comment")).toBeVisible();
  await studentPage.goto(recordingUrl!);
  await expect(studentPage.getByText("New", { exact: true })).toBeVisible();
  await expect(studentPage.getByTestId("comment-marker")).toHaveCount(1);
  await studentPage.getByRole("button", { name: /Play from 0:02: Breathe/ }).click();
  await studentPage.getByRole("button", { name: "Play speech-passage" }).click();
  await expect.poll(() => studentPage.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThanOrEqual(2);
  expect(await studentPage.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeLessThan(6);

  // 5. The student ends the link; the coach's next attempt to open the recording is not found.
  await studentPage.getByRole("button", { name: student.name }).click();
  await studentPage.getByRole("menuitem", { name: "Account and coaches" }).click();
  await studentPage.getByRole("button", { name: `Stop sharing with ${coach.name}` }).click();
  await expect(studentPage.getByText("No coach can see your recordings.")).toBeVisible();
  await coachPage.goto(recordingUrl!);
  await expect(coachPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  await signOut(studentPage, student.name);
});
