import { defineConfig } from "@playwright/test";
import { audioFixture } from "./testing/audio-fixtures";

// E2E_PORT moves the app and its embedded servers, so two checkouts can run the suite at once.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ENV = {
  DATA_DIR: ".data/e2e",
  PORT: String(PORT),
  APP_URL: `http://localhost:${PORT}`,
  EMBEDDED_POSTGRES_PORT: String(PORT + 51239),
  EMBEDDED_S3_PORT: String(PORT + 1479),
  // Every test signs in from the same address.
  SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
  UPLOADS_PER_MINUTE: "1000",
  CONFIRMS_PER_MINUTE: "1000",
  MAX_PENDING_UPLOADS: "50",
  LOG_LEVEL: "warn",
};
const FAKE_MICROPHONE = audioFixture("speech-short.wav").path;

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [
    ["list"],
    ["json", { outputFile: "reports/e2e-results.json" }],
    ["html", { open: "never", outputFolder: "playwright-report" }],
  ],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        `--use-file-for-fake-audio-capture=${FAKE_MICROPHONE}`,
        "--autoplay-policy=no-user-gesture-required",
      ],
    },
  },
  webServer: {
    // A clean production build on its own data, ports and bucket, never a developer's.
    command: "rm -rf .data/e2e && npm run build && npm start",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    env: E2E_ENV,
    stdout: "ignore",
    stderr: "pipe",
  },
});
