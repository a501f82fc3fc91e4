import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-path";

describe("safeCallbackPath", () => {
  it("keeps a path of this site with its query", () => {
    expect(safeCallbackPath("/admin")).toBe("/admin");
    expect(safeCallbackPath("/data/imports/3?tab=quality")).toBe("/data/imports/3?tab=quality");
  });

  it("refuses anything that leads to another site", () => {
    expect(safeCallbackPath("https://evil.example/admin")).toBeNull();
    expect(safeCallbackPath("//evil.example/admin")).toBeNull();
    expect(safeCallbackPath("/\\evil.example")).toBeNull();
    expect(safeCallbackPath("javascript:alert(1)")).toBeNull();
  });

  it("refuses the login page and auth endpoints, and non-strings", () => {
    expect(safeCallbackPath("/login?callbackUrl=/admin")).toBeNull();
    expect(safeCallbackPath("/api/auth/signout")).toBeNull();
    expect(safeCallbackPath(undefined)).toBeNull();
    expect(safeCallbackPath(42)).toBeNull();
  });
});
