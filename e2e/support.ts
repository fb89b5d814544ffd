import { DeleteObjectCommand, ListObjectsCommand, S3Client } from "@aws-sdk/client-s3";
import path from "node:path";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { E2E_ENV } from "../playwright.config";
import { audioFixture } from "../testing/audio-fixtures";

export const DEMO = {
  coach: { email: "coach@example.com", password: "speechcoach-demo" },
  student: { email: "student@example.com", password: "speechcoach-demo" },
};

let counter = 0;
export function newPerson(role: "student" | "coach" = "student") {
  counter += 1;
  const id = `${Date.now()}-${counter}`;
  return { name: `${role === "coach" ? "Coach" : "Student"} ${id}`, email: `${role}-${id}@example.test`, password: "a-good-password", role };
}

export async function signUp(page: Page, person: ReturnType<typeof newPerson>) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByLabel(person.role === "coach" ? "a coach" : "practising (student)").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your recordings" })).toBeVisible();
}

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your recordings" })).toBeVisible();
}

export async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Speech Coach" })).toBeVisible();
}

/** Uploads files on the New recording page and waits until each is settled. */
export async function upload(page: Page, names: string[]) {
  await page.goto("/recordings/new");
  await page.getByLabel("Choose audio files to upload").setInputFiles(names.map((name) => audioFixture(name).path));
}

export function uploadItem(page: Page, name: string) {
  return page.getByRole("listitem", { name: `Upload of ${name}` });
}

const s3 = new S3Client({
  region: "us-east-1",
  endpoint: `http://127.0.0.1:${E2E_ENV.EMBEDDED_S3_PORT}`,
  forcePathStyle: true,
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
});

/**
 * The storage prefix of the signed-in person. Tests look only there: the app's worker writes other
 * people's compressed audio whenever it likes.
 */
export async function ownPrefix(page: Page) {
  const session = (await (await page.request.get("/api/auth/get-session")).json()) as { user: { id: string } };
  return `users/${session.user.id}/`;
}

/** Every key in the e2e bucket under a prefix. */
export async function bucketKeys(prefix = "users/") {
  const page = await s3.send(new ListObjectsCommand({ Bucket: "speech-coach", Prefix: prefix }));
  return (page.Contents ?? []).map((object) => object.Key!);
}

/**
 * The duration the server measured for a recording when it was confirmed, read through the API as
 * the signed-in person: the truth a player's displayed length is checked against.
 */
export async function storedDurationSeconds(page: Page, recordingId: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { recordingId } }));
  const response = await page.request.get(`/api/trpc/recording.byId?input=${input}`);
  const body = (await response.json()) as { result: { data: { json: { durationMs: number | null } } } };
  const { durationMs } = body.result.data.json;
  if (durationMs === null) throw new Error(`the server stored no duration for ${recordingId}`);
  return durationMs / 1000;
}

/** Whole seconds as the app's clocks show them: 3 is "0:03". */
export function clock(wholeSeconds: number) {
  return `${Math.floor(wholeSeconds / 60)}:${String(wholeSeconds % 60).padStart(2, "0")}`;
}

/** A pattern for the clock showing any whole second within one second of `seconds`. */
export function clockNear(seconds: number) {
  const nearest = Math.round(seconds);
  const clocks = [nearest - 1, nearest, nearest + 1].filter((s) => s >= 0).map(clock);
  return new RegExp(`^(${clocks.join("|")})$`);
}

export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await page.screenshot({ path: path.resolve("test-results/screenshots", `${name}.png`), fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

export const DEMO_ADMIN = { email: "admin@example.com", password: "speechcoach-demo" };

/** Removes a recording's audio behind the app's back, as an operator's mistake would. */
export async function removeObjectOf(recordingId: string) {
  const keys = (await bucketKeys()).filter((key) => key.includes(`/recordings/${recordingId}/`));
  for (const key of keys) await s3.send(new DeleteObjectCommand({ Bucket: "speech-coach", Key: key }));
  return keys.length;
}
