// From the stored WCO messages to the canonical staging tables, in SQL (docs/data-format.md, "WCO Data Model
// messages"). Every declaration a message of this import concerns is derived again from all the messages known for
// it, over what is already stored for it: a notification read today completes a declaration read last month, and
// the same messages give the same rows, which the canonical merge then leaves unchanged.
import "server-only";
import type { PoolClient } from "pg";

export type DerivedCounts = {
  registered: number;
  awaitingAcceptance: number;
  rejectedByCustoms: number;
  withoutDeclaration: number;
};

// The newly read messages join the store (once per content), in file order so that ids break ties between
// messages of the same file and instant the way the file lists them.
export async function storeMessages(client: PoolClient, batchId: number): Promise<{ added: number }> {
  const { rowCount } = await client.query(
    `INSERT INTO wco_messages (sha256, kind, function_code, lrn, mrn, issued_at, source_file, batch_id, payload)
     SELECT sha256, kind, function_code, lrn, mrn, issued_at, source_file, $1, payload
       FROM (SELECT DISTINCT ON (sha256) * FROM stg_wco_messages ORDER BY sha256, source_file, position) s
      ORDER BY source_file, position
     ON CONFLICT (sha256) DO NOTHING`,
    [batchId],
  );
  return { added: rowCount ?? 0 };
}

