"use server";
// Language switch of the header and the login page: remembered in the NEXT_LOCALE cookie for this browser and,
// when signed in, as the user's preference for other devices.
import { cookies } from "next/headers";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { getCurrentUser } from "@/lib/auth/guards";
import { setUserLocale } from "@/lib/users/set-user-locale";

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export async function switchLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_SECONDS, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user && user.locale !== locale) await setUserLocale(user.id, locale);
}
