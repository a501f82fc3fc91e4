// The latest run of a selectivity or risk job: its state and when it ran, its progress while it works (RunProgress),
// its error if it failed, and whatever button the page offers to start another (children).
import { getFormatter, getTranslations } from "next-intl/server";
import type { RunView } from "@/lib/analysis/analysis-runs";
import { Notice } from "@/components/ui/notice";
import { RunProgress } from "@/components/risk/run-progress";

export async function RunPanel({
  title,
  run,
  endpoint,
  summary,
  children,
  actionsBelow = false,
  testId,
}: {
  title: string;
  run: RunView | null;
  endpoint: string;
  summary?: React.ReactNode;
  children?: React.ReactNode;
  // A form too wide for the side (the training windows) goes under the state instead.
  actionsBelow?: boolean;
  testId?: string;
}) {
  const [t, format] = await Promise.all([getTranslations("risk.runs"), getFormatter()]);
  const active = run && (run.status === "QUEUED" || run.status === "RUNNING");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-label={title}
      data-testid={testId}
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl space-y-1 text-sm text-slate-700">
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          {run ? (
            <p>
              {run.finishedAt
                ? t(`finished.${run.status === "FAILED" ? "FAILED" : "SUCCEEDED"}`, {
                    id: run.id,
                    date: when(run.finishedAt),
                  })
                : t("requested", { id: run.id, date: when(run.createdAt) })}
            </p>
          ) : (
            <p>{t("none")}</p>
          )}
          {summary}
        </div>
        {children && !actionsBelow ? <div className="flex shrink-0 flex-wrap items-end gap-3">{children}</div> : null}
      </div>
      {children && actionsBelow ? <div className="mt-4 border-t border-slate-100 pt-4">{children}</div> : null}
      {active ? (
        <div className="mt-4">
          <RunProgress
            endpoint={`${endpoint}/${run.id}`}
            initial={{ status: run.status, progress: run.progress }}
            label={title}
          />
        </div>
      ) : null}
      {run?.status === "FAILED" && run.error ? (
        <div className="mt-3">
          <Notice tone="error">{t("error", { error: run.error })}</Notice>
        </div>
      ) : null}
    </section>
  );
}
