// The highest risk scores of the latest month the model scored, each opening the declaration's record, with the
// factors that raised its score (a contribution of at least +0.05 in log-odds, largest first).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ScoredDeclaration } from "@/lib/risk/risk-report";
import { selectivityFormat } from "@/components/selectivity/selectivity-format";
import { factorText } from "@/components/risk/factor-label";
import { TableFrame } from "@/components/ui/table-frame";

const th = "px-3 py-2 text-left text-xs font-semibold text-slate-600";
const td = "px-3 py-2 text-sm text-slate-800";
const RAISING = 0.05;

export async function TopScoresTable({ rows, caption }: { rows: ScoredDeclaration[]; caption: string }) {
  const [t, tf, format] = await Promise.all([
    getTranslations("risk.scores"),
    getTranslations("risk.factors"),
    getFormatter(),
  ]);
  const f = selectivityFormat(format, await getTranslations("contracts"));
  return (
    <TableFrame caption={caption} testId="top-scores" smallText={false}>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={`${th} text-right`}>
            {t("rank")}
          </th>
          <th scope="col" className={th}>
            {t("declaration")}
          </th>
          <th scope="col" className={th}>
            {t("office")}
          </th>
          <th scope="col" className={th}>
            {t("registered")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("score")}
          </th>
          <th scope="col" className={th}>
            {t("raisedBy")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r, i) => {
          const raising = r.factors.filter((x) => x.contribution >= RAISING);
          return (
            <tr key={r.declId} data-decl={r.declId}>
              <td className={`${td} text-right tabular-nums`}>{i + 1}</td>
              <th scope="row" className={`${td} text-left font-medium`}>
                <Link
                  href={`/explore/declarations/${encodeURIComponent(r.declId)}?back=${encodeURIComponent("/analysis/risk")}`}
                  className="text-brand-700 hover:underline"
                >
                  {r.declId}
                </Link>
              </th>
              <td className={td}>{r.officeCode}</td>
              <td className={`${td} tabular-nums`}>
                {format.dateTime(new Date(`${r.regTs.replace(" ", "T")}Z`), { dateStyle: "medium", timeZone: "UTC" })}
              </td>
              <td className={`${td} text-right font-semibold tabular-nums`}>{f.percent(r.score)}</td>
              <td className={td} data-testid="raised-by">
                {raising.length ? raising.map((x) => factorText(tf, x, f)).join(", ") : t("nothingRaised")}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableFrame>
  );
}
