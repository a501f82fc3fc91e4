// The integrity home page's own content: open flags by method and state (links into the filtered inbox), the
// highest-scored flags still to triage, and the way to the charts and the detection settings.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";
import type { SessionUser } from "@/lib/auth/session-user";
import { flagSummary } from "@/lib/integrity/flag-summary";
import { FLAG_METHODS, FLAG_STATES } from "@/lib/integrity/schema";
import { EmptyState } from "@/components/ui/empty-state";
import { ShieldIcon } from "@/components/ui/icons";
import { buttonClasses } from "@/components/ui/button";
import { FlagInboxTable } from "@/components/integrity/flag-inbox-table";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

const th = "px-4 py-3";

export async function IntegritySummary({ user }: { user: SessionUser }) {
  const [t, ti, format, summary] = await Promise.all([
    getTranslations("integrity.home"),
    getTranslations("integrity"),
    getFormatter(),
    flagSummary(user),
  ]);
  if (!summary.total) {
    return (
      <EmptyState title={ti("empty.title")} icon={<ShieldIcon />}>
        <p>{ti("empty.body")}</p>
      </EmptyState>
    );
  }
  const total = (state: (typeof FLAG_STATES)[number]) => summary.counts.reduce((s, c) => s + c[state], 0);
  const inbox = (q: Record<string, string>) => `/integrity/flags?${new URLSearchParams(q)}`;
  return (
    <div className="space-y-8" data-testid="integrity-summary">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {FLAG_STATES.map((s) => (
          <Card key={s} className="p-4" data-testid={`card-${s}`}>
            <p className="text-xs font-medium text-slate-600">{t(`cards.${s}`)}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
              <Link href={inbox({ state: s })} className="hover:underline">
                {format.number(total(s))}
              </Link>
            </p>
          </Card>
        ))}
      </div>

      <section aria-labelledby="by-method">
        <h2 id="by-method" className="text-lg font-semibold text-slate-900">
          {t("byMethod.title")}
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">{t("byMethod.body")}</p>
        <TableFrame caption={t("byMethod.title")} testId="flags-by-method">
          <TableHead>
            <th scope="col" className={th}>
              {t("byMethod.method")}
            </th>
            {FLAG_STATES.map((s) => (
              <th key={s} scope="col" className={`${th} text-right`}>
                {ti(`states.${s}`)}
              </th>
            ))}
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {FLAG_METHODS.map((m) => {
              const row = summary.counts.find((c) => c.method === m);
              return (
                <tr key={m} className="hover:bg-slate-50" data-method={m}>
                  <td className="px-4 py-2.5">
                    <span className="font-medium text-slate-900">{ti(`methods.${m}`)}</span>
                    <span className="block text-xs text-slate-500">{ti(`methodHints.${m}`)}</span>
                  </td>
                  {FLAG_STATES.map((s) => (
                    <td key={s} className="px-4 py-2.5 text-right tabular-nums">
                      {row?.[s] ? (
                        <Link
                          href={inbox({ method: m, state: s })}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {format.number(row[s])}
                        </Link>
                      ) : (
                        <span className="text-slate-400">0</span>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </TableFrame>
      </section>

      <section aria-labelledby="top-flags">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="top-flags" className="text-lg font-semibold text-slate-900">
              {t("top.title")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("top.body")}</p>
          </div>
          <Link href="/integrity/flags" className={buttonClasses("primary")}>
            {t("openInbox")}
          </Link>
        </div>
        {summary.top.length ? (
          <FlagInboxTable rows={summary.top} selectable={false} caption={t("top.title")} />
        ) : (
          <p className="text-sm text-slate-600">{t("top.none")}</p>
        )}
      </section>

      <IntegrityLinks />
    </div>
  );
}

export async function IntegrityLinks() {
  const t = await getTranslations("integrity.home.links");
  const links = [
    { href: "/integrity/funnel", key: "funnel" },
    { href: "/integrity/pairs", key: "pairs" },
    { href: "/integrity/benford", key: "benford" },
    { href: "/integrity/unit-values", key: "unitValues" },
    { href: "/integrity/settings", key: "settings" },
  ] as const;
  return (
    <section aria-labelledby="integrity-links">
      <h2 id="integrity-links" className="mb-3 text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {links.map((l) => (
          <li key={l.key}>
            <Link
              href={l.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300 hover:bg-brand-50/40"
            >
              <span className="font-medium text-brand-700">{t(`${l.key}.title`)}</span>
              <span className="mt-1 block text-sm text-slate-600">{t(`${l.key}.body`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
