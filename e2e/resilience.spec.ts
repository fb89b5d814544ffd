import { E2E_ENV } from "../playwright.config";
import { expect, test } from "./fixtures";
import { bucketKeys, newPerson, ownPrefix, signUp, upload, uploadItem } from "./support";

const STORAGE_ORIGIN = `http://127.0.0.1:${E2E_ENV.EMBEDDED_S3_PORT}`;
const STORAGE_POST = `${STORAGE_ORIGIN}/speech-coach`;
// A stand-in answer from storage must carry CORS headers, or the browser hides its status.
const cors = { "Access-Control-Allow-Origin": E2E_ENV.APP_URL };

test("an upload that meets a storage error is retried and finishes", async ({ page }) => {
  let failures = 0;
  await page.route(STORAGE_POST, async (route) => {
    if (route.request().method() === "POST" && failures < 2) {
      failures += 1;
      return route.fulfill({ status: 503, headers: cors, body: "<Error><Code>SlowDown</Code></Error>" });
    }
    return route.continue();
  });
  await upload(page, ["speech-short.wav"]);
  await expect(uploadItem(page, "speech-short.wav").getByTestId("upload-status")).toHaveText("Ready", { timeout: 30_000 });
  expect(failures).toBe(2);
});

test("an upload whose policy expired gets a fresh one and finishes, leaving no stray recording", async ({ page }) => {
  let expired = false;
  const policies: string[] = [];
  page.on("request", (request) => request.url().includes("recording.createUpload") && policies.push(request.url()));
  await page.route(STORAGE_POST, async (route) => {
    if (route.request().method() === "POST" && !expired) {
      expired = true;
      return route.fulfill({
        status: 403,
        headers: cors,
        body: "<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message></Error>",
      });
    }
    return route.continue();
  });
  await upload(page, ["speech-short.mp3"]);
  await expect(uploadItem(page, "speech-short.mp3").getByTestId("upload-status")).toHaveText("Ready", { timeout: 30_000 });
  expect(policies).toHaveLength(2);
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("article")).toHaveCount(1);
});

test("a storage refusal (4xx) is not retried and is explained", async ({ page }) => {
  let attempts = 0;
  await page.route(STORAGE_POST, (route) => {
    attempts += 1;
    return route.fulfill({ status: 400, headers: cors, body: "<Error><Code>EntityTooLarge</Code></Error>" });
  });
  await upload(page, ["speech-short.wav"]);
  await expect(uploadItem(page, "speech-short.wav").getByRole("alert")).toHaveText("Storage refused the upload (400).");
  expect(attempts).toBe(1);
});

test("cancelling an upload stops it and leaves nothing behind", async ({ page }) => {
  const prefix = await ownPrefix(page);
  // Hold the POST so there is time to cancel it.
  await page.route(STORAGE_POST, () => new Promise(() => {}));
  await upload(page, ["speech-passage.m4a"]);
  const item = uploadItem(page, "speech-passage.m4a");
  await expect(item.getByTestId("upload-status")).toHaveText("Uploading");
  await item.getByRole("button", { name: "Cancel upload of speech-passage.m4a" }).click();
  await expect(item.getByTestId("upload-status")).toHaveText("Cancelled");
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByText("No recordings yet.")).toBeVisible();
  expect(await bucketKeys(prefix)).toEqual([]);
});

test("security: headers, JSON-only mutations, session cookie attributes, health", async ({ browser, request }) => {
  // The cookie as the browser got it from the sign-up form.
  const page = await (await browser.newContext()).newPage();
  await signUp(page, newPerson());
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  const response = await request.get("/sign-in");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain(`connect-src 'self' ${STORAGE_ORIGIN}`);
  expect(csp).toContain(`media-src 'self' blob: ${STORAGE_ORIGIN}`);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  const form = await request.post("/api/trpc/recording.delete", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "recordingId=x",
  });
  expect(form.status()).toBe(415);

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, database: { ok: true }, storage: { ok: true } });
});
