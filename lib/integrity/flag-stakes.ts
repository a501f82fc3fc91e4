// The revenue at stake behind each flag of a period (docs/indicators.md "Triage: the work queue"): taxes, in the
// national currency, that the pattern the flag points at would have moved if it is what it looks like. One set-based
// statement over the period's flags, run by each detection run after it has stored them:
//   RATE_OUTLIER        the excess events |p − p0|·n, each at the officer's mean final taxes per declaration of B
//   VALUE_OUTLIER       P8: the shortfall (median − x)·#B; I5: the excess reductions x − median; P4 (time): 0
//   BROKER_OFFICER_PAIR the excess declarations n_bo − e, each at the pair's mean final taxes
//   BENFORD             the share of values that would have to change to follow the law (total variation distance,
//                       9·MAD/2) of the broker's final taxes in B
//   UNIT_VALUE          the item's value gap to its group's median unit value, at the item's own tax rate
//   any other method    its stats.revenueAtStake when it stores one, else 0
import "server-only";
import type { PoolClient } from "pg";

type Queryable = Pick<PoolClient, "query">;

const PERIOD_B = `d.reg_ts >= $1::date::timestamp AND d.reg_ts < ($2::date + 1)::timestamp AND d.status <> 'cancelled'`;

// A number from the flag's statistics (null when absent or not a number).
const stat = (key: string) =>
  `(CASE WHEN jsonb_typeof(f.stats -> '${key}') = 'number' THEN (f.stats ->> '${key}')::float8 END)`;

export async function updateRevenueAtStake(db: Queryable, period: { from: string; to: string }): Promise<number> {
  const result = await db.query(
    `WITH f AS (SELECT * FROM flags WHERE period_from = $1::date AND period_to = $2::date),
          officer AS (
            SELECT d.assessing_officer_id AS officer_id, avg(coalesce(d.taxes_final, 0))::float8 AS mean_taxes
              FROM declarations d
             WHERE ${PERIOD_B} AND d.assessing_officer_id IN (SELECT subject_id FROM f WHERE subject_type = 'officer')
             GROUP BY 1),
          pair AS (
            SELECT f.id, avg(coalesce(d.taxes_final, 0))::float8 AS mean_taxes
              FROM f JOIN declarations d
                ON d.office_code = coalesce(f.office_code, f.stats ->> 'officeCode') AND d.broker_id = f.subject_id
               AND d.assessing_officer_id = f.related_id
             WHERE f.method = 'BROKER_OFFICER_PAIR' AND ${PERIOD_B}
             GROUP BY f.id),
          broker AS (
            SELECT f.id, sum(coalesce(d.taxes_final, 0))::float8 AS taxes
              FROM f JOIN declarations d ON d.broker_id = f.subject_id
             WHERE f.method = 'BENFORD' AND ${PERIOD_B} AND d.value_initial > 0
             GROUP BY f.id),
          -- Materialized: inlined, the planner re-ran this join for every flag of the period (2 M probes of
          -- items for 1,455 flags of a quarter, 10 s) instead of once.
          item AS MATERIALIZED (
            SELECT f.id,
                   greatest(0, exp(${stat("median")}) * i.net_kg::float8 - i.cif_value::float8)
                     * coalesce(i.taxes, 0)::float8 / i.cif_value::float8 AS taxes
              FROM f JOIN items i ON i.decl_id = f.subject_id AND i.item_no::text = f.related_id
             WHERE f.method = 'UNIT_VALUE' AND i.cif_value > 0 AND i.net_kg > 0),
          stake AS (
            SELECT f.id,
                   CASE f.method
                     WHEN 'RATE_OUTLIER' THEN abs(${stat("p")} - ${stat("p0")}) * f.n * coalesce(o.mean_taxes, 0)
                     WHEN 'VALUE_OUTLIER' THEN CASE f.kpi_id
                       WHEN 'P8' THEN greatest(0, ${stat("median")} - ${stat("x")}) * f.n
                       WHEN 'I5' THEN greatest(0, ${stat("x")} - ${stat("median")})
                       ELSE 0 END
                     WHEN 'BROKER_OFFICER_PAIR' THEN greatest(0, ${stat("n_bo")} - ${stat("expected")}) * coalesce(p.mean_taxes, 0)
                     WHEN 'BENFORD' THEN 4.5 * ${stat("mad")} * coalesce(b.taxes, 0)
                     WHEN 'UNIT_VALUE' THEN coalesce(it.taxes, 0)
                     ELSE ${stat("revenueAtStake")} END AS revenue
              FROM f
              LEFT JOIN officer o ON f.subject_type = 'officer' AND o.officer_id = f.subject_id
              LEFT JOIN pair p ON p.id = f.id
              LEFT JOIN broker b ON b.id = f.id
              LEFT JOIN item it ON it.id = f.id)
     UPDATE flags SET revenue_at_stake = coalesce(stake.revenue, 0)
       FROM stake WHERE flags.id = stake.id`,
    [period.from, period.to],
  );
  return result.rowCount ?? 0;
}
