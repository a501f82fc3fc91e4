// Which language a request is served in. Pure, so the precedence rule is unit-tested
// (docs/decisions/012-i18n-cookie-locale.md): NEXT_LOCALE cookie, then the user's saved preference,
// then the browser's Accept-Language, then English.
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// "fr-CA,fr;q=0.9,en;q=0.8" → the supported language with the highest q, ties kept in header order.
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, position) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.toLowerCase().split("-")[0], weight: Number.isFinite(weight) ? weight : 0, position };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.position - b.position);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

export function resolveLocale(sources: {
  cookie?: string | null;
  userPreference?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(sources.cookie)) return sources.cookie;
  if (isLocale(sources.userPreference)) return sources.userPreference;
  return localeFromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}
