// Where an officer stands among the officers of their own office on their contract's indicators, for one calendar
// month, without naming anyone: only counts per range and the share of colleagues they do better than leave the
// server, never a colleague's id or value. Colleagues below the indicator's minimum volume are left out (their rates
// rest on too few declarations), and nothing is shown with fewer than MIN_PEERS_SHOWN colleagues.
import "server-only";
import { pool } from "@/lib/pg";
import { kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import { monthPeriod } from "@/lib/kernel/calendar";
import { binIndexOf, histogram, MIN_PEERS_SHOWN, shareOfPeersBeaten, type Bin } from "@/lib/dashboard/distribution";

export type Standing = {
  kpiId: string;
  own: number | null;
  ownN: number;
  peers: number;
  // Share of colleagues the officer does better than; null when not shown (too few colleagues, no own value,
  // a context-only KPI).
  beaten: number | null;
  bins: Bin[];
  ownBin: number;
};

export async function peerStanding(
  officerId: string,
  indicators: { kpiId: string; minVolume: number }[],
  month: string,
): Promise<Standing[]> {
  const p = monthPeriod(month);
  const { rows } = await pool.query<{ subject_id: string; kpi_id: string; value: number; n: number }>(
    `SELECT r.subject_id, r.kpi_id, r.value, coalesce(r.denominator, 0)::float8 AS n
       FROM kpi_results r JOIN officers o ON o.officer_id = r.subject_id
      WHERE r.subject_type = 'officer' AND r.period_from = $2::date AND r.period_to = $3::date
        AND r.kpi_id = ANY ($4::text[]) AND r.value IS NOT NULL
        AND o.office_code = (SELECT office_code FROM officers WHERE officer_id = $1)`,
    [officerId, p.from, p.to, indicators.map((i) => i.kpiId)],
  );
  return indicators.map(({ kpiId, minVolume }) => {
    const cells = rows.filter((r) => r.kpi_id === kpiId);
    const mine = cells.find((r) => r.subject_id === officerId) ?? null;
    const peers = cells.filter((r) => r.subject_id !== officerId && r.n >= minVolume).map((r) => r.value);
    const shown = mine !== null && peers.length >= MIN_PEERS_SHOWN;
    const bins = shown ? histogram([...peers, mine.value], 8) : [];
    return {
      kpiId,
      own: mine?.value ?? null,
      ownN: mine?.n ?? 0,
      peers: peers.length,
      beaten: shown ? shareOfPeersBeaten(mine.value, peers, kpiDefinition(kpiId as KpiId).direction) : null,
      bins,
      ownBin: shown ? binIndexOf(bins, mine.value) : -1,
    };
  });
}
