// Shown with HTTP 403 when a signed-in user opens an area their role does not include.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LockIcon } from "@/components/ui/icons";
import { buttonClasses } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations("common.forbidden");
  return (
    <section
      className="mx-auto flex max-w-xl flex-col items-center py-16 text-center"
      aria-labelledby="forbidden-title"
    >
      <div className="mb-5 flex h-14 w-14 items-center justify-center rounded-full bg-red-50 text-red-700">
        <LockIcon className="h-7 w-7" />
      </div>
      <p className="text-sm font-semibold uppercase tracking-wide text-red-700">{t("code")}</p>
      <h1 id="forbidden-title" className="mt-2 text-2xl font-semibold text-slate-900">
        {t("title")}
      </h1>
      <p className="mt-3 text-base leading-relaxed text-slate-600">{t("body")}</p>
      <Link href="/" className={buttonClasses("primary", "mt-8")}>
        {t("home")}
      </Link>
    </section>
  );
}
