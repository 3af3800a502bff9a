import { defineConfig } from "vitest/config";
import { alias } from "./vitest.config.js";

// End-to-end tests: real LibreOffice and real Chromium; run after `npm run build`.
export default defineConfig({
  resolve: { alias },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
