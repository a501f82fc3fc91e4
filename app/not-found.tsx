// 404 page, outside the portal frame (it may be reached signed out).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("code")}</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-3 text-base text-slate-600">{t("body")}</p>
      <Link href="/" className={buttonClasses("primary", "mt-8")}>
        {t("home")}
      </Link>
    </main>
  );
}
