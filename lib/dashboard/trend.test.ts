import { describe, expect, it } from "vitest";
import { trendIsGood, trendOf } from "@/lib/dashboard/trend";

describe("trendOf", () => {
  it("reads a rise beyond the tolerance as up, a fall as down, a small move as flat", () => {
    expect(trendOf(62, 55)).toEqual({ trend: "up", delta: 7 });
    expect(trendOf(40, 55)).toEqual({ trend: "down", delta: -15 });
    expect(trendOf(55.4, 55)?.trend).toBe("flat");
    expect(trendOf(54.6, 55)?.trend).toBe("flat");
  });
  it("has no trend without both values", () => {
    expect(trendOf(null, 50)).toBeNull();
    expect(trendOf(50, null)).toBeNull();
    expect(trendOf(Number.NaN, 50)).toBeNull();
  });
});

describe("trendIsGood", () => {
  it("depends on the KPI's direction", () => {
    expect(trendIsGood("up", "higher")).toBe(true);
    expect(trendIsGood("up", "lower")).toBe(false);
    expect(trendIsGood("down", "lower")).toBe(true);
    expect(trendIsGood("flat", "higher")).toBeNull();
    expect(trendIsGood("up", "context")).toBeNull();
  });
});
