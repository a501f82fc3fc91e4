// The integrity area's own navigation: its home, the work queue, the flag inbox, cases and their outcomes, the four
// charts and the detection settings.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export const INTEGRITY_SECTIONS = [
  { id: "home", href: "/integrity" },
  { id: "queue", href: "/integrity/queue" },
  { id: "flags", href: "/integrity/flags" },
  { id: "cases", href: "/integrity/cases" },
  { id: "outcomes", href: "/integrity/outcomes" },
  { id: "funnel", href: "/integrity/funnel" },
  { id: "pairs", href: "/integrity/pairs" },
  { id: "benford", href: "/integrity/benford" },
  { id: "unitValues", href: "/integrity/unit-values" },
  { id: "settings", href: "/integrity/settings" },
] as const;

export type IntegritySection = (typeof INTEGRITY_SECTIONS)[number]["id"];

export async function IntegrityNav({ current }: { current: IntegritySection }) {
  const t = await getTranslations("integrity.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 -mt-2 overflow-x-auto">
      <ul className="flex gap-1 border-b border-slate-200 text-sm">
        {INTEGRITY_SECTIONS.map((s) => (
          <li key={s.id}>
            <Link
              href={s.href}
              aria-current={s.id === current ? "page" : undefined}
              className={`-mb-px inline-block whitespace-nowrap border-b-2 px-3 py-2 font-medium ${
                s.id === current
                  ? "border-brand-600 text-brand-800"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {t(s.id)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
