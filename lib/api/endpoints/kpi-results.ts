// GET /api/v1/kpi-results (offices and units) and GET /api/v1/officers/kpi-results (officers, a scope that names
// officers): stored KPI results, after a cursor, optionally for one KPI and within a period.
import "server-only";
import { z } from "zod";
import { pool } from "@/lib/pg";
import { defineEndpoint, type ApiCallContext } from "@/lib/api/api-endpoint";
import { decodeCursor, page, PageQuery, pageOf } from "@/lib/api/api-paging";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const KpiQuery = PageQuery.extend({
  kpiId: z.string().max(20).optional().meta({ description: "one KPI (e.g. P1)" }),
  from: Day.optional().meta({ description: "results of periods starting on or after this day" }),
  to: Day.optional().meta({ description: "results of periods ending on or before this day" }),
});

const KpiResult = z
  .object({
    subjectType: z.enum(["office", "unit", "officer"]),
    subjectId: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    kpiId: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    computedAt: z.string(),
  })
  .meta({ id: "KpiResult" });

type Row = {
  id: number;
  subject_type: "office" | "unit" | "officer";
  subject_id: string;
  period_from: string;
  period_to: string;
  kpi_id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  computed_at: Date;
};

async function readResults(
  context: ApiCallContext,
  query: z.infer<typeof KpiQuery>,
  subjectTypes: ("office" | "unit" | "officer")[],
): Promise<Row[]> {
  const after = decodeCursor(query.cursor, z.tuple([z.number().int()]));
  const office = context.token.officeCode;
  const { rows } = await pool.query<Row>(
    `SELECT r.id, r.subject_type, r.subject_id, r.period_from, r.period_to, r.kpi_id, r.value, r.numerator,
            r.denominator, r.computed_at
       FROM kpi_results r
      WHERE r.subject_type::text = ANY($1::text[])
        AND ($2::text IS NULL
             OR (r.subject_type = 'office' AND r.subject_id = $2)
             OR (r.subject_type = 'unit' AND r.subject_id LIKE $2 || '/%')
             OR (r.subject_type = 'officer'
                 AND r.subject_id IN (SELECT officer_id FROM officers WHERE office_code = $2)))
        AND ($3::text IS NULL OR r.kpi_id = $3)
        AND ($4::date IS NULL OR r.period_from >= $4::date)
        AND ($5::date IS NULL OR r.period_to <= $5::date)
        AND ($6::bigint IS NULL OR r.id > $6)
      ORDER BY r.id
      LIMIT $7`,
    [subjectTypes, office, query.kpiId ?? null, query.from ?? null, query.to ?? null, after?.[0] ?? null, query.limit],
  );
  return rows;
}

const toItem = (r: Row, subjectId: string) => ({
  subjectType: r.subject_type,
  subjectId,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  kpiId: r.kpi_id,
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  computedAt: r.computed_at.toISOString(),
});

export const kpiResultsEndpoint = defineEndpoint({
  path: "/api/v1/kpi-results",
  scope: "kpis:read",
  summary: "KPI results of offices and units",
  description: "Stored KPI results per office and unit, in the order they were stored.",
  query: KpiQuery.extend({ subjectType: z.enum(["office", "unit"]).optional() }),
  response: pageOf(KpiResult).meta({ id: "KpiResultPage" }),
  run: async (context, query) => {
    const rows = await readResults(context, query, query.subjectType ? [query.subjectType] : ["office", "unit"]);
    return {
      body: page(
        rows,
        query.limit,
        (r) => toItem(r, r.subject_id),
        (r) => [r.id],
      ),
    };
  },
});

export const officerKpiResultsEndpoint = defineEndpoint({
  path: "/api/v1/officers/kpi-results",
  scope: "officers:kpis:read",
  summary: "KPI results of officers",
  description:
    "Stored KPI results per officer. Each officer whose figures a page returns has the call in his view log. " +
    "With a pseudonym purpose on the token, officers are keyed pseudonyms.",
  query: KpiQuery,
  response: pageOf(KpiResult).meta({ id: "OfficerKpiResultPage" }),
  run: async (context, query) => {
    const rows = await readResults(context, query, ["officer"]);
    return {
      body: page(
        rows,
        query.limit,
        (r) => toItem(r, context.party("officer", r.subject_id)!),
        (r) => [r.id],
      ),
      viewedOfficers: [...new Set(rows.map((r) => r.subject_id))],
    };
  },
});
