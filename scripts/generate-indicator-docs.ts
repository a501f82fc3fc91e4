// Rewrites the generated KPI part of docs/indicators.md from the KPI definitions in the message files and the
// catalogue. `npx tsx scripts/generate-indicator-docs.ts` writes it; with --check it only reports, and exits 1 when
// the page is out of date (the unit test tests/unit/indicator-docs.test.ts makes the same check).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withKpiSection } from "@/lib/kpis/definitions/render-indicator-docs";

const page = path.resolve(import.meta.dirname, "../docs/indicators.md");
const current = readFileSync(page, "utf8");
const next = withKpiSection(current);

if (process.argv.includes("--check")) {
  if (next !== current) {
    process.stderr.write("docs/indicators.md is out of date: run npx tsx scripts/generate-indicator-docs.ts\n");
    process.exit(1);
  }
  process.stderr.write("docs/indicators.md is up to date\n");
} else if (next === current) {
  process.stderr.write("docs/indicators.md already up to date\n");
} else {
  writeFileSync(page, next);
  process.stderr.write("docs/indicators.md: KPI definitions rewritten\n");
}
