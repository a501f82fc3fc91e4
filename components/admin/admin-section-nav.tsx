// The administration's sections: users and audit log, API tokens, view log, retention.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

const SECTIONS = [
  ["users", "/admin"],
  ["apiTokens", "/admin/api-tokens"],
  ["viewLog", "/admin/view-log"],
  ["retention", "/admin/retention"],
] as const;

export async function AdminSectionNav({ current }: { current: (typeof SECTIONS)[number][0] }) {
  const t = await getTranslations("privacy.nav");
  return (
    <nav aria-label={t("label")} className="-mt-4 mb-8 flex flex-wrap gap-2">
      {SECTIONS.map(([key, href]) => (
        <Link
          key={key}
          href={href}
          aria-current={key === current ? "page" : undefined}
          className={`rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset ${
            key === current
              ? "bg-brand-600 text-white ring-brand-600"
              : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
          }`}
        >
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}
