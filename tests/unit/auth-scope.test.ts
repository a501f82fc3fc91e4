import { describe, expect, it } from "vitest";
import { scopeForUser } from "@/lib/auth/scope";

describe("scopeForUser", () => {
  it("lets an administrator see every office", () => {
    expect(scopeForUser({ role: "ADMIN", officeCode: "DLA1", officerId: null })).toEqual({ kind: "all" });
  });

  it("limits a manager or an integrity analyst with an office to that office", () => {
    expect(scopeForUser({ role: "MANAGER", officeCode: "DLA1", officerId: null })).toEqual({
      kind: "office",
      officeCode: "DLA1",
    });
    expect(scopeForUser({ role: "INTEGRITY", officeCode: "DLA5", officerId: null })).toEqual({
      kind: "office",
      officeCode: "DLA5",
    });
  });

  it("gives a manager or an integrity analyst without an office every office", () => {
    expect(scopeForUser({ role: "MANAGER", officeCode: null, officerId: null })).toEqual({ kind: "all" });
    expect(scopeForUser({ role: "INTEGRITY", officeCode: null, officerId: null })).toEqual({ kind: "all" });
  });

  it("limits an officer to their own officer id, whatever their office", () => {
    expect(scopeForUser({ role: "OFFICER", officeCode: "DLA1", officerId: "OF001" })).toEqual({
      kind: "officer",
      officerId: "OF001",
    });
  });

  it("gives an officer account with no officer link nothing at all", () => {
    expect(scopeForUser({ role: "OFFICER", officeCode: null, officerId: null })).toEqual({ kind: "none" });
  });
});
