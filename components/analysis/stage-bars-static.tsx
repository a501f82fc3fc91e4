// The stage chart of the TRS report as plain HTML (no script), so it prints the same in the browser and in the
// PDF Chromium makes: one horizontal bar per office × lane, its segments the stages' median hours on one scale.
import { getFormatter, getTranslations } from "next-intl/server";
import type { StageBar } from "@/lib/trs/trs-summary";
import { TRS_STAGES } from "@/lib/trs/trs-summary";
import { analysisFormat } from "@/components/analysis/analysis-format";

const COLOURS = ["#94a3b8", "#1f4fc4", "#6e8fe0", "#b45309"];

export async function StageBarsStatic({ bars, label }: { bars: StageBar[]; label: string }) {
  const [ta, format] = await Promise.all([getTranslations("analysis"), getFormatter()]);
  const f = analysisFormat(format, ta);
  const total = (b: StageBar) => TRS_STAGES.reduce((sum, s) => sum + Math.max(0, b.stages[s] ?? 0), 0);
  const max = Math.max(1e-9, ...bars.map(total));
  return (
    <figure className="m-0 space-y-2" aria-label={label} data-testid="report-stage-bars">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden>
        {TRS_STAGES.map((s, i) => (
          <li key={s} className="flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: COLOURS[i] }} />
            {ta(`intervals.${s}`)}
          </li>
        ))}
      </ul>
      <div className="space-y-1.5">
        {bars.map((b) => (
          <div
            key={`${b.officeCode}|${b.lane}`}
            className="print-keep grid grid-cols-[7rem_1fr_4.5rem] items-center gap-2 text-xs"
          >
            <span className="font-medium text-slate-800">{`${b.officeCode} · ${b.lane}`}</span>
            <span className="flex h-3.5 overflow-hidden rounded-sm bg-slate-100">
              {TRS_STAGES.map((s, i) => {
                const h = Math.max(0, b.stages[s] ?? 0);
                return h > 0 ? (
                  <span
                    key={s}
                    title={`${ta(`intervals.${s}`)}: ${f.hours(b.stages[s])}`}
                    style={{ width: `${(h / max) * 100}%`, background: COLOURS[i] }}
                  />
                ) : null;
              })}
            </span>
            <span className="text-right tabular-nums text-slate-700">{f.hours(total(b))}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
