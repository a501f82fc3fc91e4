// Next.js configuration. i18n without locale in the URL: next-intl reads the request config below
// (docs/decisions/012-i18n-cookie-locale.md).
import { createRequire } from "node:module";
import createNextIntlPlugin from "next-intl/plugin";

// The socket's address on every request, for the sign-in throttle (lib/auth/client-address.ts).
createRequire(import.meta.url)("./lib/runtime/stamp-socket-address.cjs");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // forbidden() renders app/(portal)/forbidden.tsx with HTTP 403 (docs/decisions/013-guards-and-403.md).
  experimental: { authInterrupts: true },
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-copy-streams", "ioredis", "bullmq", "pino", "xmllint-wasm"],
  poweredByHeader: false,
  // A second build directory lets a test run build beside a developer's own build (tooling config, not app env).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default withNextIntl(nextConfig);
