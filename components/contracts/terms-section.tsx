// The agreed terms of one contract version: who, where, when, who signs, and the indicators with their threshold,
// target, weight and minimum volume.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ContractDetail } from "@/lib/contracts/get-contract-detail";
import { formatDay, formatTermValue } from "@/components/format/kpi-format";
import { partyLabel } from "@/components/contracts/party-label";
import { TableFrame } from "@/components/ui/table-frame";
import { BasisNote } from "@/components/contracts/basis-note";
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";

const th = "px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600";

export async function TermsSection({ detail }: { detail: ContractDetail }) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const c = detail.contract;
  const party = partyLabel(t, {
    type: c.partyType,
    officerId: c.partyOfficerId,
    name: c.partyOfficer?.fullName ?? null,
    unit: c.partyUnit,
  });
  const items: [string, React.ReactNode][] = [
    [
      t("detail.party"),
      <>
        <span className="font-medium">
          {t(`party.type.${c.partyType}`)} · {party}
        </span>
        <span className="mt-0.5 block text-xs font-normal text-slate-600">
          {t(`party.subjectExplained.${c.partyType}`)}
        </span>
      </>,
    ],
    [t("detail.office"), `${c.officeCode} · ${c.office.name}`],
    [
      t("detail.period"),
      t("period", { from: formatDay(format, detail.period.from), to: formatDay(format, detail.period.to) }),
    ],
    [t("detail.principal"), c.principal.name],
    [t("detail.template"), c.templateKey ? t(`templates.${c.templateKey}.name`) : t("detail.noTemplate")],
    [t("detail.createdBy"), `${c.createdBy.name} · ${format.dateTime(c.createdAt, { dateStyle: "medium" })}`],
  ];
  if (c.amendmentReason) items.push([t("detail.amendmentReason"), c.amendmentReason]);
  return (
    <section aria-labelledby="terms-title" className="space-y-4">
      <h2 id="terms-title" className="text-lg font-semibold text-slate-900">
        {t("detail.terms")}
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-2 print:shadow-none">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="mt-0.5 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <TableFrame caption={t("detail.indicatorsCaption")} testId="terms-table" flatInPrint>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} text-left`}>
              {t("form.columns.kpi")}
            </th>
            <th scope="col" className={`${th} text-left`}>
              {t("form.columns.direction")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("form.columns.threshold")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("form.columns.target")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("detail.columns.weight")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("form.columns.minVolume")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {c.indicators.map((i) => (
            <tr key={i.kpiId} className="break-inside-avoid">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="font-medium text-slate-900">{t(`kpis.${i.kpiId}.name`)}</span>{" "}
                <span className="text-xs text-slate-500">({i.kpiId})</span>{" "}
                <IndicatorDefinition kpiId={i.kpiId} inline />
                <BasisNote basis={i.basis} label={t("basis.oe")} title={t("basis.oeExplained")} />
              </th>
              <td className="px-3 py-2 text-slate-700">{t(`direction.${i.direction}`)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatTermValue(format, t, i.kpiId, i.basis, i.threshold)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatTermValue(format, t, i.kpiId, i.basis, i.target)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {format.number(i.weight / 100, { style: "percent", maximumFractionDigits: 1 })}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{format.number(i.minVolume)}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
    </section>
  );
}
