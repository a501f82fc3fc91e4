// Draws the goods lines of a declaration: which HS6 (office-specific mix), from which country, at what unit value and
// mass. Unit values scatter boundedly around a reference per (hs6, origin), so that only the planted undervalued lines
// stand out under the UNIT_VALUE method (modified z on log unit value).
import { EvenBernoulli, WeylSequence } from "./even-sequences";
import { PLANT } from "./planted-plan";
import type { Broker } from "./population";
import { WeightedPicker, type Random } from "@/lib/kernel/seeded-random";
import { COUNTRY_PRICE_LEVEL, GOODS, goodsByHs6, type Goods } from "./reference-goods";
import type { OfficeSpec } from "./reference-offices";

/** An item line as declared: cif value and taxes in cents, net mass in grams. */
export type ItemLine = { draft: ItemDraft; cifCents: number; grams: number; taxCents: number };

export type ItemDraft = {
  goods: Goods;
  hsCode: string;
  origin: string;
  /** National currency per kg. */
  unitValue: number;
  kg: number;
  undervalued: boolean;
};

/** Half-width of the scatter of log unit values: honest items stay within a factor of 2 of their reference. */
const UNIT_VALUE_SPREAD = 0.7;
/** Line masses: log-normal cut at ±2σ, because a few giant lines would make officers' revenue per declaration (P8)
 * hinge on who happened to get them. */
const KG_SIGMA = 0.7;
/** Share of a declaration's further lines that come from the same origin as its first line. */
const SAME_ORIGIN_SHARE = 0.75;
/** Declared totals above this are folded a decade down (mantissa kept): no single file outweighs an officer's month. */
const VALUE_CAP_LOG10 = 8.3;
const MAX_LINES = 12;

export class GoodsSampler {
  private readonly importPickers: WeightedPicker<Goods>[];
  private readonly exportPicker: WeightedPicker<Goods>;
  /** Indexed by goods index. */
  private readonly originPickers: WeightedPicker<string>[];
  /** Per goods (by index), per origin: string keys are interned codes, so lookups allocate nothing. */
  private readonly undervaluation: Map<string, EvenBernoulli>[] = GOODS.map(() => new Map());
  private readonly unitValueSpread: Map<string, WeylSequence>[] = GOODS.map(() => new Map());

  constructor(offices: readonly OfficeSpec[], random: Random) {
    const imports = GOODS.filter((g) => g.flow === "I");
    const exports = GOODS.filter((g) => g.flow === "E");
    this.importPickers = offices.map(
      (office) =>
        new WeightedPicker(
          imports,
          imports.map((g) => g.weight * (office.groupFactors[g.group] ?? 1)),
        ),
    );
    this.exportPicker = new WeightedPicker(
      exports,
      exports.map((g) => g.weight),
    );
    this.originPickers = GOODS.map((goods) => {
      const countries = Object.keys(goods.origins);
      return new WeightedPicker(
        countries,
        countries.map((c) => goods.origins[c] as number),
      );
    });
    for (const combo of PLANT.undervalued.combos) {
      const byOrigin = this.undervaluation[goodsByHs6(combo.hs6).index];
      byOrigin?.set(combo.origin, new EvenBernoulli(PLANT.undervalued.share, random));
    }
  }

  private pickGoods(officeIndex: number, flow: "I" | "E", random: Random): Goods {
    if (flow === "E") return this.exportPicker.pick(random);
    return (this.importPickers[officeIndex] as WeightedPicker<Goods>).pick(random);
  }

  private pickOrigin(goods: Goods, preferred: string | null, random: Random): string {
    const canKeep = preferred !== null && goods.origins[preferred] !== undefined;
    if (canKeep && random.chance(SAME_ORIGIN_SHARE)) return preferred;
    return (this.originPickers[goods.index] as WeightedPicker<string>).pick(random);
  }

  private referenceUnitValue(goods: Goods, origin: string): number {
    return goods.unitValue * (COUNTRY_PRICE_LEVEL[origin] ?? 1);
  }

  /**
   * Evenly spread positions within each (hs6, origin) group: a group's unit values cover the band uniformly in any
   * period, so even a group of 20 lines has an honest median and MAD and no stray low value (UNIT_VALUE flags only
   * planted lines).
   */
  private spreadFor(goods: Goods, origin: string, random: Random): WeylSequence {
    const byOrigin = this.unitValueSpread[goods.index] as Map<string, WeylSequence>;
    let sequence = byOrigin.get(origin);
    if (!sequence) {
      sequence = new WeylSequence(random);
      byOrigin.set(origin, sequence);
    }
    return sequence;
  }

  private draftItem(officeIndex: number, flow: "I" | "E", primaryOrigin: string | null, random: Random): ItemDraft {
    const goods = this.pickGoods(officeIndex, flow, random);
    const origin = this.pickOrigin(goods, primaryOrigin, random);
    const reference = this.referenceUnitValue(goods, origin);
    const quota = flow === "I" ? this.undervaluation[goods.index]?.get(origin) : undefined;
    const undervalued = quota !== undefined && quota.next(random);
    const unitValue = undervalued
      ? reference * PLANT.undervalued.factor * Math.exp(random.uniform(-0.1, 0.1))
      : reference * Math.exp(UNIT_VALUE_SPREAD * (2 * this.spreadFor(goods, origin, random).next() - 1));
    return {
      goods,
      hsCode: random.pick(goods.hsCodes),
      origin,
      unitValue,
      kg: Math.max(1, goods.kg * Math.exp(KG_SIGMA * Math.max(-2, Math.min(2, random.normal())))),
      undervalued,
    };
  }

  /**
   * A declaration's goods lines with values. The declared total's mantissa comes from the broker's Weyl sequence
   * (honest: Benford in every period) or, for fabricated values, is drawn so the first digit is 5–9; line masses scale
   * with the total so unit values keep their own distribution.
   */
  declaredLines(officeIndex: number, flow: "I" | "E", broker: Broker, random: Random): ItemLine[] {
    const count = random.geometric(0.5, MAX_LINES);
    const drafts: ItemDraft[] = [];
    let natural = 0;
    for (let i = 0; i < count; i++) {
      const draft = this.draftItem(officeIndex, flow, i === 0 ? null : (drafts[0] as ItemDraft).origin, random);
      drafts.push(draft);
      natural += draft.unitValue * draft.kg;
    }
    const mantissa =
      broker.fabricatedShare > 0 && random.chance(broker.fabricatedShare)
        ? random.uniform(Math.log10(5), 1)
        : broker.mantissa.next();
    let exponent = Math.round(Math.log10(natural) - mantissa);
    while (exponent + mantissa > VALUE_CAP_LOG10) exponent--;
    const total = Math.round(10 ** (exponent + mantissa));
    const scale = total / natural;
    const lines: ItemLine[] = [];
    let largest: ItemLine | null = null;
    let sum = 0;
    for (const draft of drafts) {
      const cif = Math.max(1, Math.round(draft.unitValue * draft.kg * scale));
      const line = { draft, cifCents: cif * 100, grams: Math.max(1, Math.round(draft.kg * scale * 1000)), taxCents: 0 };
      lines.push(line);
      sum += line.cifCents;
      if (largest === null || line.cifCents > largest.cifCents) largest = line;
    }
    // Rounding remainder goes to the largest line, so the lines add up to the chosen total exactly.
    (largest as ItemLine).cifCents += total * 100 - sum;
    for (const line of lines) line.taxCents = Math.round(line.cifCents * line.draft.goods.taxRate);
    return lines;
  }
}
