// /analysis — the Analysis area: the Time Release Study, the mirror analysis, selectivity performance and risk
// feedback.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis"))("title") };
}

export default async function AnalysisPage() {
  await requireArea("analysis");
  const [t, tr] = await Promise.all([getTranslations("analysis"), getTranslations("risk.index")]);
  const cards = [
    { href: "/analysis/trs", key: "trs", title: t("index.trs.title"), body: t("index.trs.body") },
    { href: "/analysis/mirror", key: "mirror", title: t("index.mirror.title"), body: t("index.mirror.body") },
    { href: "/analysis/selectivity", key: "selectivity", title: tr("selectivity.title"), body: tr("selectivity.body") },
    { href: "/analysis/risk", key: "risk", title: tr("risk.title"), body: tr("risk.body") },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6 md:grid-cols-2">
        {cards.map((c) => (
          <section
            key={c.key}
            aria-labelledby={`card-${c.key}`}
            className="flex flex-col rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
          >
            <h2 id={`card-${c.key}`} className="text-lg font-semibold text-slate-900">
              {c.title}
            </h2>
            <p className="mt-2 flex-1 text-sm leading-relaxed text-slate-600">{c.body}</p>
            <Link href={c.href} className={buttonClasses("primary", "mt-5 self-start")}>
              {t("index.open")}
            </Link>
          </section>
        ))}
      </div>
    </>
  );
}
