// The contract's GAMING flags (lib/integrity/gaming-watch.ts), on the managers' contract page only: a rewarded
// indicator that improved while its guard worsened since the contract started. contractGamingFlags returns nothing
// to anyone but the contract's managers, and the officer's own contract page never renders this section.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/session-user";
import { contractGamingFlags } from "@/lib/integrity/contract-gaming-flags";
import { formatKpiValue } from "@/components/format/kpi-format";

export async function GamingWatchSection({ contractId, actor }: { contractId: number; actor: Actor }) {
  const [t, tc, format, flags] = await Promise.all([
    getTranslations("contracts.gaming"),
    getTranslations("contracts"),
    getFormatter(),
    contractGamingFlags(contractId, actor),
  ]);
  if (!flags.length) return null;
  const show = (kpiId: string, v: unknown) =>
    kpiId === "INSPECTIONS"
      ? format.number(Number(v), { style: "percent", maximumFractionDigits: 1 })
      : formatKpiValue(format, tc, kpiId, typeof v === "number" ? v : null);
  return (
    <section
      aria-labelledby="gaming-title"
      className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-4"
      data-testid="gaming-watch"
    >
      <h2 id="gaming-title" className="text-base font-semibold text-red-900">
        {t("title")}
      </h2>
      <p className="text-sm text-red-900">{t("body")}</p>
      <ul className="space-y-1 text-sm text-red-950">
        {flags.map((f) => (
          <li key={f.id} data-kpi={f.kpiId} data-guard={f.guard}>
            {t("flag", {
              kpi: f.kpiId,
              guard: f.guard === "INSPECTIONS" ? t("inspections") : f.guard,
              rewardedBefore: show(f.kpiId, f.stats.rewardedBefore),
              rewardedAfter: show(f.kpiId, f.stats.rewardedAfter),
              guardBefore: show(f.guard, f.stats.guardBefore),
              guardAfter: show(f.guard, f.stats.guardAfter),
              z: format.number(f.score, { maximumFractionDigits: 1 }),
            })}{" "}
            {actor.role === "ADMIN" ? (
              <Link href={`/integrity/flags/${f.id}`} className="font-medium underline">
                {t("open")}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
