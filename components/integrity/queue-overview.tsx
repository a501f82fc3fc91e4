// The head of the work queue: how many subjects it holds and behind how many flags, how many stand above the unit's
// capacity line and the revenue they carry, and how many flags survive the false discovery rate control; with the
// capacity form for those who may change it.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";
import type { RankedQueue } from "@/lib/integrity/rank-subjects";
import type { FormResult } from "@/lib/kernel/form-result";
import { FDR_LEVEL } from "@/lib/integrity/benjamini-hochberg";
import { CapacityForm } from "@/components/integrity/capacity-form";
import { formatMoney } from "@/components/integrity/triage-format";

type Action = (previous: FormResult, formData: FormData) => Promise<FormResult>;

export async function QueueOverview({ queue, capacityAction }: { queue: RankedQueue; capacityAction: Action | null }) {
  const [t, format] = await Promise.all([getTranslations("triage.overview"), getFormatter()]);
  const surviving = queue.flags.filter((f) => f.survives).length;
  const cards = [
    {
      id: "subjects",
      label: t("subjects"),
      value: format.number(queue.rows.length),
      note: t("subjectsNote", { flags: queue.flags.length }),
    },
    {
      id: "above-line",
      label: t("aboveLine"),
      value: format.number(queue.aboveLine.subjects),
      note: t("aboveLineNote", { line: queue.line, perMonth: queue.capacityPerMonth, months: queue.months }),
    },
    {
      id: "revenue",
      label: t("revenue"),
      value: formatMoney(format, queue.aboveLine.revenueAtStake),
      note: t("revenueNote"),
    },
    {
      id: "fdr",
      label: t("surviving"),
      value: format.number(surviving),
      note: t("survivingNote", {
        total: queue.flags.length,
        level: format.number(FDR_LEVEL, { style: "percent" }),
      }),
    },
  ];
  return (
    <section aria-labelledby="queue-overview-title" className="mb-6 space-y-4" data-testid="queue-overview">
      <h2 id="queue-overview-title" className="sr-only">
        {t("title")}
      </h2>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((c) => (
          <Card key={c.id} className="p-4" data-testid={`queue-card-${c.id}`}>
            <p className="text-xs font-medium text-slate-600">{c.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{c.value}</p>
            <p className="mt-1 text-xs text-slate-500">{c.note}</p>
          </Card>
        ))}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <p className="max-w-2xl text-sm text-slate-600">{t("capacityBody", { perMonth: queue.capacityPerMonth })}</p>
        {capacityAction ? (
          <CapacityForm casesPerMonth={queue.capacityPerMonth} action={capacityAction} />
        ) : (
          <p className="text-sm font-medium text-slate-800" data-testid="capacity-read-only">
            {t("capacityReadOnly", { perMonth: queue.capacityPerMonth })}
          </p>
        )}
      </div>
    </section>
  );
}
