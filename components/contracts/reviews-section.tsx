// Monthly reviews of the contract (all its versions), each beside that month's indicator values, and the form to
// record the next one for managers.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ContractDetail } from "@/lib/contracts/get-contract-detail";
import type { PeriodIndicators } from "@/lib/contracts/contract-indicators";
import { formatKpiValue, formatMonth } from "@/components/format/kpi-format";
import { ReviewForm } from "@/components/contracts/review-form";
import type { FormAction } from "@/components/forms/use-form-action";

export async function ReviewsSection({
  detail,
  months,
  action,
}: {
  detail: ContractDetail;
  months: (PeriodIndicators & { month: string })[];
  action: FormAction;
}) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const canReview = detail.actions.includes("review");
  const kpiIds = detail.contract.indicators.map((i) => i.kpiId);
  return (
    <section aria-labelledby="reviews-title" className="space-y-4">
      <h2 id="reviews-title" className="text-lg font-semibold text-slate-900">
        {t("detail.reviewsTitle")}
      </h2>
      {detail.reviews.length === 0 ? <p className="text-sm text-slate-600">{t("detail.reviewsEmpty")}</p> : null}
      <ul className="space-y-3">
        {detail.reviews.map((r) => {
          const values = months.find((m) => m.month === r.month)?.values;
          return (
            <li
              key={r.id}
              className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm print:shadow-none"
              data-review-month={r.month}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold text-slate-900">
                  {formatMonth(format, r.month)}
                  {r.version !== detail.contract.version ? (
                    <span className="ml-2 text-xs font-normal text-slate-500">
                      {t("reviews.versionTag", { version: r.version })}
                    </span>
                  ) : null}
                </h3>
                <p className="text-xs text-slate-600">
                  {t("reviews.by", {
                    name: r.reviewerName ?? "—",
                    date: format.dateTime(r.createdAt, { dateStyle: "medium" }),
                  })}
                </p>
              </div>
              <p className="mt-2 whitespace-pre-line text-slate-800">{r.note}</p>
              {r.agreedActions ? (
                <div className="mt-2">
                  <p className="text-xs font-semibold text-slate-600">{t("reviews.agreedActions")}</p>
                  <p className="whitespace-pre-line text-slate-800">{r.agreedActions}</p>
                </div>
              ) : null}
              {values ? (
                <p className="mt-3 text-xs text-slate-600">
                  <span className="font-semibold">
                    {t("labelled", { label: t("reviews.monthValues", { month: formatMonth(format, r.month) }) })}{" "}
                  </span>
                  {kpiIds
                    .map(
                      (k) =>
                        `${k} ${formatKpiValue(format, t, k, values.get(k)?.value ?? null)} (n = ${format.number(values.get(k)?.denominator ?? 0)})`,
                    )
                    .join(" · ")}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {canReview ? (
        detail.reviewableMonths.length ? (
          <ReviewForm
            contractId={detail.contract.id}
            months={detail.reviewableMonths.map((m) => ({ value: m, label: formatMonth(format, m) }))}
            action={action}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("reviews.allDone")}</p>
        )
      ) : null}
    </section>
  );
}
