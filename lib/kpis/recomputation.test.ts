import { describe, expect, it } from "vitest";
import { recomputeRequests, type Cell } from "@/lib/kpis/recomputation";

describe("recomputeRequests", () => {
  it("recomputes each touched cell's quarter, naming its touched months and the touched subjects", () => {
    const cells: Cell[] = [
      ["officer", "OF2", "2025-03"],
      ["officer", "OF1", "2025-03"],
      ["office", "CMDLA1", "2025-04"],
    ];
    expect(recomputeRequests(cells, [])).toEqual([
      { from: "2025-01-01", to: "2025-03-31", months: ["2025-03"], officers: ["OF1", "OF2"], offices: [] },
      { from: "2025-04-01", to: "2025-06-30", months: ["2025-04"], officers: [], offices: ["CMDLA1"] },
    ]);
  });

  it("expands a '*' month to every month with data and a '*' subject to all subjects", () => {
    const requests = recomputeRequests([["office", "*", "*"]], ["2025-01", "2025-02", "2025-04"]);
    expect(requests).toEqual([
      { from: "2025-01-01", to: "2025-03-31", months: ["2025-01", "2025-02"], officers: [], offices: null },
      { from: "2025-04-01", to: "2025-06-30", months: ["2025-04"], officers: [], offices: null },
    ]);
  });

  it("asks for nothing when nothing changed", () => {
    expect(recomputeRequests([], ["2025-01"])).toEqual([]);
  });
});
