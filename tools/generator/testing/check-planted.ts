// Test support: compares the reference flags of a period with the manifest — which planted detections are missing,
// and which flags no planted pattern explains (false positives of the honest background).
// Also runnable on any generated folder: npx tsx tools/generator/testing/check-planted.ts DIR
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Manifest } from "../manifest";
import { readDataset, type Dataset } from "./read-dataset";
import { mirrorFlags, quartersOf, referenceFlags, type Flag, type Period } from "./reference-flags";

export type PlantedCheck = { period: Period; required: number; missing: string[]; unexpected: Flag[] };

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
}

const flagKey = (method: string, kpiId: string | null, subject: string, related = "") =>
  `${method}|${kpiId ?? ""}|${subject}|${related}`;

/** Keys of the flags the planted patterns should raise (required) or may raise (allowed) in the period. */
function expectations(
  ds: Dataset,
  manifest: Manifest,
  period: Period,
): { required: Set<string>; allowed: Set<string> } {
  const required = new Set<string>();
  const allowed = new Set<string>();
  const regDate = new Map(ds.declarations.map((d) => [d.decl_id as string, d.reg_ts as string]));
  for (const pattern of manifest.patterns) {
    for (const subject of pattern.subjects) {
      for (const detection of pattern.detection) {
        if (detection.method === "MIRROR") continue;
        let key: string;
        if (detection.method === "BROKER_OFFICER_PAIR")
          key = flagKey("BROKER_OFFICER_PAIR", "", String(subject.brokerId), String(subject.officerId));
        else if (detection.method === "BENFORD") key = flagKey("BENFORD", "", String(subject.brokerId));
        else if (detection.method === "UNIT_VALUE") {
          const reg = regDate.get(String(subject.declId)) ?? "";
          if (reg.slice(0, 10) < period.from || reg.slice(0, 10) > period.to) continue;
          key = flagKey("UNIT_VALUE", "", String(subject.declId), String(subject.itemNo));
          // Whether cancelled declarations' lines count is up to the implementation: found or not, both are fine.
          if (subject.declarationCancelled === true) {
            allowed.add(key);
            continue;
          }
        } else key = flagKey(detection.method, detection.kpiId, String(subject.officerId));
        (detection.reliability === "every-period" ? required : allowed).add(key);
      }
      if (subject.brokerId !== undefined && subject.officerId !== undefined) {
        allowed.add(flagKey("RATE_OUTLIER", "I7", String(subject.officerId)));
      }
    }
  }
  return { required, allowed };
}

export function checkPlanted(ds: Dataset, manifest: Manifest, period: Period): PlantedCheck {
  const flags = referenceFlags(ds, period);
  const { required, allowed } = expectations(ds, manifest, period);
  const found = new Set(flags.map((f) => flagKey(f.method, f.kpiId, f.subjectId, f.relatedId)));
  return {
    period,
    required: required.size,
    missing: [...required].filter((key) => !found.has(key)),
    unexpected: flags.filter((f) => {
      const key = flagKey(f.method, f.kpiId, f.subjectId, f.relatedId);
      return !required.has(key) && !allowed.has(key);
    }),
  };
}

export function checkMirror(ds: Dataset, manifest: Manifest, year: number, includeCancelled = false) {
  const planted = new Set(
    (manifest.patterns.find((p) => p.type === "MIRROR_GAP")?.subjects ?? [])
      .filter((s) => Number(s.year) === year)
      .map((s) => `${s.partnerCountry}|${s.hs6}|${s.year}`),
  );
  const flagged = new Set(mirrorFlags(ds, year, includeCancelled).map((f) => f.subjectId));
  return {
    planted: planted.size,
    missing: [...planted].filter((k) => !flagged.has(k)),
    unexpected: [...flagged].filter((k) => !planted.has(k)),
  };
}

function main(dir: string): void {
  const ds = readDataset(dir);
  const manifest = readManifest(dir);
  const whole = { from: manifest.options.from, to: manifest.options.to };
  for (const period of [whole, ...quartersOf(whole)]) {
    const check = checkPlanted(ds, manifest, period);
    console.log(
      `${period.from}..${period.to}: ${check.required - check.missing.length}/${check.required} required found; ` +
        `missing ${JSON.stringify(check.missing.slice(0, 10))}; unexpected ${check.unexpected.length}`,
    );
    for (const f of check.unexpected)
      console.log(
        `   unexpected ${f.method} ${f.kpiId} ${f.subjectId} ${f.relatedId} score=${f.score.toFixed(3)} n=${f.n}`,
      );
  }
  for (let year = Number(whole.from.slice(0, 4)); year <= Number(whole.to.slice(0, 4)); year++) {
    console.log(
      `mirror ${year}:`,
      JSON.stringify(checkMirror(ds, manifest, year)),
      "incl. cancelled:",
      JSON.stringify(checkMirror(ds, manifest, year, true)),
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
  main(process.argv[2] ?? ".");
