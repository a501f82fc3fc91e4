import { describe, expect, it } from "vitest";
import { areasForUser, canOpenArea, homePathForUser } from "@/lib/auth/areas";

const ids = (user: Parameters<typeof areasForUser>[0]) => areasForUser(user).map((area) => area.id);

describe("areas by role (the access table of the brief)", () => {
  it("gives an administrator the dashboard, contracts, integrity, analysis, data and admin, but not My indicators when unlinked", () => {
    expect(ids({ role: "ADMIN", officerId: null })).toEqual([
      "dashboard",
      "contracts",
      "integrity",
      "analysis",
      "data",
      "admin",
    ]);
  });

  it("gives a manager the dashboard, contracts, analysis and data only", () => {
    expect(ids({ role: "MANAGER", officerId: null })).toEqual(["dashboard", "contracts", "analysis", "data"]);
  });

  it("gives an integrity analyst the integrity and analysis areas only", () => {
    expect(ids({ role: "INTEGRITY", officerId: null })).toEqual(["integrity", "analysis"]);
  });

  it("gives an officer My indicators only, linked or not", () => {
    expect(ids({ role: "OFFICER", officerId: "OF001" })).toEqual(["me"]);
    expect(ids({ role: "OFFICER", officerId: null })).toEqual(["me"]);
  });

  it("opens My indicators to any role linked to an officer record", () => {
    expect(canOpenArea({ role: "MANAGER", officerId: "OF007" }, "me")).toBe(true);
    expect(canOpenArea({ role: "MANAGER", officerId: null }, "me")).toBe(false);
  });

  it("opens Integrity to a manager only when an administrator granted it, never to an officer", () => {
    expect(canOpenArea({ role: "MANAGER", officerId: null }, "integrity")).toBe(false);
    expect(canOpenArea({ role: "MANAGER", officerId: null, integrityAccess: true }, "integrity")).toBe(true);
    expect(ids({ role: "MANAGER", officerId: null, integrityAccess: true })).toEqual([
      "dashboard",
      "contracts",
      "integrity",
      "analysis",
      "data",
    ]);
    expect(canOpenArea({ role: "OFFICER", officerId: "OF001", integrityAccess: true }, "integrity")).toBe(false);
    // The manager's landing page stays the overview.
    expect(homePathForUser({ role: "MANAGER", officerId: null, integrityAccess: true })).toBe("/dashboard");
  });

  it("opens Analysis (TRS, mirror) to administrators, managers and integrity analysts, never to an officer", () => {
    expect(canOpenArea({ role: "ADMIN", officerId: null }, "analysis")).toBe(true);
    expect(canOpenArea({ role: "MANAGER", officerId: null }, "analysis")).toBe(true);
    expect(canOpenArea({ role: "INTEGRITY", officerId: null }, "analysis")).toBe(true);
    expect(canOpenArea({ role: "OFFICER", officerId: "OF001" }, "analysis")).toBe(false);
    expect(canOpenArea({ role: "OFFICER", officerId: null }, "analysis")).toBe(false);
  });

  it("never opens admin or data to an officer", () => {
    expect(canOpenArea({ role: "OFFICER", officerId: "OF001" }, "admin")).toBe(false);
    expect(canOpenArea({ role: "OFFICER", officerId: "OF001" }, "data")).toBe(false);
    expect(canOpenArea({ role: "OFFICER", officerId: "OF001" }, "dashboard")).toBe(false);
    expect(canOpenArea({ role: "INTEGRITY", officerId: null }, "dashboard")).toBe(false);
    expect(canOpenArea({ role: "INTEGRITY", officerId: null }, "admin")).toBe(false);
  });
});

describe("home page after sign-in", () => {
  it("is the first area the role grants", () => {
    expect(homePathForUser({ role: "ADMIN", officerId: null })).toBe("/dashboard");
    expect(homePathForUser({ role: "MANAGER", officerId: null })).toBe("/dashboard");
    expect(homePathForUser({ role: "INTEGRITY", officerId: null })).toBe("/integrity");
    expect(homePathForUser({ role: "OFFICER", officerId: "OF001" })).toBe("/me");
  });

  it("is not My indicators for an analyst who happens to be linked to an officer", () => {
    expect(homePathForUser({ role: "INTEGRITY", officerId: "OF003" })).toBe("/integrity");
  });
});
