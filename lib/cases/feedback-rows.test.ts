import { describe, expect, it } from "vitest";
import { attributeRevenue, feedbackRows, type ConfirmedCase } from "@/lib/cases/feedback-rows";

const decl = (id: string, office = "CMDLA1") => ({ decl_id: id, office_code: office });
const goods = (hsCode: string, originCountry: string) => ({ itemNo: 1, hsCode, originCountry });

describe("revenue attribution", () => {
  it("gives a named adjustment to its declaration and shares the others evenly, cents left over to the first", () => {
    // 100.00 shared by three: 33.34, 33.33, 33.33; plus 50.00 named on D2.
    const revenue = attributeRevenue(
      ["D1", "D2", "D3"],
      [
        { type: "TAX_ADJUSTMENT", amount: "100.00", declId: null },
        { type: "TAX_ADJUSTMENT", amount: "50.00", declId: "D2" },
        { type: "FINE", amount: "999.00", declId: null },
        { type: "TRAINING", amount: null, declId: null },
      ],
    );
    expect(Object.fromEntries(revenue)).toEqual({ D1: 3334, D2: 8333, D3: 3333 });
    expect([...revenue.values()].reduce((a, b) => a + b, 0)).toBe(15000);
  });

  it("shares an adjustment naming a declaration outside the confirmed ones like an unnamed one", () => {
    expect(
      Object.fromEntries(attributeRevenue(["D1", "D2"], [{ type: "TAX_ADJUSTMENT", amount: "0.03", declId: "D9" }])),
    ).toEqual({ D1: 2, D2: 1 });
  });
});

describe("feedback rows", () => {
  const caseA: ConfirmedCase = {
    id: 7,
    findingAt: new Date("2026-03-05T10:00:00Z"),
    offenceCode: "UNDERVALUATION",
    confirmedDeclIds: ["D1", "D3"],
    // D2 appears in both snapshots; its goods line comes from the one that has it.
    evidence: [
      {
        declarations: [decl("D1"), decl("D2"), decl("D3")],
        goods: { D1: goods("8703230000", "JP"), D3: goods("6203420000", "CN") },
      },
      { declarations: [decl("D2")], goods: { D2: goods("8517120000", "CN") } },
    ],
    actions: [
      { type: "TAX_ADJUSTMENT", amount: "300.00", declId: "D3" },
      { type: "TAX_ADJUSTMENT", amount: "100.01", declId: null },
    ],
  };
  const caseB: ConfirmedCase = {
    id: 9,
    findingAt: new Date("2026-02-01T23:59:00Z"),
    offenceCode: "CORRUPTION",
    confirmedDeclIds: [],
    evidence: [{ declarations: [decl("D2"), decl("E1", "CMDLA5")], goods: {} }],
    actions: [{ type: "FINE", amount: "500.00", declId: null }],
  };

  it("labels every evidence declaration once, illicit when a case confirms it, with its revenue and codes", () => {
    // Case A: illicit D1, D3; 100.01 shared → D1 50.01, D3 50.00; D3 also gets 300.00. D2 not confirmed by A.
    // Case B: names none → D2 and E1 illicit, no adjustment.
    expect(feedbackRows([caseA, caseB]).labels).toEqual([
      { declId: "D1", illicit: 1, revenue: 50.01, offenceCode: "UNDERVALUATION" },
      { declId: "D2", illicit: 1, revenue: 0, offenceCode: "CORRUPTION" },
      { declId: "D3", illicit: 1, revenue: 350, offenceCode: "UNDERVALUATION" },
      { declId: "E1", illicit: 1, revenue: 0, offenceCode: "CORRUPTION" },
    ]);
    expect(feedbackRows([caseA]).labels.find((l) => l.declId === "D2")).toEqual({
      declId: "D2",
      illicit: 0,
      revenue: 0,
      offenceCode: "",
    });
  });

  it("records one offence per illicit declaration and case, dated by the finding", () => {
    expect(feedbackRows([caseA, caseB]).offences.map(({ declId, caseId, ...o }) => [declId, caseId, o])).toEqual([
      // Case B's own evidence has no goods line for D2 (case A's is not borrowed).
      ["D2", 9, { date: "2026-02-01", office: "CMDLA1", hsCode: "", origin: "", offenceType: "CORRUPTION", amount: 0 }],
      ["E1", 9, { date: "2026-02-01", office: "CMDLA5", hsCode: "", origin: "", offenceType: "CORRUPTION", amount: 0 }],
      [
        "D1",
        7,
        {
          date: "2026-03-05",
          office: "CMDLA1",
          hsCode: "8703230000",
          origin: "JP",
          offenceType: "UNDERVALUATION",
          amount: 50.01,
        },
      ],
      [
        "D3",
        7,
        {
          date: "2026-03-05",
          office: "CMDLA1",
          hsCode: "6203420000",
          origin: "CN",
          offenceType: "UNDERVALUATION",
          amount: 350,
        },
      ],
    ]);
  });
});
