// The TRS views as tabs; each keeps the period (and the office, lane and interval chosen) in its link.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export const TRS_TABS = ["table", "distribution", "trend", "peaks", "compare", "report"] as const;
export type TrsTab = (typeof TRS_TABS)[number];

const PATH: Record<TrsTab, string> = {
  table: "/analysis/trs",
  distribution: "/analysis/trs/distribution",
  trend: "/analysis/trs/trend",
  peaks: "/analysis/trs/peaks",
  compare: "/analysis/trs/compare",
  report: "/analysis/trs/report",
};

export function trsHref(tab: TrsTab, query: string): string {
  return query ? `${PATH[tab]}?${query}` : PATH[tab];
}

export async function TrsTabs({ active, query }: { active: TrsTab; query: string }) {
  const t = await getTranslations("analysis.trs.tabs");
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {TRS_TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={trsHref(tab, query)}
              aria-current={tab === active ? "page" : undefined}
              className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                tab === active
                  ? "border-brand-600 text-brand-800"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
