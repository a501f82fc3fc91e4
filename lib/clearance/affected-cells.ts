// The KPI cells (subject, month) an import changes, read from a file's new or changed staged rows and from the
// rows they replace (a declaration moving to another officer changes both officers' indicators). Computed before
// the upsert, while the replaced rows are still there.
import "server-only";
import type { PoolClient } from "pg";
import type { CanonicalFileSpec } from "@/lib/clearance/canonical-files";
import { stagingTable } from "@/lib/clearance/stage-file";
import { stagedRowChanges } from "@/lib/clearance/merge-staged";
import type { Cell } from "@/lib/kpis/recomputation";
import { MONTH_COLUMNS } from "@/lib/clearance/staged-months";

const month = (ts: string) => `to_char(${ts}, 'YYYY-MM')`;

// VALUES rows (subject type, subject id, month) per file; "s" is the staged row, "o" the stored row it replaces,
// "d" the stored declaration it belongs to. `replaced`: further cells of the stored rows replaced, which their
// columns alone do not name: a statement over the staging table given, returning (t, id, m).
type FileCells = { join: string; values: string[]; replaced?: (staged: string) => string };
const CELLS: Partial<Record<CanonicalFileSpec["name"], FileCells>> = {
  declarations: {
    join: "LEFT JOIN declarations o ON o.decl_id = s.decl_id",
    values: ["s", "o"].flatMap((r) => [
      `('office', ${r}.office_code, ${month(`${r}.reg_ts`)})`,
      `('officer', ${r}.assessing_officer_id, ${month(`${r}.reg_ts`)})`,
      // P13 counts declarations by assessment date.
      `('office', ${r}.office_code, ${month(`${r}.asmt_ts`)})`,
      `('officer', ${r}.assessing_officer_id, ${month(`${r}.asmt_ts`)})`,
    ]),
    // A declaration that moves to another office takes its events and inspections with it: the events and E sets
    // count them in their own months, which need not be its registration's or assessment's, by its office.
    replaced: (staged) => `
      SELECT 'office', x.office, ${month("r.ts")}
        FROM ${staged} s JOIN declarations o ON o.decl_id = s.decl_id AND o.office_code <> s.office_code
        JOIN (SELECT decl_id, ts FROM events UNION ALL SELECT decl_id, exam_ts FROM inspections) r ON r.decl_id = s.decl_id
       CROSS JOIN LATERAL (VALUES (s.office_code), (o.office_code)) AS x(office)
       WHERE s.reject_reason IS NULL AND s.stored`,
  },
  inspections: {
    join: `LEFT JOIN inspections o ON o.decl_id = s.decl_id AND o.exam_ts = s.exam_ts
           LEFT JOIN declarations d ON d.decl_id = s.decl_id`,
    values: [
      `('officer', s.inspector_id, ${month("s.exam_ts")})`,
      `('officer', o.inspector_id, ${month("s.exam_ts")})`,
      `('office', d.office_code, ${month("s.exam_ts")})`,
      // I2 looks for an inspection at any date of the declarations registered in the period.
      `('officer', d.assessing_officer_id, ${month("d.reg_ts")})`,
      `('office', d.office_code, ${month("d.reg_ts")})`,
    ],
  },
  events: {
    join: `LEFT JOIN events o ON o.decl_id = s.decl_id AND o.ts = s.ts AND o.action = s.action
           LEFT JOIN declarations d ON d.decl_id = s.decl_id`,
    values: [
      `('officer', s.officer_id, ${month("s.ts")})`,
      `('officer', o.officer_id, ${month("s.ts")})`,
      `('office', d.office_code, ${month("s.ts")})`,
      // I12 looks for amendments of the declarations registered in the period.
      `('officer', d.assessing_officer_id, ${month("d.reg_ts")})`,
      `('office', d.office_code, ${month("d.reg_ts")})`,
    ],
  },
  // An item moves the I10 reference of its whole (hs6, origin) group: every subject of the month.
  items: {
    join: "JOIN declarations d ON d.decl_id = s.decl_id",
    values: [`('officer', '*', ${month("d.reg_ts")})`, `('office', '*', ${month("d.reg_ts")})`],
  },
};

