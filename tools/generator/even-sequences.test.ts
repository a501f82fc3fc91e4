import { describe, expect, it } from "vitest";
import { EvenBernoulli, WeylSequence } from "./even-sequences";
import { Random } from "@/lib/kernel/seeded-random";

describe("EvenBernoulli", () => {
  it("keeps every window of consecutive trials within ±2 of n·p", () => {
    const random = new Random(11);
    const p = 0.03;
    const sampler = new EvenBernoulli(p, random);
    const outcomes = Array.from({ length: 20_000 }, () => (sampler.next(random) ? 1 : 0));
    const prefix = [0];
    for (const o of outcomes) prefix.push((prefix.at(-1) as number) + o);
    for (const n of [30, 100, 500, 3000]) {
      for (let start = 0; start + n <= outcomes.length; start += 37) {
        const count = (prefix[start + n] as number) - (prefix[start] as number);
        expect(Math.abs(count - n * p)).toBeLessThanOrEqual(2);
      }
    }
    expect((prefix.at(-1) as number) / outcomes.length).toBeCloseTo(p, 3);
  });

  it("does not fire on a fixed cycle", () => {
    const random = new Random(12);
    const sampler = new EvenBernoulli(0.1, random);
    const hits: number[] = [];
    for (let i = 0; i < 5000; i++) if (sampler.next(random)) hits.push(i);
    const gaps = new Set(hits.slice(1).map((h, i) => h - (hits[i] as number)));
    expect(gaps.size).toBeGreaterThan(3);
  });
});

describe("WeylSequence", () => {
  it("gives Benford first digits to 10^u in any run of 300 values (MAD far below 0.006)", () => {
    const sequence = new WeylSequence(new Random(13));
    const values = Array.from({ length: 3000 }, () => 10 ** (3 + sequence.next()));
    for (let start = 0; start + 300 <= values.length; start += 450) {
      const counts = new Array<number>(10).fill(0);
      for (const v of values.slice(start, start + 300)) {
        const digit = Number(String(Math.floor(v))[0]);
        counts[digit] = (counts[digit] as number) + 1;
      }
      let mad = 0;
      for (let d = 1; d <= 9; d++) mad += Math.abs((counts[d] as number) / 300 - Math.log10(1 + 1 / d)) / 9;
      expect(mad).toBeLessThan(0.006);
    }
  });

  it("stays in [0, 1)", () => {
    const sequence = new WeylSequence(new Random(14));
    for (let i = 0; i < 10_000; i++) {
      const u = sequence.next();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});
