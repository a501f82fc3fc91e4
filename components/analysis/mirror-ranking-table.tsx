// The mirror ranking: flagged flows first, by revenue at stake; each row opens the importers and declarations
// behind its import side. Number cells carry their unrounded value (data-value).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { MirrorRow } from "@/lib/mirror/compute-mirror";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

const th = "px-3 py-2";

export function mirrorDrillHref(r: Pick<MirrorRow, "partnerCountry" | "hs6" | "year">): string {
  return `/analysis/mirror/${encodeURIComponent(r.partnerCountry)}/${encodeURIComponent(r.hs6)}?year=${r.year}`;
}

export async function MirrorRankingTable({ rows }: { rows: MirrorRow[] }) {
  const [t, ta, format] = await Promise.all([
    getTranslations("analysis.mirror.table"),
    getTranslations("analysis"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const num = (field: string, value: number | null, text: string, extra = "") => (
    <td className={`px-3 py-1.5 text-right tabular-nums ${extra}`} data-field={field} data-value={value ?? ""}>
      {text}
    </td>
  );
  return (
    <TableFrame caption={t("caption")} testId="mirror-table">
      <TableHead>
        <th scope="col" className={th}>
          {t("partner")}
        </th>
        <th scope="col" className={th}>
          {t("hs6")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("x")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("m")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("valueGap")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("relGap")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("qtyGap")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("uvRatio")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("revenue")}
        </th>
        <th scope="col" className={th}>
          {t("flag")}
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr
            key={`${r.partnerCountry}|${r.hs6}`}
            data-row={`${r.partnerCountry}|${r.hs6}`}
            data-flagged={r.flagged ? "yes" : "no"}
            className={r.flagged ? "bg-amber-50/60" : undefined}
          >
            <td className="px-3 py-1.5 font-medium text-slate-900">{r.partnerCountry}</td>
            <td className="px-3 py-1.5">
              <Link
                href={mirrorDrillHref(r)}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
                aria-label={t("drill", { partner: r.partnerCountry, hs6: r.hs6 })}
                prefetch={false}
              >
                {r.hs6}
              </Link>
            </td>
            {num("xFobUsd", r.xFobUsd, f.amount(r.xFobUsd))}
            {num("mFobUsd", r.mFobUsd, f.amount(r.mFobUsd))}
            {num("valueGapUsd", r.valueGapUsd, f.amount(r.valueGapUsd))}
            {num("relGap", r.relGap, f.share(r.relGap), r.flagged ? "font-semibold text-amber-900" : "")}
            {num("qtyGap", r.qtyGap, f.share(r.qtyGap))}
            {num("unitValueRatio", r.unitValueRatio, f.ratio(r.unitValueRatio))}
            {num("revenueAtStake", r.revenueAtStake, f.amount(r.revenueAtStake))}
            <td className="px-3 py-1.5">
              {r.flagged ? (
                <span className="inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                  {t("flagged")}
                </span>
              ) : (
                <span className="text-slate-400">{t("notFlagged")}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
