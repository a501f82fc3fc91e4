// The retention job (docs/decisions/033-harmonised-data-and-privacy.md), set-based in one transaction: declarations
// registered before the cutoff lose their personal data — brokers, importers and officers replaced by keyed
// pseudonyms (purpose "retention", computed in PostgreSQL with pgcrypto's HMAC, the same value as
// lib/privacy/pseudonyms.ts) on the declarations, their events and inspections and the WCO messages read for them —
// or are deleted with their items, events and inspections; view-log entries older than theirs are deleted. Frozen
// contract evaluations and case evidence are never touched, and a declaration a case holds as evidence or as
// confirmed is pseudonymised, never deleted. What it did goes to the audit log. Running it twice changes nothing
// more: values that already are pseudonyms are left alone.
import "server-only";
import { pool, inTransaction } from "@/lib/pg";
import { writeAudit } from "@/lib/audit";
import { pseudonymKey } from "@/lib/privacy/pseudonym-key";
import { pseudonymSql, PSEUDONYM_KINDS, type PseudonymKind } from "@/lib/privacy/pseudonyms";
import { getRetentionSettings } from "@/lib/privacy/retention-settings";

export const RETENTION_PURPOSE = "retention";

export type RetentionOutcome = {
  cutoff: string | null;
  declarations: number;
  deleted: number;
  views: number;
};

// A value that is a pseudonym of its kind already (a letter and 16 hex digits).
const notPseudonym = (column: string, kind: PseudonymKind) =>
  `${column} IS NOT NULL AND ${column} !~ '^${PSEUDONYM_KINDS[kind]}[0-9a-f]{16}$'`;

const replace = (column: string, kind: PseudonymKind) =>
  `${column} = CASE WHEN ${notPseudonym(column, kind)} THEN ${pseudonymSql(column, kind, "$2::bytea", "$3::text")} ELSE ${column} END`;

export async function runRetention(options: { actorId?: string | null; today?: Date } = {}): Promise<RetentionOutcome> {
  const settings = await getRetentionSettings();
  const today = options.today ?? new Date();
  const cutoffOf = (days: number | null) =>
    days === null ? null : new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const cutoff = cutoffOf(settings.declarationDataDays);
  const viewCutoff = cutoffOf(settings.viewLogDays);
  const key = pseudonymKey();

  const outcome = await inTransaction(async (client) => {
    let declarations = 0;
    let deleted = 0;
    if (cutoff) {
      // Declarations a case holds stay, whatever the action: their identities are pseudonymised instead.
      await client.query(
        `CREATE TEMP TABLE retention_due ON COMMIT DROP AS
           SELECT d.decl_id,
                  EXISTS (SELECT 1 FROM case_evidence e WHERE e.snapshot->'goods' ? d.decl_id)
                    OR EXISTS (SELECT 1 FROM cases c WHERE d.decl_id = ANY (c.confirmed_decl_ids)) AS held
             FROM declarations d WHERE d.reg_ts < $1::date`,
        [cutoff],
      );
      const deletable =
        settings.declarationAction === "delete"
          ? "SELECT decl_id FROM retention_due WHERE NOT held"
          : "SELECT NULL::text WHERE false";
      for (const table of ["items", "events", "inspections"]) {
        await client.query(`DELETE FROM ${table} WHERE decl_id IN (${deletable})`);
      }
      const removed = await client.query(
        `DELETE FROM declarations WHERE reg_ts < $1::date AND decl_id IN (${deletable})`,
        [cutoff],
      );
      deleted = removed.rowCount ?? 0;
      const params = [cutoff, key, RETENTION_PURPOSE];
      const changed = await client.query(
        `UPDATE declarations SET ${replace("broker_id", "broker")}, ${replace("importer_id", "importer")},
                ${replace("assessing_officer_id", "officer")}
          WHERE reg_ts < $1::date
            AND (${notPseudonym("broker_id", "broker")} OR ${notPseudonym("importer_id", "importer")}
                 OR ${notPseudonym("assessing_officer_id", "officer")})`,
        params,
      );
      declarations = changed.rowCount ?? 0;
      const due = `decl_id IN (SELECT decl_id FROM retention_due) AND $1::date IS NOT NULL`;
      await client.query(
        `UPDATE events SET ${replace("officer_id", "officer")} WHERE ${due} AND ${notPseudonym("officer_id", "officer")}`,
        params,
      );
      await client.query(
        `UPDATE inspections SET ${replace("inspector_id", "officer")}
          WHERE ${due} AND ${notPseudonym("inspector_id", "officer")}`,
        params,
      );
      // The WCO messages: a declaration's parties, once it is past the cutoff or never registered and read before it.
      await client.query(
        `UPDATE wco_messages m
            SET payload = m.payload
              || jsonb_build_object('declarant', ${pseudonymSql("(m.payload->>'declarant')", "broker", "$2::bytea", "$3::text")})
              || jsonb_build_object('importer', ${pseudonymSql("(m.payload->>'importer')", "importer", "$2::bytea", "$3::text")})
          WHERE m.kind = 'DEC'
            AND (m.mrn IN (SELECT decl_id FROM retention_due) OR m.received_at < $1::date
                 OR m.lrn IN (SELECT lrn FROM wco_messages w WHERE w.mrn IN (SELECT decl_id FROM retention_due)))
            AND ((${notPseudonym("(m.payload->>'declarant')", "broker")})
                 OR (${notPseudonym("(m.payload->>'importer')", "importer")}))`,
        params,
      );
      // The parties' own lists follow the declarations.
      await client.query(
        `INSERT INTO brokers (broker_id) SELECT DISTINCT broker_id FROM declarations
                           WHERE reg_ts < $1::date AND broker_id IS NOT NULL ON CONFLICT DO NOTHING`,
        [cutoff],
      );
      await client.query(
        `INSERT INTO importers (importer_id) SELECT DISTINCT importer_id FROM declarations
                           WHERE reg_ts < $1::date AND importer_id IS NOT NULL ON CONFLICT DO NOTHING`,
        [cutoff],
      );
      await client.query(
        `DELETE FROM brokers b WHERE NOT EXISTS (SELECT 1 FROM declarations d WHERE d.broker_id = b.broker_id)`,
      );
      await client.query(
        `DELETE FROM importers i WHERE NOT EXISTS (SELECT 1 FROM declarations d WHERE d.importer_id = i.importer_id)`,
      );
    }
    let views = 0;
    if (viewCutoff) {
      const removedViews = await client.query(`DELETE FROM view_log WHERE viewed_at < $1::date`, [viewCutoff]);
      views = removedViews.rowCount ?? 0;
    }
    return { cutoff, declarations, deleted, views };
  });

  await writeAudit({
    actorId: options.actorId ?? null,
    action: "retention.run",
    entityType: "retention",
    entityId: "1",
    data: {
      settings,
      declarationCutoff: cutoff,
      viewLogCutoff: viewCutoff,
      pseudonymised: outcome.declarations,
      deleted: outcome.deleted,
      viewsDeleted: outcome.views,
    },
  });
  return outcome;
}

// The last runs, for the settings screen.
export async function lastRetentionRuns(limit = 5): Promise<{ at: string; data: Record<string, unknown> }[]> {
  const { rows } = await pool.query<{ at: Date; data: Record<string, unknown> }>(
    `SELECT at, data FROM audit_log WHERE action = 'retention.run' ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ at: r.at.toISOString(), data: r.data }));
}
