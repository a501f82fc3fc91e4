// The observed/expected values a contract scored on O/E needs (lib/kpis/standardise-rates.ts), for officers and
// periods: computed on read like the officer's and office pages' O/E (decision 031), one statement per period
// however many officers share it, and only when an indicator asks for it, so a raw contract costs nothing more.
import "server-only";
import type { KpiId } from "@/lib/kpis/catalogue";
import { standardiseRates } from "@/lib/kpis/standardise-rates";
import { isStandardised } from "@/lib/kpis/standardised-kpis";
import type { OeValue } from "@/lib/contracts/build-scorecard";
import type { Period } from "@/lib/kernel/calendar";

export type OeRequest = Period & { officerId: string };

export const oeKey = (r: OeRequest) => `${r.officerId}|${r.from}|${r.to}`;

// For each request, the O/E of each KPI asked for that has one; a KPI missing from the map is not evaluable there.
export async function loadObservedExpected(
  requests: readonly OeRequest[],
  kpiIds: readonly string[],
): Promise<Map<string, Map<string, OeValue>>> {
  const kpis = [...new Set(kpiIds.filter(isStandardised))] as KpiId[];
  const out = new Map<string, Map<string, OeValue>>();
  if (!kpis.length || !requests.length) return out;
  const periods = new Map<string, { period: Period; officers: Set<string> }>();
  for (const r of requests) {
    const key = `${r.from}|${r.to}`;
    const entry = periods.get(key) ?? { period: { from: r.from, to: r.to }, officers: new Set<string>() };
    entry.officers.add(r.officerId);
    periods.set(key, entry);
  }
  for (const { period, officers } of periods.values()) {
    const rows = await standardiseRates({ ...period, officerIds: [...officers], kpiIds: kpis });
    for (const row of rows) {
      const key = oeKey({ officerId: row.officerId, ...period });
      const values = out.get(key) ?? new Map<string, OeValue>();
      values.set(row.kpiId, {
        observed: row.observed,
        expected: row.expected,
        n: row.n,
        ratio: row.ratio,
        lower: row.lower,
        upper: row.upper,
      });
      out.set(key, values);
    }
  }
  return out;
}

// The KPIs of a contract's terms that are scored on O/E: empty for every contract that scores raw values only.
export const oeKpisOf = (indicators: readonly { kpiId: string; basis?: string | null }[]): string[] =>
  indicators.filter((i) => i.basis === "OE").map((i) => i.kpiId);
