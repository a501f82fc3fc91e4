import { describe, expect, it } from "vitest";
import { fileSpec } from "@/lib/clearance/canonical-files";
import { MAX_FIELD_LENGTH, planHeader, validateRow } from "@/lib/clearance/validate-row";

const declarations = fileSpec("declarations");
const header = declarations.columns.map((c) => c.name);
const good: Record<string, string> = {
  decl_id: "D1",
  office_code: "O1",
  flow: "I",
  regime: "IM4",
  broker_id: "B1",
  importer_id: "I1",
  export_country: "CN",
  arrival_ts: "",
  reg_ts: "2025-01-02 08:00:00",
  lane_initial: "Y",
  lane_final: "G",
  assignment_mode: "auto",
  assessing_officer_id: "OF1",
  asmt_ts: "2025-01-02 09:00:00",
  pay_ts: "",
  release_ts: "",
  value_initial: "10",
  value_final: "10",
  taxes_initial: "1",
  taxes_final: "1",
  status: "assessed",
};
const record = (over: Record<string, string> = {}) => header.map((h) => ({ ...good, ...over })[h]!);

describe("validateRow for declarations.csv", () => {
  const plan = planHeader(declarations, header);

  it("turns empty optional fields into nulls", () => {
    const r = validateRow(declarations, plan, record());
    expect(r.ok && r.values[header.indexOf("arrival_ts")]).toBeNull();
  });

  it("rejects reg_ts after asmt_ts on the asmt_ts column", () => {
    expect(validateRow(declarations, plan, record({ asmt_ts: "2025-01-02 07:59:59" }))).toEqual({
      ok: false,
      column: "asmt_ts",
      reason: "reg_ts is after asmt_ts",
    });
  });

  it("rejects an empty required value, an over-long field and invalid UTF-8", () => {
    expect(validateRow(declarations, plan, record({ reg_ts: "" }))).toMatchObject({
      column: "reg_ts",
      reason: "required value is empty",
    });
    expect(validateRow(declarations, plan, record({ regime: "x".repeat(MAX_FIELD_LENGTH + 1) }))).toMatchObject({
      column: "regime",
    });
    expect(validateRow(declarations, plan, record({ broker_id: "B\uFFFD" }))).toMatchObject({
      reason: "invalid UTF-8",
    });
  });

  it("rejects a record with fewer fields than the header", () => {
    expect(validateRow(declarations, plan, ["D1", "O1"])).toMatchObject({ ok: false, column: null });
  });
});

describe("planHeader", () => {
  it("finds columns in any order, lists unknown ones and missing required ones", () => {
    const plan = planHeader(fileSpec("offices"), ["workdays", "name", "office_code", "extra", "open_time"]);
    expect(plan.unknown).toEqual(["extra"]);
    expect(plan.missingRequired).toEqual(["close_time"]);
    expect(plan.indexes).toEqual([2, 1, 4, -1, 0]);
  });

  it("does not require optional columns", () => {
    const plan = planHeader(fileSpec("officers"), ["officer_id", "full_name", "office_code", "unit"]);
    expect(plan.missingRequired).toEqual([]);
  });
});

describe("validateRow and invalid UTF-8", () => {
  const officers = fileSpec("officers");
  const plan = planHeader(officers, ["officer_id", "full_name", "office_code", "unit"]);

  it("keeps a name with an invalid byte, as U+FFFD, and says which column it was in", () => {
    expect(validateRow(officers, plan, ["OF001", "Ama\uFFFDou", "CMDLA1", "U1"])).toEqual({
      ok: true,
      values: ["OF001", "Ama\uFFFDou", "CMDLA1", "U1", null, null],
      replacedIn: "full_name",
    });
  });

  it("still rejects an invalid byte in an identifier, which would change whom the row is about", () => {
    expect(validateRow(officers, plan, ["OF\uFFFD01", "Amadou", "CMDLA1", "U1"])).toEqual({
      ok: false,
      column: "officer_id",
      reason: "invalid UTF-8",
    });
  });
});
