import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "@/lib/i18n/locales";

describe("localeFromAcceptLanguage", () => {
  it("takes the supported language with the highest weight", () => {
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")).toBe("fr");
    expect(localeFromAcceptLanguage("en;q=0.5,fr-CA;q=0.9")).toBe("fr");
  });

  it("keeps header order between equal weights and ignores q=0", () => {
    expect(localeFromAcceptLanguage("fr, en")).toBe("fr");
    expect(localeFromAcceptLanguage("fr;q=0, en;q=0.1")).toBe("en");
  });

  it("returns null when nothing supported is asked for", () => {
    expect(localeFromAcceptLanguage("de, es;q=0.5")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});

describe("resolveLocale: cookie, then user preference, then Accept-Language, then English", () => {
  it("prefers the cookie over everything", () => {
    expect(resolveLocale({ cookie: "fr", userPreference: "en", acceptLanguage: "en" })).toBe("fr");
  });

  it("falls back to the user's preference when the cookie is missing or unknown", () => {
    expect(resolveLocale({ cookie: undefined, userPreference: "fr", acceptLanguage: "en" })).toBe("fr");
    expect(resolveLocale({ cookie: "de", userPreference: "fr", acceptLanguage: "en" })).toBe("fr");
  });

  it("then uses the browser's languages, then English", () => {
    expect(resolveLocale({ acceptLanguage: "fr-FR,fr;q=0.9" })).toBe("fr");
    expect(resolveLocale({ acceptLanguage: "pt-BR" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });
});
