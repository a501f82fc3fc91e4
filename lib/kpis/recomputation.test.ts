import { describe, expect, it } from "vitest";
import { recomputeRequests, type Cell } from "@/lib/kpis/recomputation";

describe("recomputeRequests", () => {
  it("recomputes the month and quarter of each touched cell, for the touched subjects only", () => {
    const cells: Cell[] = [
      ["officer", "OF2", "2025-03"],
      ["officer", "OF1", "2025-03"],
      ["office", "CMDLA1", "2025-04"],
    ];
    expect(recomputeRequests(cells, [])).toEqual([
      { from: "2025-01-01", to: "2025-03-31", subjectType: "officer", subjectIds: ["OF1", "OF2"] },
      { from: "2025-01-01", to: "2025-03-31", subjectType: "unit", subjectIds: null },
      { from: "2025-03-01", to: "2025-03-31", subjectType: "officer", subjectIds: ["OF1", "OF2"] },
      { from: "2025-03-01", to: "2025-03-31", subjectType: "unit", subjectIds: null },
      { from: "2025-04-01", to: "2025-04-30", subjectType: "office", subjectIds: ["CMDLA1"] },
      { from: "2025-04-01", to: "2025-06-30", subjectType: "office", subjectIds: ["CMDLA1"] },
    ]);
  });

  it("expands a '*' month to every month with data and a '*' subject to all subjects", () => {
    const requests = recomputeRequests([["office", "*", "*"]], ["2025-01", "2025-02"]);
    expect(requests).toEqual([
      { from: "2025-01-01", to: "2025-01-31", subjectType: "office", subjectIds: null },
      { from: "2025-01-01", to: "2025-03-31", subjectType: "office", subjectIds: null },
      { from: "2025-02-01", to: "2025-02-28", subjectType: "office", subjectIds: null },
    ]);
  });

  it("adds other periods (e.g. a contract's) that contain a touched month", () => {
    const requests = recomputeRequests(
      [["officer", "OF1", "2025-05"]],
      [],
      [
        { from: "2025-02-01", to: "2025-07-31" },
        { from: "2025-08-01", to: "2026-01-31" },
      ],
    );
    expect(requests.filter((r) => r.subjectType === "officer").map((r) => `${r.from}/${r.to}`)).toEqual([
      "2025-04-01/2025-06-30",
      "2025-05-01/2025-05-31",
      "2025-02-01/2025-07-31",
    ]);
  });

  it("asks for nothing when nothing changed", () => {
    expect(recomputeRequests([], ["2025-01"])).toEqual([]);
  });
});
