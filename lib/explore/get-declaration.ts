// One declaration with its items, events and inspections, for the user asking. The scope is part of the `where`
// clause (docs/conventions.md, "Authorization is structural"): a declaration outside it is NOT_FOUND, exactly as one
// that does
// not exist, so its existence does not leak. Managers and analysts see their office's declarations; an officer, the
// ones they assessed.
import "server-only";
import { pool } from "@/lib/pg";
import { scopeForUser } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";

export type DeclarationRecord = {
  declaration: Record<string, unknown>;
  items: Record<string, unknown>[];
  events: Record<string, unknown>[];
  inspections: Record<string, unknown>[];
};

function scopeWhere(user: Viewer): { sql: string; args: string[] } {
  const scope = scopeForUser(user);
  switch (scope.kind) {
    case "all":
      return { sql: "TRUE", args: [] };
    case "office":
      return { sql: "d.office_code = $2", args: [scope.officeCode] };
    case "officer":
      return { sql: "d.assessing_officer_id = $2", args: [scope.officerId] };
    case "none":
      return { sql: "FALSE", args: [] };
  }
}

export async function getDeclarationOrThrow(user: Viewer, declId: string): Promise<DeclarationRecord> {
  const where = scopeWhere(user);
  const { rows } = await pool.query(
    `SELECT d.decl_id, d.office_code, o.name AS office_name, d.flow, d.regime, d.broker_id, d.importer_id, d.export_country,
            d.arrival_ts, d.reg_ts, d.lane_initial, d.lane_final, d.assignment_mode, d.assessing_officer_id,
            f.full_name AS assessing_officer_name, d.asmt_ts, d.pay_ts, d.release_ts, d.value_initial, d.value_final,
            d.taxes_initial, d.taxes_final, d.status, d.import_batch_id
       FROM declarations d
       LEFT JOIN offices o ON o.office_code = d.office_code
       LEFT JOIN officers f ON f.officer_id = d.assessing_officer_id
      WHERE d.decl_id = $1 AND ${where.sql}
      LIMIT 1`,
    [declId, ...where.args],
  );
  const declaration = rows[0] as Record<string, unknown> | undefined;
  if (!declaration) throw new AppError("NOT_FOUND", "Declaration not found");
  const [items, events, inspections] = await Promise.all([
    pool.query(
      `SELECT item_no, hs_code, hs6, description, origin_country, net_kg, gross_kg, supp_qty, supp_unit, cif_value, taxes
         FROM items WHERE decl_id = $1 ORDER BY item_no`,
      [declId],
    ),
    pool.query(`SELECT ts, action, officer_id, lane_from, lane_to FROM events WHERE decl_id = $1 ORDER BY ts, action`, [
      declId,
    ]),
    pool.query(
      `SELECT exam_ts, inspector_id, result, offence_code, adjustment_amount FROM inspections WHERE decl_id = $1 ORDER BY exam_ts`,
      [declId],
    ),
  ]);
  return { declaration, items: items.rows, events: events.rows, inspections: inspections.rows };
}
