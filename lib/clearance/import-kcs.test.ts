import { describe, expect, it } from "vitest";
import { mapKcsRecord } from "@/lib/clearance/import-kcs";

const base: Record<string, string> = {
  declId: "85945189",
  date: "2020-01-01",
  office: "40",
  importType: "11",
  declarant: "SWF9S4X",
  importer: "7JD1S2X",
  hs6: "690722",
  departure: "CN",
  origin: "CN",
  taxRate: "8.0",
  netMass: "11352.0",
  price: "375751.2",
  fraud: "0",
  critical: "0",
};
const map = (over: Record<string, string> = {}) => mapKcsRecord((f) => ({ ...base, ...over })[f] ?? "");

describe("mapKcsRecord", () => {
  it("maps a row as the KCS README says: price as value and CIF, taxes = price × rate / 100", () => {
    const r = map();
    expect(r.ok && r.row).toMatchObject({
      decl_id: "85945189",
      office_code: "40",
      broker_id: "SWF9S4X",
      importer_id: "7JD1S2X",
      export_country: "CN",
      reg_ts: "2020-01-01 00:00:00",
      hs_code: "690722",
      origin_country: "CN",
      net_kg: "11352.000",
      cif_value: "375751.20",
      taxes: "30060.10",
      fraud: false,
      critical: false,
    });
  });

  it("rounds binary float noise in prices to cents and pads short HS6 codes", () => {
    const r = map({ price: "1.7999999999", hs6: "30617" });
    expect(r.ok && [r.row.cif_value, r.row.hs_code]).toEqual(["1.80", "030617"]);
  });

  it("marks CRITICAL only for the documented Critical Fraud = 1, and accepts the 2 found in the files", () => {
    const critical = (v: string) => {
      const r = map({ fraud: "1", critical: v });
      return r.ok && r.row.critical;
    };
    expect([critical("1"), critical("2"), critical("0")]).toEqual([true, false, false]);
  });

  it("rejects impossible dates and unknown fraud labels with the KCS column name", () => {
    expect(map({ date: "2020-13-01" })).toMatchObject({ ok: false, column: "Date" });
    expect(map({ fraud: "yes" })).toMatchObject({ ok: false, column: "Fraud" });
  });
});
