import { describe, expect, it } from "vitest";
import { Random } from "@/lib/kernel/seeded-random";
import { fitLogistic, sigmoid, solveSpd } from "@/lib/risk/logistic-regression";

const logit = (p: number) => Math.log(p / (1 - p));

describe("logistic regression (Newton / IRLS with an L2 penalty)", () => {
  it("gives, without a penalty, the closed-form fit of one binary feature", () => {
    // x = 0: 10 rows, 2 positive; x = 1: 10 rows, 6 positive. The MLE is saturated:
    // intercept = logit(0.2) = ln 0.25, coefficient = logit(0.6) − logit(0.2) = ln 1.5 − ln 0.25 = ln 6.
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 10; i++) {
      x.push([0]);
      y.push(i < 2 ? 1 : 0);
    }
    for (let i = 0; i < 10; i++) {
      x.push([1]);
      y.push(i < 6 ? 1 : 0);
    }
    const fit = fitLogistic(x, y, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(logit(0.2), 8);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(6), 8);
  });

  it("recovers known coefficients from data drawn from the model", () => {
    // y ~ Bernoulli(sigmoid(−0.5 + 1.5 x1 − 1.0 x2 + 0 x3)), 20,000 rows: the standard error of each coefficient
    // is about 0.02, so ±0.1 is five of them.
    const rnd = new Random(11);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = [rnd.normal(), rnd.normal(), rnd.normal()];
      x.push(row);
      y.push(rnd.next() < sigmoid(-0.5 + 1.5 * row[0]! - 1.0 * row[1]!) ? 1 : 0);
    }
    const fit = fitLogistic(x, y, { l2: 1e-6 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(-0.5, 1);
    expect(Math.abs(fit.coefficients[0]! - 1.5)).toBeLessThan(0.1);
    expect(Math.abs(fit.coefficients[1]! + 1.0)).toBeLessThan(0.1);
    expect(Math.abs(fit.coefficients[2]!)).toBeLessThan(0.1);
    // Deterministic: the same data give the same coefficients, bit for bit.
    expect(fitLogistic(x, y, { l2: 1e-6 })).toEqual(fit);
  });

  it("stays finite on separable data and shrinks coefficients as the penalty grows", () => {
    const x = [[-2], [-1], [1], [2]];
    const y = [0, 0, 1, 1];
    const weak = fitLogistic(x, y, { l2: 0.1 });
    const strong = fitLogistic(x, y, { l2: 10 });
    expect(Number.isFinite(weak.coefficients[0])).toBe(true);
    expect(weak.coefficients[0]).toBeGreaterThan(strong.coefficients[0]!);
    expect(strong.coefficients[0]).toBeGreaterThan(0);
    // The penalised optimum: gradient Σ (y − p) x − λ β = 0.
    const b = strong.coefficients[0]!;
    const gradient = x.reduce((s, [v], i) => s + (y[i]! - sigmoid(strong.intercept + b * v!)) * v!, 0) - 10 * b;
    expect(Math.abs(gradient)).toBeLessThan(1e-8);
  });

  it("solves a symmetric positive definite system", () => {
    // [[4, 2], [2, 3]] x = [2, 1] → x = [0.5, 0].
    const [a, b] = solveSpd(
      [
        [4, 2],
        [2, 3],
      ],
      [2, 1],
    );
    expect(a).toBeCloseTo(0.5, 12);
    expect(b).toBeCloseTo(0, 12);
  });
});
