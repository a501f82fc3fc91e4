// The contract as a document: parties, period, indicators with their definitions, thresholds, targets and weights,
// signatures, and the indicators so far. Rendered on its own print page, printed to PDF by Chromium.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ContractDetail } from "@/lib/contracts/get-contract-detail";
import { currentIndicators } from "@/lib/contracts/contract-indicators";
import { ContractStatusBadge } from "@/components/contracts/badges";
import { TermsSection } from "@/components/contracts/terms-section";
import { ScorecardTable } from "@/components/contracts/scorecard-table";
import { PrintStyles } from "@/components/ui/print-styles";
import { PrintButton } from "@/components/ui/print-button";
import { formatDay } from "@/components/format/kpi-format";

export async function ContractPrintView({ detail }: { detail: ContractDetail }) {
  const [t, format, locale] = await Promise.all([getTranslations("contracts"), getFormatter(), getLocale()]);
  const c = detail.contract;
  const current = c.signedAt ? (await currentIndicators([c])).get(c.id) : undefined;
  const when = (d: Date | null, key: "signedOn" | "acknowledgedOn") =>
    d ? t(`print.${key}`, { date: format.dateTime(d, { dateStyle: "long" }) }) : t("print.notYet");
  const acknowledger = detail.timeline.find((e) => e.action === "contract.acknowledge")?.actorName;
  return (
    <article
      lang={locale}
      className="mx-auto max-w-4xl space-y-6 bg-white p-6 text-slate-900 print:p-0"
      data-testid="contract-print"
    >
      <PrintStyles />
      <div className="flex items-start justify-between gap-4 border-b border-slate-300 pb-4">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("print.contractTitle")}</p>
          <h1 className="mt-1 text-2xl font-semibold">{c.title}</h1>
          <p className="mt-1 text-sm text-slate-700">
            {t("contractRef", { contractNo: c.contractNo, version: c.version })}
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          <ContractStatusBadge status={c.status} />
          <PrintButton label={t("print.print")} />
        </div>
      </div>
      <TermsSection detail={detail} />
      <section aria-labelledby="signatures-title" className="print-keep space-y-3">
        <h2 id="signatures-title" className="text-lg font-semibold">
          {t("print.signatures")}
        </h2>
        <div className="grid grid-cols-2 gap-6 text-sm">
          <div className="rounded-md border border-slate-300 p-4">
            <p className="text-xs text-slate-600">{t("print.principalSignature")}</p>
            <p className="mt-1 font-medium">{c.principal.name}</p>
            <p className="mt-1 text-slate-700">{when(c.signedAt, "signedOn")}</p>
          </div>
          <div className="rounded-md border border-slate-300 p-4">
            <p className="text-xs text-slate-600">{t("print.partySignature")}</p>
            <p className="mt-1 font-medium">{acknowledger ?? "—"}</p>
            <p className="mt-1 text-slate-700">{when(c.acknowledgedAt, "acknowledgedOn")}</p>
          </div>
        </div>
      </section>
      {current ? (
        <section aria-labelledby="so-far-title" className="space-y-2">
          <h2 id="so-far-title" className="text-lg font-semibold">
            {t("detail.currentTitle")}
          </h2>
          <p className="text-sm text-slate-700">
            {t("detail.currentDescription", {
              from: formatDay(format, current.period.from),
              to: formatDay(format, current.period.to),
            })}
          </p>
          <ScorecardTable
            scorecard={current.scorecard}
            caption={t("detail.scorecardCaption")}
            testId="print-scorecard"
          />
        </section>
      ) : null}
      <p className="border-t border-slate-300 pt-3 text-xs text-slate-600">
        {t("print.generated", { date: format.dateTime(new Date(), { dateStyle: "long", timeStyle: "short" }) })}
      </p>
    </article>
  );
}
