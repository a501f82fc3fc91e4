// GET /api/v1/flags and GET /api/v1/cases: integrity flags and cases in summary, without officer-level content:
// flags on officers are left out (and the officer of a broker–officer pair is a pseudonym), cases carry neither
// title nor subjects.
import "server-only";
import { z } from "zod";
import { pool } from "@/lib/pg";
import { defineEndpoint } from "@/lib/api/api-endpoint";
import { decodeCursor, page, PageQuery, pageOf } from "@/lib/api/api-paging";

const Flag = z
  .object({
    id: z.number().int(),
    method: z.string(),
    kpiId: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    relatedId: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    score: z.number(),
    n: z.number().int(),
    state: z.string(),
    active: z.boolean(),
    officeCode: z.string().nullable(),
  })
  .meta({ id: "Flag" });

type FlagRow = {
  id: number;
  method: string;
  kpi_id: string;
  subject_type: string;
  subject_id: string;
  related_id: string;
  period_from: string;
  period_to: string;
  score: number;
  n: number;
  state: string;
  active: boolean;
  office_code: string | null;
};

export const flagsEndpoint = defineEndpoint({
  path: "/api/v1/flags",
  scope: "integrity:read",
  summary: "Integrity flags in summary",
  description: "Flags whose subject is not an officer, in the order they were raised.",
  query: PageQuery,
  response: pageOf(Flag).meta({ id: "FlagPage" }),
  run: async ({ token, party, officer }, query) => {
    const after = decodeCursor(query.cursor, z.tuple([z.number().int()]));
    const { rows } = await pool.query<FlagRow>(
      `SELECT id, method, kpi_id, subject_type, subject_id, related_id, period_from, period_to, score, n, state,
              active, office_code
         FROM flags
        WHERE subject_type <> 'officer' AND ($1::text IS NULL OR office_code = $1) AND ($2::int IS NULL OR id > $2)
        ORDER BY id LIMIT $3`,
      [token.officeCode, after?.[0] ?? null, query.limit],
    );
    const subject = (r: FlagRow) =>
      r.subject_type === "broker" || r.subject_type === "importer"
        ? party(r.subject_type, r.subject_id)!
        : r.subject_id;
    return {
      body: page(
        rows,
        query.limit,
        (r) => ({
          id: r.id,
          method: r.method,
          kpiId: r.kpi_id,
          subjectType: r.subject_type,
          subjectId: subject(r),
          // A broker's pair flag names the officer it pairs with.
          relatedId: r.subject_type === "broker" && r.related_id ? officer(r.related_id)! : r.related_id,
          periodFrom: r.period_from,
          periodTo: r.period_to,
          score: r.score,
          n: r.n,
          state: r.state,
          active: r.active,
          officeCode: r.office_code,
        }),
        (r) => [r.id],
      ),
    };
  },
});

const Case = z
  .object({
    id: z.number().int(),
    status: z.string(),
    finding: z.string().nullable(),
    offenceCode: z.string().nullable(),
    officeCode: z.string().nullable(),
    openedAt: z.string(),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    closedAt: z.string().nullable(),
    flags: z.number().int(),
  })
  .meta({ id: "Case" });

type CaseRow = {
  id: number;
  status: string;
  finding: string | null;
  offence_code: string | null;
  office_code: string | null;
  opened_at: Date;
  due_date: string | null;
  overdue: boolean;
  closed_at: Date | null;
  flags: number;
};

export const casesEndpoint = defineEndpoint({
  path: "/api/v1/cases",
  scope: "integrity:read",
  summary: "Integrity cases in summary",
  description: "Cases without title or subjects: status, finding, dates and how many flags, in order of opening.",
  query: PageQuery,
  response: pageOf(Case).meta({ id: "CasePage" }),
  run: async ({ token }, query) => {
    const after = decodeCursor(query.cursor, z.tuple([z.number().int()]));
    const { rows } = await pool.query<CaseRow>(
      `SELECT c.id, c.status, c.finding, c.offence_code, c.office_code, c.opened_at, c.due_date, c.overdue,
              c.closed_at, (SELECT count(*)::int FROM case_flags f WHERE f.case_id = c.id) AS flags
         FROM cases c
        WHERE ($1::text IS NULL OR c.office_code = $1) AND ($2::int IS NULL OR c.id > $2)
        ORDER BY c.id LIMIT $3`,
      [token.officeCode, after?.[0] ?? null, query.limit],
    );
    return {
      body: page(
        rows,
        query.limit,
        (r) => ({
          id: r.id,
          status: r.status,
          finding: r.finding,
          offenceCode: r.offence_code,
          officeCode: r.office_code,
          openedAt: r.opened_at.toISOString(),
          dueDate: r.due_date,
          overdue: r.overdue,
          closedAt: r.closed_at?.toISOString() ?? null,
          flags: r.flags,
        }),
        (r) => [r.id],
      ),
    };
  },
});
