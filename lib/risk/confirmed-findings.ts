// The declarations confirmed by a case finding (lib/cases, docs/decisions/022-case-follow-up.md): a case whose
// finding is CONFIRMED confirms the evidence declarations it names (cases.confirmed_decl_ids), or every declaration
// of its frozen evidence when it names none (lib/cases/case-evidence-ids.ts, confirmedDeclarations). Its revenue is
// what the case's tax adjustments and fines name that declaration for. A reopened case has no finding until a new
// one is recorded, so it confirms nothing meanwhile.
// Used as a labelled outcome by the risk model (labelled-outcomes.ts) and as a later offence of a re-routing
// (lib/selectivity/compute-selectivity.ts).
export const CONFIRMED_FINDINGS_SQL = `
  SELECT x.decl_id, min(c.finding_at) AS finding_at, (array_agg(c.offence_code ORDER BY c.finding_at))[1] AS offence_code,
         coalesce(sum(a.amount), 0)::float8 AS amount
    FROM cases c
    CROSS JOIN LATERAL (
      SELECT unnest(c.confirmed_decl_ids) AS decl_id WHERE cardinality(c.confirmed_decl_ids) > 0
      UNION
      SELECT e.d ->> 'decl_id'
        FROM (SELECT jsonb_array_elements(ev.snapshot -> 'declarations') AS d
                FROM case_evidence ev
               WHERE ev.case_id = c.id AND jsonb_typeof(ev.snapshot -> 'declarations') = 'array') e
       WHERE cardinality(c.confirmed_decl_ids) = 0) x
    LEFT JOIN LATERAL (
      SELECT sum(ca.amount) AS amount FROM case_actions ca
       WHERE ca.case_id = c.id AND ca.decl_id = x.decl_id AND ca.type IN ('TAX_ADJUSTMENT', 'FINE')) a ON true
   WHERE c.finding = 'CONFIRMED' AND x.decl_id IS NOT NULL
   GROUP BY x.decl_id`;
