// /integrity/benford — pick a broker for the Benford chart: those with a Benford flag in the period first, then the
// busiest ones (declarations with a positive value, in the user's offices).
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { benfordBrokers } from "@/lib/integrity/benford-chart";
import { flagPeriods } from "@/lib/integrity/list-flags";
import { chosenPeriod } from "@/lib/integrity/chart-choice";
import { ChartInput, periodKey } from "@/lib/integrity/schema";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { ScopeNote } from "@/components/shell/scope-note";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { ChartFilters } from "@/components/integrity/chart-filters";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrity.benford"))("title") };
}

async function BrokerList({ user, period }: { user: SessionUser; period: { from: string; to: string } }) {
  const [t, format, brokers] = await Promise.all([
    getTranslations("integrity.benford"),
    getFormatter(),
    benfordBrokers(user, period),
  ]);
  if (!brokers.length) return <p className="text-sm text-slate-600">{t("noBrokers")}</p>;
  return (
    <TableFrame caption={t("brokersCaption")} testId="benford-brokers">
      <TableHead>
        <th scope="col" className="px-4 py-3">
          {t("columns.broker")}
        </th>
        <th scope="col" className="px-4 py-3 text-right">
          {t("columns.values")}
        </th>
        <th scope="col" className="px-4 py-3">
          {t("columns.flag")}
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {brokers.map((b) => (
          <tr key={b.brokerId} className="hover:bg-slate-50">
            <td className="px-4 py-2.5">
              <Link
                href={`/integrity/benford/${encodeURIComponent(b.brokerId)}?period=${periodKey(period)}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {b.brokerId}
              </Link>
            </td>
            <td className="px-4 py-2.5 text-right tabular-nums">{format.number(b.declarations)}</td>
            <td className="px-4 py-2.5">
              {b.flagId ? (
                <Link href={`/integrity/flags/${b.flagId}`} className="text-brand-700 hover:underline">
                  {t("openFlag", { id: b.flagId })}
                </Link>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

export default async function BenfordIndexPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireIntegrityUser();
  const input = ChartInput.parse(await searchParams);
  const [t, periods] = await Promise.all([getTranslations("integrity.benford"), flagPeriods(user)]);
  const period = chosenPeriod(input.period, periods);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="benford" />
      <ScopeNote user={user} />
      {period ? (
        <>
          <ChartFilters period={{ value: periodKey(period), choices: periods }} />
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("brokersTitle")}</h2>
          <Suspense key={periodKey(period)} fallback={<SectionSkeleton label={t("loading")} />}>
            <BrokerList user={user} period={period} />
          </Suspense>
        </>
      ) : (
        <EmptyState title={t("noData.title")} icon={<ChartIcon />}>
          <p>{t("noData.body")}</p>
        </EmptyState>
      )}
    </>
  );
}
