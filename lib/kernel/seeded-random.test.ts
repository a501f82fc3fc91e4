import { describe, expect, it } from "vitest";
import { deriveSeed, Random, WeightedPicker } from "@/lib/kernel/seeded-random";

const draws = (random: Random, n: number, draw: (r: Random) => number) => Array.from({ length: n }, () => draw(random));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

describe("Random", () => {
  it("repeats the same sequence for the same seed and not for another", () => {
    const a = draws(new Random(42), 20, (r) => r.nextUint32());
    const b = draws(new Random(42), 20, (r) => r.nextUint32());
    const c = draws(new Random(43), 20, (r) => r.nextUint32());
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("derives different sub-seeds per label and per seed", () => {
    expect(deriveSeed(42, "population")).toBe(deriveSeed(42, "population"));
    expect(deriveSeed(42, "population")).not.toBe(deriveSeed(42, "declarations"));
    expect(deriveSeed(42, "population")).not.toBe(deriveSeed(43, "population"));
  });

  it("draws uniform values in [0, 1) with mean 1/2 and variance 1/12", () => {
    const xs = draws(new Random(1), 100_000, (r) => r.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    expect(sd(xs)).toBeCloseTo(Math.sqrt(1 / 12), 2);
  });

  it("draws standard normals, log-normals around their median and exponentials around their mean", () => {
    const normals = draws(new Random(2), 100_000, (r) => r.normal());
    expect(mean(normals)).toBeCloseTo(0, 1);
    expect(sd(normals)).toBeCloseTo(1, 1);
    // P(Z < 1.96) = 0.975
    expect(normals.filter((z) => z < 1.96).length / normals.length).toBeCloseTo(0.975, 2);

    const logNormals = draws(new Random(3), 50_000, (r) => r.logNormal(100, 0.5)).sort((a, b) => a - b);
    expect(logNormals[25_000]).toBeGreaterThan(97);
    expect(logNormals[25_000]).toBeLessThan(103);

    expect(mean(draws(new Random(4), 50_000, (r) => r.exponential(7)))).toBeCloseTo(7, 0);
  });

  it("draws geometric counts at mean 1/p", () => {
    expect(mean(draws(new Random(6), 50_000, (r) => r.geometric(0.5, 1000)))).toBeCloseTo(2, 1);
  });
});

describe("WeightedPicker", () => {
  it("picks items in proportion to their weights and never a zero-weight item", () => {
    const picker = new WeightedPicker(["a", "b", "c", "never"], [1, 2, 7, 0]);
    const random = new Random(7);
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const item = picker.pick(random);
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    expect((counts.get("a") ?? 0) / 100_000).toBeCloseTo(0.1, 2);
    expect((counts.get("b") ?? 0) / 100_000).toBeCloseTo(0.2, 2);
    expect((counts.get("c") ?? 0) / 100_000).toBeCloseTo(0.7, 2);
    expect(counts.has("never")).toBe(false);
  });

  it("rejects empty or mismatched weights", () => {
    expect(() => new WeightedPicker([], [])).toThrow();
    expect(() => new WeightedPicker(["a"], [1, 2])).toThrow();
    expect(() => new WeightedPicker(["a"], [0])).toThrow();
  });
});
