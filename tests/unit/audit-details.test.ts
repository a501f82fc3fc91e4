// Audit details as readable pairs, worked by hand from entries the portal writes.
import { describe, expect, it } from "vitest";
import { describeAuditDetails, detailsAsText } from "@/lib/audit-log/describe-audit-details";

describe("describeAuditDetails", () => {
  it("turns a user change into from → to pairs", () => {
    const details = describeAuditDetails({
      role: { from: "MANAGER", to: "OFFICER" },
      integrityAccess: { from: true, to: false },
    });
    expect(details).toEqual([
      {
        key: "role",
        path: ["role"],
        value: { kind: "change", from: { kind: "text", text: "MANAGER" }, to: { kind: "text", text: "OFFICER" } },
      },
      {
        key: "integrityAccess",
        path: ["integrityAccess"],
        value: { kind: "change", from: { kind: "boolean", value: true }, to: { kind: "boolean", value: false } },
      },
    ]);
  });

  it("flattens nested values with their path and keeps numbers exact for the exports", () => {
    const details = describeAuditDetails({ score: { value: 0.123456789, n: 12 }, ip: "127.0.0.1", tags: ["a", "b"] });
    expect(detailsAsText(details)).toBe("score › value: 0.123456789; score › n: 12; ip: 127.0.0.1; tags: a, b");
  });

  it("has nothing to say about an entry without details", () => {
    expect(describeAuditDetails(null)).toEqual([]);
    expect(
      detailsAsText(describeAuditDetails({ officeCode: { from: null, to: "CMDLA1" } }), (k) => k.toUpperCase()),
    ).toBe("OFFICECODE: — → CMDLA1");
  });
});
