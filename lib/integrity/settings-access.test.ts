import { describe, expect, it } from "vitest";
import { canEditDetectionParams, canReadDetectionParams } from "@/lib/integrity/settings-access";

describe("detection parameters access", () => {
  it("lets administrators and national analysts edit, office analysts only read, nobody else either", () => {
    expect(canEditDetectionParams({ role: "ADMIN", officeCode: null })).toBe(true);
    expect(canEditDetectionParams({ role: "ADMIN", officeCode: "CMDLA1" })).toBe(true);
    expect(canEditDetectionParams({ role: "INTEGRITY", officeCode: null })).toBe(true);
    expect(canEditDetectionParams({ role: "INTEGRITY", officeCode: "CMDLA1" })).toBe(false);
    expect(canReadDetectionParams({ role: "INTEGRITY" })).toBe(true);
    for (const role of ["MANAGER", "OFFICER"] as const) {
      expect(canEditDetectionParams({ role, officeCode: null })).toBe(false);
      expect(canReadDetectionParams({ role })).toBe(false);
    }
  });
});
