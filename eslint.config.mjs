// ESLint: Next.js and typescript-eslint recommended rules, plus the architecture's import rules. `npm run lint`.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import importPlugin from "eslint-plugin-import";

export default [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "generated/**", "data/**", "test-results/**", "screenshots/**", "bench/results/**", "next-env.d.ts"],
  },
  {
    plugins: { import: importPlugin },
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" } } },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
];
