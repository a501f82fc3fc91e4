// Behind one partner × HS6 × year of the mirror table: the import side, i.e. the importers and the import
// declarations (flow I, registered in the year, export_country = partner) with items of that HS6, with their
// customs value, mass and taxes on those items. Set-based and paged on the server; narrowed to the offices the user
// may see (a manager of one office sees that office's importers and declarations only).
import "server-only";
import { pool } from "@/lib/pg";
import type { Viewer } from "@/lib/auth/session-user";
import { officeCondition } from "@/lib/analysis/analysis-access";

export const DRILL_PAGE_SIZE = 50;

export type DrillImporter = {
  importerId: string | null;
  declarations: number;
  cif: number;
  netKg: number;
  taxes: number;
};
export type DrillDeclaration = {
  declId: string;
  regTs: string;
  officeCode: string;
  importerId: string | null;
  status: string;
  items: number;
  cif: number;
  netKg: number;
  taxes: number;
};

export type MirrorDrill = {
  importers: DrillImporter[];
  declarations: DrillDeclaration[];
  totals: { declarations: number; importers: number; cif: number };
  page: number;
  pageCount: number;
};

export type DrillQuery = { year: number; partnerCountry: string; hs6: string; page: number };

export async function mirrorDrill(user: Viewer, q: DrillQuery): Promise<MirrorDrill> {
  const scope = officeCondition(user, "d.office_code", 4);
  // One row per declaration: its items of the HS6 summed.
  const lines = `
    SELECT d.decl_id, d.reg_ts, d.office_code, d.importer_id, d.status::text AS status, count(*)::int AS items,
           coalesce(sum(i.cif_value), 0)::float8 AS cif, coalesce(sum(i.net_kg), 0)::float8 AS net_kg,
           coalesce(sum(i.taxes), 0)::float8 AS taxes
      FROM items i JOIN declarations d ON d.decl_id = i.decl_id
     WHERE i.hs6 = $3 AND d.flow = 'I' AND d.export_country = $2
       AND d.reg_ts >= make_date($1, 1, 1) AND d.reg_ts < make_date($1 + 1, 1, 1) AND ${scope.sql}
     GROUP BY d.decl_id, d.reg_ts, d.office_code, d.importer_id, d.status`;
  const args = [q.year, q.partnerCountry, q.hs6, ...scope.args];
  const limit = args.length + 1;
  const page = async (n: number) =>
    (
      await pool.query<DrillDeclaration>(
        `SELECT decl_id AS "declId", reg_ts AS "regTs", office_code AS "officeCode", importer_id AS "importerId", status, items, cif,
                net_kg AS "netKg", taxes
           FROM (${lines}) l ORDER BY cif DESC, decl_id LIMIT $${limit} OFFSET $${limit + 1}`,
        [...args, DRILL_PAGE_SIZE, (n - 1) * DRILL_PAGE_SIZE],
      )
    ).rows;
  // The importers (all of them: the totals come from there) and the page asked for, side by side.
  const [{ rows: importers }, asked] = await Promise.all([
    pool.query<DrillImporter>(
      `SELECT importer_id AS "importerId", count(*)::int AS declarations, sum(cif) AS cif, sum(net_kg) AS "netKg", sum(taxes) AS taxes
         FROM (${lines}) l GROUP BY importer_id ORDER BY sum(cif) DESC, importer_id`,
      args,
    ),
    page(Math.max(1, q.page)),
  ]);
  const total = importers.reduce((n, r) => n + r.declarations, 0);
  const pageCount = Math.max(1, Math.ceil(total / DRILL_PAGE_SIZE));
  const current = Math.min(Math.max(1, q.page), pageCount);
  const declarations = current === Math.max(1, q.page) ? asked : await page(current);
  return {
    importers,
    declarations,
    totals: { declarations: total, importers: importers.length, cif: importers.reduce((n, r) => n + r.cif, 0) },
    page: current,
    pageCount,
  };
}
