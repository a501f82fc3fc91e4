// EN | FR switch. A plain form posting to a server action: it works before JavaScript has loaded.
import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/lib/i18n/locales";
import { switchLocale } from "@/lib/i18n/locale-actions";

export async function LanguageSwitch({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const [current, t] = await Promise.all([getLocale(), getTranslations("common.language")]);
  const idle = tone === "dark" ? "text-slate-200 hover:bg-white/10" : "text-slate-600 hover:bg-slate-100";
  const active = tone === "dark" ? "bg-white text-brand-900" : "bg-brand-600 text-white";
  return (
    <form action={switchLocale} aria-label={t("label")} className="flex items-center gap-1">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          title={t(`name.${locale}`)}
          className={`rounded px-2 py-1 text-xs font-semibold uppercase tracking-wide transition-colors ${locale === current ? active : idle}`}
        >
          <span aria-hidden>{locale}</span>
          <span className="sr-only">{t(`name.${locale}`)}</span>
        </button>
      ))}
    </form>
  );
}
