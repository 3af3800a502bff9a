import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests run against the TypeScript sources, so a change is tested without a build.
export const alias = {
  "@bydel/core": src("./core/src/index.ts"),
  "@bydel/import/node": src("./packages/import/src/node.ts"),
  "@bydel/import": src("./packages/import/src/index.ts"),
  "@bydel/layout": src("./packages/layout/src/index.ts"),
  "@bydel/xlsx": src("./packages/xlsx/src/index.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    include: ["core/test/**/*.test.ts", "packages/*/test/**/*.test.ts", "addin/test/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "**/node_modules/**"],
    testTimeout: 60_000,
    setupFiles: ["tests/fast-check.setup.ts"],
  },
});
