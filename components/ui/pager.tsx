// Previous / next links of a server-side paginated table.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function Pager({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("dashboard.pager");
  const link =
    "rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label={t("label")} className="flex items-center justify-end gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span className="text-slate-600">{t("page", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={link} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
