// Messages are split per area (one JSON file per namespace) so engineers working on different areas never edit
// the same file; this loader puts them back together as { common: {...}, auth: {...}, ... }.
import type { Locale } from "@/lib/i18n/locales";
import { env } from "@/lib/env";

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
  "triage",
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
  // Money reads "9.1 M XAF" in both languages: the currency setting is written into every message that names
  // "{currency}" (contracts.moneyValue, the money headers) when the catalogue is loaded, so every formatter, on the
  // server or in the browser, says it. "{currency}" is therefore never a message argument.
  const withCurrency = withCurrencyCode(messages as unknown as MessageNode, env.CURRENCY_CODE) as unknown as Messages;
  withCurrency.contracts = { ...withCurrency.contracts, currency: env.CURRENCY_CODE };
  return withCurrency;
}

type MessageNode = string | { [key: string]: MessageNode };

function withCurrencyCode(node: MessageNode, code: string): MessageNode {
  if (typeof node === "string") return node.replaceAll("{currency}", code);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withCurrencyCode(value, code)]));
}
