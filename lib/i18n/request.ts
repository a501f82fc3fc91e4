// next-intl request configuration (no locale in the URL): picks the locale for this request and loads its messages.
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale, isLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { requestSessionToken } from "@/lib/auth/session-token";

// Dates in the portal (audit log, import times) are shown in UTC and labelled so; clearance timestamps are
// office-local wall-clock strings and are not converted at all.
export const DISPLAY_TIME_ZONE = "UTC";

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  // The session is only consulted when no cookie decides, so most requests skip decoding the JWT.
  const userPreference = isLocale(cookie) ? null : (await requestSessionToken())?.locale;
  const locale = resolveLocale({ cookie, userPreference, acceptLanguage: (await headers()).get("accept-language") });
  return { locale, messages: await loadMessages(locale), timeZone: DISPLAY_TIME_ZONE };
});