// Office hours, holidays and the list of officers or offices weigh on every period.
const EVERYTHING = new Set(["offices", "officers", "holidays"]);

// Into an empty table (a first load) every row is new and every subject of its months is touched: only the months
// are looked up, from the staged rows' own dates and from the registration months of their declarations, instead
// of listing each row's subjects. stagedMonths: the own dates' months noted while staging, given only when every
// staged row was accepted (no duplicate or reference rejected since), so that they are those of the accepted rows.
async function monthsOfFirstLoad(
  client: PoolClient,
  spec: CanonicalFileSpec,
  declarationsWereEmpty: boolean,
  stagedMonths?: string[],
): Promise<Cell[]> {
  const columns = MONTH_COLUMNS[spec.name]!;
  const stg = stagingTable(spec);
  const months = new Set(stagedMonths ?? []);
  const parts = stagedMonths
    ? []
    : columns.own.map((c) => `SELECT DISTINCT ${month(c)} AS m FROM ${stg} WHERE reject_reason IS NULL`);
  // When this import brought every declaration, the rows can only belong to those, whose registration months its
  // declarations file already named.
  if (columns.ofDeclarations && !declarationsWereEmpty) {
    parts.push(`SELECT DISTINCT ${month("d.reg_ts")} AS m FROM declarations d
                 WHERE d.decl_id IN (SELECT decl_id FROM ${stg} WHERE reject_reason IS NULL)`);
  }
  if (parts.length) {
    const { rows } = await client.query<{ m: string | null }>(parts.join(" UNION "));
    for (const r of rows) if (r.m !== null) months.add(r.m);
  }
  return [...months].flatMap((m): Cell[] => [
    ["officer", "*", m],
    ["office", "*", m],
  ]);
}

// New rows (not `stored`, see markStoredRows) count as they are; a stored row only when it differs from the row it
// replaces, whose cells count too.
// firstLoad: the file's table was empty when this import began. declarationsWereEmpty: so was the declarations
// table. stagedMonths: see monthsOfFirstLoad.
export async function affectedCells(
  client: PoolClient,
  spec: CanonicalFileSpec,
  options: { firstLoad: boolean; declarationsWereEmpty: boolean; stagedMonths?: string[] },
): Promise<Cell[]> {
  const { firstLoad, declarationsWereEmpty, stagedMonths } = options;
  if (EVERYTHING.has(spec.name)) {
    return [
      ["officer", "*", "*"],
      ["office", "*", "*"],
    ];
  }
  const cells = CELLS[spec.name];
  if (!cells) return [];
  if (firstLoad) {
    return monthsOfFirstLoad(client, spec, declarationsWereEmpty, stagedMonths);
  }
  const withoutReplaced = cells.join.replace(/LEFT JOIN \w+ o ON [^\n]*\n?/, "");
  const select = (join: string, values: string[], where: string) =>
    `SELECT v.t, v.id, v.m
       FROM ${stagingTable(spec)} s ${join}
      CROSS JOIN LATERAL (VALUES ${values.join(", ")}) AS v(t, id, m)
      WHERE s.reject_reason IS NULL AND ${where} AND v.id IS NOT NULL AND v.m IS NOT NULL`;
  const { rows } = await client.query<{ t: Cell[0]; id: string; m: string }>(
    `${select(
      withoutReplaced,
      cells.values.filter((v) => !/\bo\./.test(v)),
      "NOT s.stored",
    )} UNION ${select(cells.join, cells.values, `s.stored AND ${stagedRowChanges(spec)}`)}${
      cells.replaced ? ` UNION ${cells.replaced(stagingTable(spec))}` : ""
    }`,
  );
  return rows.map((r) => [r.t, r.id, r.m]);
}
