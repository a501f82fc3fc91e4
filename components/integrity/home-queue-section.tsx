// The integrity home page's first section: the work queue of the latest quarter in a sentence (subjects, those above
// the capacity line and the revenue they carry) with its first rows, and the way into the queue.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { queuePage, queueWindows } from "@/lib/integrity/queue-view";
import { buttonClasses } from "@/components/ui/button";
import { formatPeriod } from "@/components/integrity/period-label";
import { QueueTable } from "@/components/integrity/queue-table";
import { formatMoney } from "@/components/integrity/triage-format";

const TOP = 5;

export async function HomeQueueSection({ user }: { user: SessionUser }) {
  const { window } = await queueWindows(user, "");
  if (!window) return null;
  const [t, tp, format, view] = await Promise.all([
    getTranslations("triage.home"),
    getTranslations("integrity.period"),
    getFormatter(),
    queuePage(user, window, 1),
  ]);
  const { queue } = view;
  return (
    <section
      aria-labelledby="home-queue-title"
      className="mb-10 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="home-queue"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-3xl">
          <h2 id="home-queue-title" className="text-lg font-semibold text-slate-900">
            {t("title", { period: formatPeriod(format, tp, window.from, window.to) })}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {t("body", {
              subjects: queue.rows.length,
              flags: queue.flags.length,
              above: queue.aboveLine.subjects,
              perMonth: queue.capacityPerMonth,
              revenue: formatMoney(format, queue.aboveLine.revenueAtStake),
            })}
          </p>
        </div>
        <Link href="/integrity/queue" className={buttonClasses("primary")} data-testid="open-queue">
          {t("open")}
        </Link>
      </div>
      {queue.rows.length ? (
        <QueueTable
          rows={view.rows.slice(0, TOP)}
          names={view.names}
          window={window}
          line={queue.line}
          months={queue.months}
          caption={t("caption")}
        />
      ) : null}
    </section>
  );
}
