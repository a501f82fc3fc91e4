import { describe, expect, it } from "vitest";
import { CONTRACT_TEMPLATES } from "@/lib/contracts/templates";
import { ContractInput } from "@/lib/contracts/schema";

describe("contract templates", () => {
  it.each(CONTRACT_TEMPLATES.map((t) => [t.key, t] as const))("%s makes a valid contract", (_key, template) => {
    const parsed = ContractInput.safeParse({
      title: "Template check",
      partyType: "OFFICER",
      partyOfficerId: "OF1",
      officeCode: "O1",
      periodFrom: "2025-01-01",
      periodTo: "2025-06-30",
      indicators: template.indicators,
    });
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("Cameroon 2010 balances 4 facilitation and 4 integrity indicators", () => {
    const ids = CONTRACT_TEMPLATES.find((t) => t.key === "cameroon-2010")!.indicators.map((i) => i.kpiId);
    expect(ids.filter((id) => id.startsWith("P"))).toHaveLength(4);
    expect(ids.filter((id) => id.startsWith("I"))).toHaveLength(4);
  });
});
