// Next's own config (React, react-hooks recommended incl. the React Compiler rules, jsx-a11y,
// @next/next with Core Web Vitals rules as errors) plus typescript-eslint's recommended rules.
// No type-aware rules: they would triple the run time of the lint test inside `npm test`, and
// `tsc --noEmit` already checks types. Unused exports and files are knip's job (knip.json).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import reactHooks from "eslint-plugin-react-hooks";

// React lives under app/ only. Elsewhere `use…` names Node helpers and test fixtures
// (useLocalStack, useStoppableS3, Playwright's `use`), which the hook rules would misread.
const reactHooksOff = Object.fromEntries(Object.keys(reactHooks.rules).map((rule) => [`react-hooks/${rule}`, "off"]));

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  {
    files: ["server/**", "scripts/**", "bench/**", "ops/**", "e2e/**", "*.{ts,mjs}"],
    rules: reactHooksOff,
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "server/generated/**",
    ".data/**",
    ".scratch/**",
    "reports/**",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
  ]),
]);
