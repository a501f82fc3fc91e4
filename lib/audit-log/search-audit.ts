// The audit log as the admin page pages through it and exports it: newest first, filtered in SQL, with the emails of
// who acted and of the user acted upon. Read-only, like everything that touches the table.
import "server-only";
import { pool } from "@/lib/pg";
import type { AuditFilters } from "@/lib/audit-log/audit-filters";

export type AuditRow = {
  id: string;
  at: string;
  actorId: string | null;
  // null with an actorId: the acting account has since been removed.
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  // For entries about a user: that user's email, easier to read than its id.
  entityLabel: string | null;
  data: unknown;
};

export const AUDIT_PAGE_SIZE = 50;
// An export holds at most this many entries (the newest that match); narrower filters get the rest.
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

function whereClause(filters: AuditFilters): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filters.who === "system") conditions.push("a.actor_id IS NULL");
  else if (filters.who) add((p) => `actor.email ILIKE '%' || ${p} || '%'`, filters.who);
  if (filters.action) add((p) => `a.action = ${p}`, filters.action);
  if (filters.entityType) add((p) => `a.entity_type = ${p}`, filters.entityType);
  if (filters.entityId) {
    // An object is found by its id, or (for users) by its email.
    add((p) => `(a.entity_id = ${p} OR subject.email ILIKE '%' || ${p} || '%')`, filters.entityId);
  }
  if (filters.from) add((p) => `a.at >= ${p}::date`, filters.from);
  if (filters.to) add((p) => `a.at < ${p}::date + 1`, filters.to);
  return { sql: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

const FROM = `FROM audit_log a
  LEFT JOIN users actor ON actor.id = a.actor_id
  LEFT JOIN users subject ON a.entity_type = 'user' AND subject.id = a.entity_id`;

type DbRow = {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  entity_label: string | null;
  data: unknown;
};

const toRow = (r: DbRow): AuditRow => ({
  id: r.id,
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorEmail: r.actor_email,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  entityLabel: r.entity_label,
  data: r.data,
});

async function select(filters: AuditFilters, limit: number, offset: number): Promise<AuditRow[]> {
  const { sql, params } = whereClause(filters);
  const { rows } = await pool.query<DbRow>(
    `SELECT a.id::text, a.at, a.actor_id, actor.email AS actor_email, a.action, a.entity_type, a.entity_id,
            subject.email AS entity_label, a.data
       ${FROM} ${sql}
      ORDER BY a.id DESC LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return rows.map(toRow);
}

export async function searchAudit(filters: AuditFilters): Promise<{ rows: AuditRow[]; total: number }> {
  const { sql, params } = whereClause(filters);
  const [rows, count] = await Promise.all([
    select(filters, AUDIT_PAGE_SIZE, (filters.page - 1) * AUDIT_PAGE_SIZE),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} ${sql}`, params),
  ]);
  return { rows, total: count.rows[0]!.n };
}

export function auditForExport(filters: AuditFilters): Promise<AuditRow[]> {
  return select(filters, AUDIT_EXPORT_MAX_ROWS, 0);
}

// What the filters offer: every action and object type the log holds.
export async function auditFacets(): Promise<{ actions: string[]; entityTypes: string[] }> {
  const [actions, types] = await Promise.all([
    pool.query<{ v: string }>("SELECT DISTINCT action AS v FROM audit_log ORDER BY 1"),
    pool.query<{ v: string }>("SELECT DISTINCT entity_type AS v FROM audit_log ORDER BY 1"),
  ]);
  return { actions: actions.rows.map((r) => r.v), entityTypes: types.rows.map((r) => r.v) };
}
