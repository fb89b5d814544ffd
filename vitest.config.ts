import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // `server-only` throws outside React Server Components; tests run that code in plain Node.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
      "@": import.meta.dirname,
    },
  },
  test: {
    reporters: ["default", ["json", { outputFile: "reports/unit-results.json" }]],
    include: ["server/**/*.test.ts", "testing/**/*.test.ts", "lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "ops/**/*.test.ts"],
    globalSetup: ["./server/testing/global-setup.ts"],
    setupFiles: ["./server/testing/setup-env.ts"],
    // The suites share one database and bucket, and some stop servers on purpose.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
