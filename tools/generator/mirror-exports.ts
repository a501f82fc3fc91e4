// mirror_exports.csv: what partner countries report exporting to us, per partner × hs6 × year. Built from the
// generated imports themselves (docs/indicators.md "Mirror analysis": M_fob = Σ cif / per_usd / 1.06), with noise under
// 10 %,
// except for a few planted flows where the partner reports far more than was declared here.
import { PLANT } from "./planted-plan";
import type { Random } from "@/lib/kernel/seeded-random";
import { countryIndex, type Goods } from "./reference-goods";
import { perUsd } from "./reference-offices";

/** CIF → FOB conversion used by the mirror method (IMF DOTS convention). */
const CIF_FOB_FACTOR = 1.06;
const HONEST_NOISE = 0.08;

type Flow = { year: number; partner: string; hs6: string; cifCents: number; grams: number };

export type MirrorRow = { partner: string; hs6: string; year: number; fobUsd: number; netKg: number };

export type MirrorGap = {
  partner: string;
  hs6: string;
  year: number;
  declaredFobUsd: number;
  reportedFobUsd: number;
  relativeGap: number;
};

export class MirrorAccumulator {
  private readonly flows = new Map<number, Flow>();

  /** One import item line (flow I, not cancelled) registered in `year` and consigned from `partner`. */
  add(year: number, partner: string, goods: Goods, cifCents: number, grams: number): void {
    // A numeric key: millions of lines are added, and string keys would be garbage for each one.
    const key = (year * 64 + countryIndex(partner)) * 1024 + goods.index;
    const flow = this.flows.get(key);
    if (flow) {
      flow.cifCents += cifCents;
      flow.grams += grams;
    } else {
      this.flows.set(key, { year, partner, hs6: goods.hs6, cifCents, grams });
    }
  }

  /** Rows in a stable order, and the planted gaps (chosen among each year's largest flows). */
  build(random: Random): { rows: MirrorRow[]; gaps: MirrorGap[] } {
    const flows = [...this.flows.values()].sort(
      (a, b) => a.year - b.year || a.partner.localeCompare(b.partner) || a.hs6.localeCompare(b.hs6),
    );
    const rates = new Map(flows.map((f) => [f.year, perUsd(f.year)]));
    const declaredFob = (f: Flow) => f.cifCents / 100 / (rates.get(f.year) as number) / CIF_FOB_FACTOR;
    const planted = new Set<Flow>();
    for (const year of new Set(flows.map((f) => f.year))) {
      const largest = flows.filter((f) => f.year === year).sort((a, b) => declaredFob(b) - declaredFob(a));
      for (const rank of PLANT.mirrorGaps.ranks) {
        const flow = largest[rank];
        if (flow) planted.add(flow);
      }
    }
    const rows: MirrorRow[] = [];
    const gaps: MirrorGap[] = [];
    for (const flow of flows) {
      const fob = declaredFob(flow);
      const kg = flow.grams / 1000;
      if (planted.has(flow)) {
        // Under-declaration: the partner saw two to three times the goods leave for us, at similar unit values.
        const factor = random.uniform(PLANT.mirrorGaps.factorMin, PLANT.mirrorGaps.factorMax);
        const reported = Math.max(fob * factor, PLANT.mirrorGaps.minFobUsd);
        const netKg = round((kg * reported) / fob, 3);
        const row = { partner: flow.partner, hs6: flow.hs6, year: flow.year, fobUsd: round(reported, 2), netKg };
        rows.push(row);
        gaps.push({
          partner: flow.partner,
          hs6: flow.hs6,
          year: flow.year,
          declaredFobUsd: round(fob, 2),
          reportedFobUsd: row.fobUsd,
          relativeGap: round((row.fobUsd - fob) / row.fobUsd, 4),
        });
      } else {
        rows.push({
          partner: flow.partner,
          hs6: flow.hs6,
          year: flow.year,
          fobUsd: round(fob * (1 + random.uniform(-HONEST_NOISE, HONEST_NOISE)), 2),
          netKg: round(kg * (1 + random.uniform(-HONEST_NOISE, HONEST_NOISE)), 3),
        });
      }
    }
    return { rows, gaps };
  }
}

function round(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(x * factor) / factor;
}
