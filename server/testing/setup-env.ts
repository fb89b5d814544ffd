// Runs in each test worker before any test module is imported, so server/env.ts sees the
// services that global-setup started.
import { inject } from "vitest";

Object.assign(process.env, inject("testEnv"));
