// Measures the generator at volume: `/usr/bin/time -v npx tsx tools/generator/profile.ts 1000000 /tmp/pmc-1m`
// prints wall time and row counts (peak RSS comes from /usr/bin/time).
import { generateDataset, GENERATE_DEFAULTS } from "./generate-dataset";

const declarations = Number(process.argv[2] ?? 1_000_000);
const outDir = process.argv[3] ?? "/tmp/pmc-generate-profile";
const started = performance.now();
const summary = await generateDataset({ ...GENERATE_DEFAULTS, outDir, declarations });
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ declarations, seconds: Number(seconds.toFixed(2)), rowCounts: summary.rowCounts }));
