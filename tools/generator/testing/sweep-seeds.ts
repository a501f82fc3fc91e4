// Robustness sweep for tuning the generator: generates one data set per seed into a temporary folder and runs the
// reference flags over the whole period and each quarter, printing planted detections that were missed, flags no
// pattern explains (false positives) and the weakest score of each planted detection.
//   npx tsx tools/generator/testing/sweep-seeds.ts 20000 1,2,3,4,5
// (large volumes need NODE_OPTIONS=--max-old-space-size=8000: the reference implementation holds rows in memory)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateDataset, GENERATE_DEFAULTS } from "../generate-dataset";
import { checkMirror, checkPlanted, readManifest } from "./check-planted";
import { readDataset } from "./read-dataset";
import { quartersOf, referenceFlags } from "./reference-flags";

const declarations = Number(process.argv[2] ?? 20_000);
const seeds = (process.argv[3] ?? "1,2,3").split(",").map(Number);
const period = { from: GENERATE_DEFAULTS.from, to: GENERATE_DEFAULTS.to };
const falsePositives = new Map<string, number>();
const weakest = new Map<string, { score: number; missed: number }>();
let missing = 0;
let periods = 0;

for (const seed of seeds) {
  const dir = mkdtempSync(path.join(tmpdir(), `pmc-sweep-${seed}-`));
  try {
    await generateDataset({ outDir: dir, declarations, seed, ...period });
    const ds = readDataset(dir);
    const manifest = readManifest(dir);
    for (const p of [period, ...quartersOf(period)]) {
      periods++;
      const check = checkPlanted(ds, manifest, p);
      missing += check.missing.length;
      for (const key of check.missing) console.log(`seed ${seed} ${p.from}..${p.to} MISSING ${key}`);
      for (const f of check.unexpected) {
        const kind = `${f.method} ${f.kpiId}`.trim();
        falsePositives.set(kind, (falsePositives.get(kind) ?? 0) + 1);
        console.log(
          `seed ${seed} ${p.from}..${p.to} UNEXPECTED ${kind} ${f.subjectId} ${f.relatedId} score=${f.score.toFixed(3)} n=${f.n}`,
        );
      }
      const flags = referenceFlags(ds, p);
      for (const pattern of manifest.patterns) {
        for (const detection of pattern.detection) {
          if (detection.method === "UNIT_VALUE" || detection.method === "MIRROR") continue;
          for (const subject of pattern.subjects) {
            const subjectId = String(detection.subjectType === "broker" ? subject.brokerId : subject.officerId);
            const flag = flags.find(
              (f) => f.method === detection.method && f.kpiId === (detection.kpiId ?? "") && f.subjectId === subjectId,
            );
            const key = `${pattern.type} ${detection.method} ${detection.kpiId ?? ""} (${detection.reliability})`;
            const w = weakest.get(key) ?? { score: Infinity, missed: 0 };
            weakest.set(key, flag ? { ...w, score: Math.min(w.score, flag.score) } : { ...w, missed: w.missed + 1 });
          }
        }
      }
    }
    const mirror = checkMirror(ds, manifest, Number(period.from.slice(0, 4)));
    if (mirror.missing.length > 0 || mirror.unexpected.length > 0)
      console.log(`seed ${seed} mirror ${JSON.stringify(mirror)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
for (const [key, { score, missed }] of weakest)
  console.log(`weakest ${key}: score ${score.toFixed(3)}, not flagged in ${missed} subject-periods`);
console.log(
  `${seeds.length} seeds × ${periods / seeds.length} periods: ${missing} required detections missing; false positives ${JSON.stringify(Object.fromEntries(falsePositives))}`,
);