// The messages of every declaration this import touched, each with its declaration's MRN: its own, or the one an
// acceptance (or any notification) gave its LRN. A declaration never accepted keeps only its LRN (mrn NULL).
async function keyMessages(client: PoolClient): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE wco_pairs AS
      SELECT lrn, min(mrn) AS mrn FROM wco_messages
       WHERE mrn IS NOT NULL AND lrn IN (SELECT lrn FROM stg_wco_messages WHERE lrn IS NOT NULL)
       GROUP BY lrn;
    CREATE TEMP TABLE wco_touched_mrn AS
      SELECT mrn FROM stg_wco_messages WHERE mrn IS NOT NULL UNION SELECT mrn FROM wco_pairs;
    CREATE TEMP TABLE wco_touched_lrn AS
      SELECT lrn FROM stg_wco_messages WHERE lrn IS NOT NULL
      UNION SELECT lrn FROM wco_messages WHERE lrn IS NOT NULL AND mrn IN (SELECT mrn FROM wco_touched_mrn);
    INSERT INTO wco_pairs
      SELECT lrn, min(mrn) FROM wco_messages
       WHERE mrn IS NOT NULL AND lrn IN (SELECT lrn FROM wco_touched_lrn) AND lrn NOT IN (SELECT lrn FROM wco_pairs)
       GROUP BY lrn;
    CREATE TEMP TABLE wco_keyed AS
      SELECT m.id, m.kind, m.function_code, m.issued_at, m.source_file, m.payload, m.lrn,
             coalesce(m.mrn, p.mrn) AS mrn
        FROM wco_messages m LEFT JOIN wco_pairs p ON p.lrn = m.lrn
       WHERE m.mrn IN (SELECT mrn FROM wco_touched_mrn) OR m.lrn IN (SELECT lrn FROM wco_touched_lrn);
    ANALYZE wco_keyed`);
}

// Latest non-null value of a JSON field over ordered rows.
const latest = (field: string, json = "payload") =>
  `(array_agg(${json}->>'${field}' ORDER BY ord DESC) FILTER (WHERE ${json}->>'${field}' IS NOT NULL))[1]`;

export async function deriveCanonicalRows(client: PoolClient): Promise<DerivedCounts> {
  await keyMessages(client);
  // One row per declaration with an MRN: what its declaration messages (the original, then amendments in file
  // order, each overriding what it gives) and its notifications (in time order) say.
  await client.query(`
    CREATE TEMP TABLE wco_derived AS
    WITH dec AS (
      SELECT mrn, function_code, payload,
             row_number() OVER (PARTITION BY mrn ORDER BY (function_code <> 9), source_file, id) AS ord
        FROM wco_keyed WHERE kind = 'DEC' AND mrn IS NOT NULL
    ), declared_values AS (
      SELECT d.mrn, sum((i->>'value')::numeric) AS items_value
        FROM dec d CROSS JOIN LATERAL jsonb_array_elements(d.payload->'items') i
       WHERE d.function_code = 9 GROUP BY d.mrn
    ), header AS (
      SELECT dec.mrn, ${latest("typeCode")} AS type_code, ${latest("office")} AS office,
             ${latest("declarant")} AS declarant, ${latest("importer")} AS importer,
             ${latest("exportCountry")} AS export_country, ${latest("invoiceAmount")} AS invoice_amount,
             min(v.items_value) AS items_value
        FROM dec LEFT JOIN declared_values v ON v.mrn = dec.mrn
       GROUP BY dec.mrn HAVING bool_or(function_code = 9)
    ), res AS (
      SELECT mrn, function_code, issued_at, payload,
             row_number() OVER (PARTITION BY mrn ORDER BY issued_at, source_file, id) AS ord
        FROM wco_keyed WHERE kind = 'RES' AND mrn IS NOT NULL
    ), assessments AS (
      SELECT res.*, jsonb_array_length(payload->'items') > 0 AS has_items,
             coalesce((payload->>'taxAssessed')::numeric,
                      (SELECT sum((i->>'taxes')::numeric) FROM jsonb_array_elements(payload->'items') i)) AS total
        FROM res
       -- Every tax notification is an assessment but one that only reports a payment (a total paid, nothing
       -- assessed, no items).
       WHERE function_code = 13
         AND NOT (payload->>'taxPaid' IS NOT NULL AND payload->>'taxAssessed' IS NULL
                  AND jsonb_array_length(payload->'items') = 0)
    ), happened AS (
      SELECT mrn,
             min(issued_at) FILTER (WHERE function_code = 1) AS accepted_at,
             (array_agg(payload->>'taxAssessed' ORDER BY ord)
               FILTER (WHERE function_code = 1 AND payload->>'taxAssessed' IS NOT NULL))[1] AS declared_taxes,
             min(issued_at) FILTER (WHERE function_code = 9) AS released_at,
             max(issued_at) FILTER (WHERE function_code = 13 AND payload->>'taxPaid' IS NOT NULL) AS paid_at,
             min((payload->>'cancelledAt')::timestamp) AS cancelled_at,
             (array_agg(payload->>'lane' ORDER BY ord) FILTER (WHERE payload->>'lane' IS NOT NULL))[1] AS first_lane,
             ${latest("lane")} AS last_lane,
             max(issued_at) FILTER (WHERE payload->>'lane' IS NOT NULL) AS routed_at,
             bool_or(function_code = 3) AS rejected
        FROM res GROUP BY mrn
    ), assessed AS (
      SELECT mrn,
             (array_agg(total ORDER BY ord) FILTER (WHERE total IS NOT NULL))[1] AS first_total,
             (array_agg(total ORDER BY ord DESC) FILTER (WHERE total IS NOT NULL))[1] AS last_total,
             max(issued_at) AS assessed_at,
             (array_agg(payload->'items' ORDER BY ord DESC) FILTER (WHERE has_items))[1] AS items
        FROM assessments GROUP BY mrn
    ), item_taxes AS (
      -- Items' duties and taxes: from the latest acceptance or assessment that lists them per item.
      SELECT mrn, (array_agg(payload->'items' ORDER BY ord DESC))[1] AS items
        FROM res WHERE function_code IN (1, 13) AND jsonb_array_length(payload->'items') > 0 GROUP BY mrn
    ), keys AS (
      SELECT DISTINCT mrn FROM wco_keyed WHERE mrn IS NOT NULL
    )
    SELECT k.mrn AS decl_id, h.mrn IS NOT NULL AS has_declaration, st.decl_id IS NOT NULL AS stored,
           h.type_code, h.office, h.declarant, h.importer, h.export_country,
           coalesce(h.invoice_amount::numeric, h.items_value) AS declared_value,
           e.accepted_at, coalesce(e.declared_taxes::numeric, a.first_total) AS taxes_initial,
           e.released_at, e.paid_at, e.cancelled_at, e.first_lane, e.last_lane, e.routed_at,
           coalesce(e.rejected, false) AS rejected,
           a.assessed_at, a.last_total AS taxes_final, t.items AS taxed_items,
           (SELECT sum((i->>'base')::numeric) FROM jsonb_array_elements(a.items) i) AS assessed_value
      FROM keys k
      LEFT JOIN header h ON h.mrn = k.mrn
      LEFT JOIN happened e ON e.mrn = k.mrn
      LEFT JOIN assessed a ON a.mrn = k.mrn
      LEFT JOIN item_taxes t ON t.mrn = k.mrn
      LEFT JOIN declarations st ON st.decl_id = k.mrn`);

  // A declaration is registered once customs accepted it (or it is already stored); the rest waits in the store.
  const registrable = `(d.has_declaration OR d.stored) AND (d.accepted_at IS NOT NULL OR d.stored)`;
  await client.query(`
    INSERT INTO stg_declarations (line, decl_id, office_code, flow, regime, broker_id, importer_id, export_country,
        arrival_ts, reg_ts, lane_initial, lane_final, assignment_mode, assessing_officer_id, asmt_ts, pay_ts,
        release_ts, value_initial, value_final, taxes_initial, taxes_final, status)
    SELECT row_number() OVER (ORDER BY d.decl_id), d.decl_id,
           coalesce(d.office, st.office_code),
           coalesce(CASE WHEN d.type_code LIKE 'EX%' THEN 'E' WHEN d.type_code IS NOT NULL THEN 'I' END,
                    st.flow::text, 'I')::"Flow",
           coalesce(d.type_code, st.regime), coalesce(d.declarant, st.broker_id), coalesce(d.importer, st.importer_id),
           coalesce(d.export_country, st.export_country), st.arrival_ts,
           coalesce(d.accepted_at, st.reg_ts),
           coalesce(d.first_lane, st.lane_initial::text, 'G')::"Lane",
           coalesce(d.last_lane, st.lane_final::text, 'G')::"Lane",
           coalesce(st.assignment_mode, 'auto'), st.assessing_officer_id,
           coalesce(d.assessed_at, st.asmt_ts), coalesce(d.paid_at, st.pay_ts), coalesce(d.released_at, st.release_ts),
           coalesce(d.declared_value, st.value_initial), coalesce(d.assessed_value, st.value_final),
           coalesce(d.taxes_initial, st.taxes_initial), coalesce(d.taxes_final, st.taxes_final),
           (CASE WHEN d.cancelled_at IS NOT NULL OR st.status = 'cancelled' THEN 'cancelled'
                 WHEN coalesce(d.released_at, st.release_ts) IS NOT NULL THEN 'released'
                 WHEN coalesce(d.paid_at, st.pay_ts) IS NOT NULL THEN 'paid'
                 WHEN coalesce(d.assessed_at, st.asmt_ts) IS NOT NULL THEN 'assessed'
                 ELSE 'registered' END)::"DeclarationStatus"
      FROM wco_derived d LEFT JOIN declarations st ON st.decl_id = d.decl_id
     WHERE ${registrable}`);

  // Items: what the declaration messages give per goods item number (amendments overriding), with the taxes of the
  // latest acceptance or assessment that lists them, over the stored item.
  await client.query(`
    INSERT INTO stg_items (line, decl_id, item_no, hs_code, description, origin_country, net_kg, gross_kg, supp_qty,
        supp_unit, cif_value, taxes)
    WITH dec_items AS (
      SELECT k.mrn, i, row_number() OVER (PARTITION BY k.mrn ORDER BY (k.function_code <> 9), k.source_file, k.id) AS ord
        FROM wco_keyed k CROSS JOIN LATERAL jsonb_array_elements(k.payload->'items') i
       WHERE k.kind = 'DEC' AND k.mrn IN (SELECT decl_id FROM stg_declarations)
    ), merged AS (
      SELECT mrn, (i->>'seq')::int AS item_no, ${latest("hsCode", "i")} AS hs_code,
             ${latest("description", "i")} AS description, ${latest("origin", "i")} AS origin,
             ${latest("netKg", "i")} AS net_kg, ${latest("grossKg", "i")} AS gross_kg,
             ${latest("suppQty", "i")} AS supp_qty, ${latest("suppUnit", "i")} AS supp_unit,
             ${latest("value", "i")} AS value
        FROM dec_items GROUP BY mrn, (i->>'seq')::int
    ), taxed AS (
      SELECT d.decl_id AS mrn, (i->>'seq')::int AS item_no, i->>'taxes' AS taxes
        FROM wco_derived d CROSS JOIN LATERAL jsonb_array_elements(d.taxed_items) i
    ), candidates AS (
      SELECT coalesce(m.mrn, t.mrn) AS decl_id, coalesce(m.item_no, t.item_no) AS item_no, m.hs_code, m.description,
             m.origin, m.net_kg, m.gross_kg, m.supp_qty, m.supp_unit, m.value, t.taxes
        FROM merged m FULL JOIN taxed t ON t.mrn = m.mrn AND t.item_no = m.item_no
    )
    SELECT row_number() OVER (ORDER BY c.decl_id, c.item_no), c.decl_id, c.item_no,
           coalesce(c.hs_code, st.hs_code), coalesce(c.description, st.description),
           coalesce(c.origin, st.origin_country), coalesce(c.net_kg::numeric, st.net_kg),
           coalesce(c.gross_kg::numeric, st.gross_kg), coalesce(c.supp_qty::numeric, st.supp_qty),
           coalesce(c.supp_unit, st.supp_unit), coalesce(c.value::numeric, st.cif_value),
           coalesce(c.taxes::numeric, st.taxes)
      FROM candidates c LEFT JOIN items st ON st.decl_id = c.decl_id AND st.item_no = c.item_no
     WHERE c.decl_id IN (SELECT decl_id FROM stg_declarations)
       AND coalesce(c.hs_code, st.hs_code) IS NOT NULL AND coalesce(c.origin, st.origin_country) IS NOT NULL`);

  // The events the notifications date (no officer: the messages do not name one).
  await client.query(`
    INSERT INTO stg_events (line, decl_id, ts, action, officer_id, lane_from, lane_to)
    SELECT row_number() OVER (ORDER BY decl_id, ts, action), decl_id, ts, action::"EventAction", NULL,
           lane_from::"Lane", lane_to::"Lane"
      FROM (
        SELECT decl_id, accepted_at AS ts, 'register' AS action, NULL AS lane_from, NULL AS lane_to FROM wco_derived
        UNION ALL SELECT decl_id, assessed_at, 'assess', NULL, NULL FROM wco_derived
        UNION ALL SELECT decl_id, paid_at, 'pay', NULL, NULL FROM wco_derived
        UNION ALL SELECT decl_id, released_at, 'release', NULL, NULL FROM wco_derived
        UNION ALL SELECT decl_id, cancelled_at, 'cancel', NULL, NULL FROM wco_derived
        UNION ALL SELECT decl_id, routed_at, 'reroute', first_lane, last_lane FROM wco_derived
                   WHERE first_lane IS DISTINCT FROM last_lane
      ) e
     WHERE ts IS NOT NULL AND decl_id IN (SELECT decl_id FROM stg_declarations)`);

  // Offices the messages name that the portal does not know yet, with default hours (Monday to Friday 09:00–18:00),
  // as for the KCS data.
  await client.query(`
    INSERT INTO stg_offices (line, office_code, name, open_time, close_time, workdays)
    SELECT row_number() OVER (ORDER BY office_code), office_code, 'WCO office ' || office_code, '09:00', '18:00',
           '{1,2,3,4,5}'
      FROM (SELECT DISTINCT office_code FROM stg_declarations) s
     WHERE NOT EXISTS (SELECT 1 FROM offices o WHERE o.office_code = s.office_code)`);

  const { rows } = await client.query<DerivedCounts>(`
    SELECT (SELECT count(*)::int FROM stg_declarations) AS registered,
           (SELECT count(*)::int FROM wco_derived d WHERE NOT (${registrable}) AND d.has_declaration AND NOT d.rejected)
             + (SELECT count(DISTINCT lrn)::int FROM wco_keyed WHERE mrn IS NULL AND kind = 'DEC' AND function_code = 9)
             AS "awaitingAcceptance",
           (SELECT count(*)::int FROM wco_derived d WHERE NOT (${registrable}) AND d.rejected) AS "rejectedByCustoms",
           (SELECT count(*)::int FROM wco_derived d WHERE NOT d.has_declaration AND NOT d.stored) AS "withoutDeclaration"`);
  await client.query("DROP TABLE wco_pairs, wco_touched_mrn, wco_touched_lrn, wco_keyed, wco_derived");
  return rows[0]!;
}
