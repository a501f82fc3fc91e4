import { describe, expect, it } from "vitest";
import { parseTypedNumber, typedNumber } from "@/lib/contracts/typed-number";

describe("numbers typed in the contract form", () => {
  it("reads decimal points and commas, spaces as thousands separators", () => {
    expect(parseTypedNumber("0.5")).toBe(0.5);
    expect(parseTypedNumber("0,5")).toBe(0.5);
    expect(parseTypedNumber(" 250 000 ")).toBe(250000);
    expect(parseTypedNumber("250\u00a0000")).toBe(250000);
  });

  it("turns an empty or unreadable field into NaN, which the schema refuses, never into 0", () => {
    expect(parseTypedNumber("")).toBeNaN();
    expect(parseTypedNumber("  ")).toBeNaN();
    expect(parseTypedNumber("abc")).toBeNaN();
    expect(typedNumber(Number.NaN)).toBe("");
    expect(typedNumber(40)).toBe("40");
  });
});
