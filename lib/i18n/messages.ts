// Messages are split per area (one JSON file per namespace) so engineers working on different areas never edit
// the same file; this loader puts them back together as { common: {...}, auth: {...}, ... }.
import type { Locale } from "@/lib/i18n/locales";

export const MESSAGE_AREAS = [
  "common",
  "auth",
  "nav",
  "admin",
  "contracts",
  "me",
  "integrity",
  "data",
  "explore",
  "dashboard",
  "disputes",
  "cases",
  "analysis",
  "risk",
  "privacy",
] as const;
export type MessageArea = (typeof MESSAGE_AREAS)[number];

export type Messages = Record<MessageArea, Record<string, unknown>>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    MESSAGE_AREAS.map(async (area) => {
      const file = (await import(`./messages/${locale}/${area}.json`)) as { default: Record<string, unknown> };
      return [area, file.default] as const;
    }),
  );
  const messages = Object.fromEntries(entries) as Messages;
  // The KPI catalogue's names and plain-words formulas are written once, in contracts.kpis; the drill-down and
  // dashboard screens read them as explore.names / explore.formulas.
  const kpis = Object.entries(messages.contracts.kpis as Record<string, { name: string; formula: string }>);
  messages.explore = {
    ...messages.explore,
    names: Object.fromEntries(kpis.map(([id, k]) => [id, k.name])),
    formulas: Object.fromEntries(kpis.map(([id, k]) => [id, k.formula])),
  };
  return messages;
}
