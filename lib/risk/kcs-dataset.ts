// The KCS synthetic declarations (the Korea Customs Service data set, see docs/data-format.md) read straight from their
// CSV files as labelled model inputs,
// through the import's own reader and mapping (csv-records.ts, kcs-record.ts), so the evaluation sees each row
// exactly as `pmc import --kcs` would store it: declarant = broker, importer, HS6, origin, departure, office,
// customs value, net mass, taxes, and the label Fraud (the imported inspection's result: offence when Fraud = 1). Revenue of a row (for revenue@n): KCS has no surtax column, so a fraudulent row's revenue
// is the duty at stake, its taxes (Item Price × Tax Rate / 100, as imported); 0 for the others.
import fs from "node:fs";
import path from "node:path";
import { csvRecords } from "@/lib/clearance/csv-records";
import { kcsFieldGetter, mapKcsRecord, missingKcsColumns } from "@/lib/clearance/kcs-record";
import type { LabelledInput } from "@/lib/risk/risk-model";

export type DatedLabelledInput = LabelledInput & { offenceCode: string | null };

export type KcsDataset = { rows: DatedLabelledInput[]; rejected: number };

const num = (v: string | null) => (v === null ? null : Number(v));

export async function readKcsDataset(file: string): Promise<KcsDataset> {
  const rows: DatedLabelledInput[] = [];
  let header: string[] | null = null;
  let rejected = 0;
  for await (const batch of csvRecords(fs.createReadStream(file, { highWaterMark: 1 << 20 }))) {
    for (const { fields, error } of batch) {
      if (!header) {
        header = fields.map((h) => h.trim());
        const missing = missingKcsColumns(header);
        if (missing.length) throw new Error(`${path.basename(file)}: missing KCS column(s): ${missing.join(", ")}`);
        continue;
      }
      const mapped = error ? null : mapKcsRecord(kcsFieldGetter(header, fields));
      if (!mapped?.ok) {
        rejected++;
        continue;
      }
      const r = mapped.row;
      rows.push({
        declId: r.decl_id,
        regDate: r.reg_ts.slice(0, 10),
        declarant: r.broker_id,
        importer: r.importer_id,
        hs6: r.hs_code.slice(0, 6),
        origin: r.origin_country,
        departure: r.export_country,
        office: r.office_code,
        cifValue: num(r.cif_value),
        netKg: num(r.net_kg),
        taxes: num(r.taxes),
        illicit: r.fraud ? 1 : 0,
        revenue: r.fraud ? (num(r.taxes) ?? 0) : 0,
        offenceCode: r.critical ? "CRITICAL" : null,
      });
    }
  }
  return { rows, rejected };
}
