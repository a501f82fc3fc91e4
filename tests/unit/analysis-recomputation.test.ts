import { describe, expect, it } from "vitest";
import { analysisRequests } from "@/lib/analysis/analysis-recomputation";
import type { Cell } from "@/lib/kpis/recomputation";

describe("TRS and mirror tables an import calls for", () => {
  it("recomputes the TRS of every month, quarter and year touched, and the mirror of those years", () => {
    const cells: Cell[] = [
      ["office", "CMDLA1", "2025-03"],
      ["officer", "OF001", "2025-03"],
      ["office", "CMDLA1", "2025-04"],
      ["officer", "*", "2024-12"],
    ];
    expect(analysisRequests(cells, ["declarations.csv"], [2024, 2025, 2026])).toEqual({
      trsPeriods: [
        { from: "2024-10-01", to: "2024-12-31" },
        { from: "2024-12-01", to: "2024-12-31" },
        { from: "2024-01-01", to: "2024-12-31" },
        { from: "2025-01-01", to: "2025-03-31" },
        { from: "2025-03-01", to: "2025-03-31" },
        { from: "2025-04-01", to: "2025-04-30" },
        { from: "2025-04-01", to: "2025-06-30" },
        { from: "2025-01-01", to: "2025-12-31" },
      ].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
      mirrorYears: [2024, 2025],
    });
  });

  it("ignores cells of every month (office hours, holidays, officers change no TRS figure)", () => {
    expect(
      analysisRequests(
        [
          ["officer", "*", "*"],
          ["office", "*", "*"],
        ],
        ["offices.csv", "holidays.csv"],
        [2025],
      ),
    ).toEqual({
      trsPeriods: [],
      mirrorYears: [],
    });
  });

  it("recomputes every computable mirror year when partner exports or exchange rates were imported", () => {
    expect(analysisRequests([], ["mirror_exports.csv"], [2024, 2025])).toEqual({
      trsPeriods: [],
      mirrorYears: [2024, 2025],
    });
    expect(analysisRequests([], ["exchange_rates.csv"], [2025])).toEqual({ trsPeriods: [], mirrorYears: [2025] });
    // A year with declarations but without partner exports or an exchange rate cannot be computed.
    expect(analysisRequests([["office", "X", "2023-05"]], ["declarations.csv"], [2025]).mirrorYears).toEqual([]);
  });
});
