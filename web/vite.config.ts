/// <reference types="vitest/config" />
import { defineConfig } from "vite";

// The build is committed (app/web/dist) and checked against the sources in CI: keep it
// reproducible (content-hashed names, no timestamps, no source maps with absolute paths).
export default defineConfig({
  base: "/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "../app/web/dist",
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: Object.fromEntries(
      ["/graphql", "/login", "/logout", "/files", "/storage"].map((p) => [p, "http://127.0.0.1:8080"]),
    ),
  },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
