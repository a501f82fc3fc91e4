// Each indicator month by month: the value with its n, and the month's overall score, so a manager sees the
// trend that the monthly review discusses. A month whose value an accepted KPI dispute corrected or annotated is
// marked in its cell and explained below the table; the computed value itself stays shown as computed.
import { getFormatter, getTranslations } from "next-intl/server";
import type { PeriodIndicators } from "@/lib/contracts/contract-indicators";
import { CONTEXT_KPIS } from "@/lib/contracts/contract-indicators";
import { noteKey, type DisputeNote } from "@/lib/disputes/dispute-rules";
import type { DisputeNotes } from "@/lib/disputes/load-dispute-notes";
import { formatKpiValue, formatMonth, formatRatio, formatScore } from "@/components/format/kpi-format";
import { TableFrame } from "@/components/ui/table-frame";
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";

const thBase = "px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 whitespace-nowrap";
const th = `${thBase} text-right`;

export async function MonthlyTable({
  months,
  kpiIds,
  notes = new Map(),
}: {
  months: (PeriodIndicators & { month: string })[];
  kpiIds: string[];
  notes?: DisputeNotes;
}) {
  const [t, td, format] = await Promise.all([
    getTranslations("contracts"),
    getTranslations("disputes.notes"),
    getFormatter(),
  ]);
  if (!months.length) return <p className="text-sm text-slate-600">{t("detail.noMonths")}</p>;
  const rows = [...kpiIds, ...CONTEXT_KPIS];
  // Numbered in table order (row by row, month by month), so a mark leads to its explanation below.
  const shown: { note: DisputeNote; computed: number | null }[] = [];
  for (const kpiId of rows) {
    for (const m of months) {
      const note = notes.get(noteKey(kpiId, m.month));
      if (note) shown.push({ note, computed: m.values.get(kpiId)?.value ?? null });
    }
  }
  const number = (note: DisputeNote) => shown.findIndex((s) => s.note === note) + 1;
  const value = (kpiId: string, v: number | null) => formatKpiValue(format, t, kpiId, v);
  return (
    <div className="space-y-3">
      <TableFrame caption={t("detail.monthlyCaption")} testId="monthly-table" flatInPrint>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${thBase} text-left`}>
              {t("detail.columns.kpi")}
            </th>
            {months.map((m) => (
              <th key={m.month} scope="col" className={th}>
                {formatMonth(format, m.month)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((kpiId) => (
            <tr key={kpiId}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-normal">
                <span className="font-medium text-slate-900">{t(`kpis.${kpiId}.name`)}</span>{" "}
                <span className="text-xs text-slate-500">({kpiId})</span> <IndicatorDefinition kpiId={kpiId} inline />
              </th>
              {months.map((m) => {
                const cell = m.values.get(kpiId);
                const note = notes.get(noteKey(kpiId, m.month));
                return (
                  <td
                    key={m.month}
                    className="px-3 py-2 text-right tabular-nums"
                    data-kpi={kpiId}
                    data-month={m.month}
                    data-value={cell?.value ?? ""}
                    data-n={cell?.denominator ?? 0}
                  >
                    <span className="text-slate-900">{value(kpiId, cell?.value ?? null)}</span>
                    <span className="block text-xs text-slate-500">n = {format.number(cell?.denominator ?? 0)}</span>
                    {m.oe.has(kpiId) ? (
                      // The ratio the month's score reads for an indicator scored on observed/expected.
                      <span className="block text-xs font-medium text-brand-700" data-oe={m.oe.get(kpiId)!.ratio ?? ""}>
                        {t("basis.oeValue", { value: formatRatio(format, m.oe.get(kpiId)!.ratio) })}
                      </span>
                    ) : null}
                    {note ? (
                      <a
                        href={`#dispute-note-${note.disputeId}`}
                        className="mt-1 inline-block whitespace-nowrap rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-200 hover:underline"
                        data-dispute-note={note.kind}
                        data-corrected-value={note.kind === "corrected" ? note.correctedValue : undefined}
                      >
                        {note.kind === "corrected"
                          ? td("correctedShort", { value: value(kpiId, note.correctedValue) })
                          : td("annotatedShort")}
                        <sup className="ml-0.5">{number(note)}</sup>
                      </a>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-slate-50">
          <tr>
            <th scope="row" className="px-3 py-2.5 text-left text-sm font-semibold text-slate-900">
              {t("detail.overall")}
            </th>
            {months.map((m) => (
              <td key={m.month} className="px-3 py-2.5 text-right font-semibold tabular-nums text-slate-900">
                {formatScore(format, m.scorecard.overall, 100)}
              </td>
            ))}
          </tr>
        </tfoot>
      </TableFrame>
      {shown.length ? (
        <section
          aria-labelledby="dispute-notes-title"
          className="rounded-lg border border-amber-200 bg-amber-50/40 p-3 text-sm"
        >
          <h3 id="dispute-notes-title" className="text-sm font-semibold text-slate-900">
            {td("title")}
          </h3>
          <ol className="mt-2 space-y-1.5">
            {shown.map(({ note, computed }) => {
              const args = {
                kpi: `${t(`kpis.${note.kpiId}.name`)} (${note.kpiId})`,
                month: formatMonth(format, note.month),
                computed: value(note.kpiId, computed),
              };
              return (
                <li
                  key={note.disputeId}
                  id={`dispute-note-${note.disputeId}`}
                  className="flex gap-2 text-slate-800"
                  data-dispute-note-item={note.kind}
                >
                  <span className="font-semibold text-amber-900">{number(note)}.</span>
                  <span>
                    {note.kind === "corrected"
                      ? td("corrected", { ...args, value: value(note.kpiId, note.correctedValue) })
                      : td("annotated", args)}{" "}
                    <span className="text-slate-600">
                      {td("answer", {
                        answer: note.answer,
                        date: format.dateTime(note.answeredAt, { dateStyle: "medium" }),
                      })}
                    </span>
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
