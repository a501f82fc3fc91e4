// Remembers a user's language choice, used when the browser has no NEXT_LOCALE cookie (a new device).
import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";

export async function setUserLocale(userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
