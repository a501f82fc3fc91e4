import { describe, expect, it } from "vitest";
import { fileSpec } from "@/lib/clearance/canonical-files";
import { StagedMonths } from "@/lib/clearance/staged-months";

const row = (spec: ReturnType<typeof fileSpec>, values: Record<string, string | null>) =>
  spec.columns.map((c) => values[c.name] ?? null);

describe("StagedMonths", () => {
  it("keeps the distinct months of a declaration's registration and assessment dates, nulls left out", () => {
    const spec = fileSpec("declarations");
    const months = new StagedMonths(spec);
    months.add(row(spec, { reg_ts: "2025-01-31 23:59:59", asmt_ts: "2025-02-01 00:00:00" }));
    months.add(row(spec, { reg_ts: "2025-01-02 08:00:00", asmt_ts: null }));
    months.add(row(spec, { reg_ts: "2024-12-31 10:00:00", pay_ts: "2026-06-01 10:00:00" }));
    expect(months.months()).toEqual(["2024-12", "2025-01", "2025-02"]);
  });

  it("has no months of its own for items, which take their declarations' months", () => {
    const spec = fileSpec("items");
    const months = new StagedMonths(spec);
    months.add(row(spec, { decl_id: "D1", item_no: "1" }));
    expect(months.months()).toEqual([]);
  });

  it("reads an event's own timestamp", () => {
    const spec = fileSpec("events");
    const months = new StagedMonths(spec);
    months.add(row(spec, { ts: "2025-03-04 05:06:07" }));
    months.add(row(spec, { ts: "2025-03-30 05:06:07" }));
    expect(months.months()).toEqual(["2025-03"]);
  });
});
