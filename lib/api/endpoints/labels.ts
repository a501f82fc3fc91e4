// GET /api/v1/labels: confirmed control outcomes (inspection results) as labels for a risk engine, in order of
// examination time, after a cursor. The inspector is always a pseudonym: labels are not officer-level data.
import "server-only";
import { z } from "zod";
import { pool } from "@/lib/pg";
import { defineEndpoint } from "@/lib/api/api-endpoint";
import { decodeCursor, page, PageQuery, pageOf } from "@/lib/api/api-paging";

const Label = z
  .object({
    declId: z.string(),
    examTs: z.string().meta({ description: "examination time, office local time (YYYY-MM-DD HH:MM:SS)" }),
    result: z.enum(["offence", "no_offence"]),
    illicit: z.boolean().meta({ description: "true when the examination found an offence" }),
    offenceCode: z.string().nullable(),
    adjustmentAmount: z.string().nullable().meta({ description: "duties, taxes and fines raised (decimal text)" }),
    officeCode: z.string(),
    regTs: z.string(),
    brokerId: z.string().nullable(),
    importerId: z.string().nullable(),
    inspector: z
      .string()
      .nullable()
      .meta({ description: "keyed pseudonym of the inspector, stable per token purpose" }),
  })
  .meta({ id: "Label" });

type Row = {
  decl_id: string;
  exam_ts: string;
  result: "offence" | "no_offence";
  offence_code: string | null;
  adjustment_amount: string | null;
  office_code: string;
  reg_ts: string;
  broker_id: string | null;
  importer_id: string | null;
  inspector_id: string | null;
};

export const labelsEndpoint = defineEndpoint({
  path: "/api/v1/labels",
  scope: "labels:read",
  summary: "Control outcomes as labels",
  description: "Inspection results after the cursor, in order of examination time then declaration.",
  query: PageQuery,
  response: pageOf(Label).meta({ id: "LabelPage" }),
  run: async ({ token, party, officer }, query) => {
    const after = decodeCursor(query.cursor, z.tuple([z.string(), z.string()]));
    const { rows } = await pool.query<Row>(
      `SELECT i.decl_id, i.exam_ts, i.result, i.offence_code, i.adjustment_amount, d.office_code, d.reg_ts,
              d.broker_id, d.importer_id, i.inspector_id
         FROM inspections i JOIN declarations d USING (decl_id)
        WHERE ($1::text IS NULL OR d.office_code = $1)
          AND ($2::timestamp IS NULL OR (i.exam_ts, i.decl_id) > ($2::timestamp, $3::text))
        ORDER BY i.exam_ts, i.decl_id
        LIMIT $4`,
      [token.officeCode, after?.[0] ?? null, after?.[1] ?? null, query.limit],
    );
    return {
      body: page(
        rows,
        query.limit,
        (r) => ({
          declId: r.decl_id,
          examTs: r.exam_ts,
          result: r.result,
          illicit: r.result === "offence",
          offenceCode: r.offence_code,
          adjustmentAmount: r.adjustment_amount,
          officeCode: r.office_code,
          regTs: r.reg_ts,
          brokerId: party("broker", r.broker_id),
          importerId: party("importer", r.importer_id),
          inspector: officer(r.inspector_id),
        }),
        (r) => [r.exam_ts, r.decl_id],
      ),
    };
  },
});
