// ESLint (`npm run lint`, run by `npm test`): the Next.js and typescript-eslint recommended rules, and the rules that
// keep the architecture's dependency directions (README, "Architecture map"): no import cycle anywhere; nothing
// outside jobs/ loads the worker's handlers; nothing outside app/ imports a route; only the CLI's command table loads
// the dev tooling in tools/. tests/unit/lint-rules.test.ts proves each rule fails when broken.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import importPlugin from "eslint-plugin-import";

const forbid = (group, message) => ({ group, message });
const NO_JOBS = forbid(["@/jobs/*"], "Only the worker loads jobs/: enqueue through @/lib/queue.");
const NO_APP = forbid(["@/app/*"], "Nothing outside app/ imports a route: pass actions in as props.");
const NO_TOOLS = forbid(["@/tools/*"], "tools/ is dev tooling: production code never loads it.");

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "generated/**",
      "data/**",
      "test-results/**",
      "screenshots/**",
      "bench/results/**",
      "next-env.d.ts",
      "tests/fixtures/lint/**",
    ],
  },
  {
    plugins: { import: importPlugin },
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" } } },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      // A leading underscore marks a parameter a signature requires but the body does not use.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // CommonJS by necessity: preloaded with `node --require`.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["lib/**", "components/**", "scripts/**"],
    ignores: ["lib/cli/commands.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_JOBS, NO_APP, NO_TOOLS] }] },
  },
  {
    files: ["lib/cli/commands.ts", "jobs/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_APP, NO_TOOLS] }] },
  },
  {
    files: ["tools/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_JOBS, NO_APP] }] },
  },
  {
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_JOBS, NO_TOOLS] }] },
  },
];

export default config;
