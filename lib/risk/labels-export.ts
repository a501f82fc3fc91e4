// The inspection outcomes as labelled declarations, in the format of the cases module's feedback export
// (/api/cases/feedback/labels.csv: decl_id, illicit, revenue, offence_code), so the risk-management unit can join
// both files: one row per inspected declaration of the user's offices (scopeForUser), optionally registered in a
// range of dates.
//   illicit       1 when one of its inspections found an offence, else 0
//   revenue       Σ adjustment_amount of its inspections with result offence (0 when none was recorded)
//   offence_code  the offence codes of those inspections, each once, joined with "|" as the cases export does
import "server-only";
import { z } from "zod";
import { pool } from "@/lib/pg";
import { scopeForUser } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session-user";
import type { ExportTable } from "@/lib/table-export";

const Day = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);
export const LabelsExportFilters = z.object({ from: Day.default(""), to: Day.default("") });

export async function inspectionLabelsTable(viewer: Viewer, raw: unknown): Promise<ExportTable> {
  const filters = LabelsExportFilters.parse(raw);
  const scope = scopeForUser(viewer);
  const columns = ["decl_id", "illicit", "revenue", "offence_code"];
  if (scope.kind === "officer" || scope.kind === "none") return { name: "labels", columns, rows: [] };
  const { rows } = await pool.query<{ decl_id: string; illicit: number; revenue: number; offence_code: string }>(
    `SELECT i.decl_id, max((i.result = 'offence')::int) AS illicit,
            coalesce(sum(i.adjustment_amount) FILTER (WHERE i.result = 'offence'), 0)::float8 AS revenue,
            coalesce(string_agg(DISTINCT i.offence_code, '|' ORDER BY i.offence_code)
                       FILTER (WHERE i.result = 'offence' AND coalesce(i.offence_code, '') <> ''), '') AS offence_code
       FROM inspections i JOIN declarations d USING (decl_id)
      WHERE ($1::text IS NULL OR d.office_code = $1)
        AND ($2 = '' OR d.reg_ts >= $2::date) AND ($3 = '' OR d.reg_ts < $3::date + 1)
      GROUP BY i.decl_id
      ORDER BY i.decl_id`,
    [scope.kind === "office" ? scope.officeCode : null, filters.from, filters.to],
  );
  return { name: "labels", columns, rows: rows.map((r) => [r.decl_id, r.illicit, r.revenue, r.offence_code]) };
}
