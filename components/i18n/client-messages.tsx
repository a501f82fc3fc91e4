// Gives the client components below it their part of the messages (lib/i18n/client-messages.ts). It replaces, not
// extends, the messages of a provider above it; locale, time zone and formats still come from the request.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_MESSAGES, type ClientMessagesPart } from "@/lib/i18n/client-messages";
import { pickMessages, type MessageTree } from "@/lib/i18n/pick-messages";

export async function ClientMessages({ part, children }: { part: ClientMessagesPart; children: React.ReactNode }) {
  const messages = pickMessages((await getMessages()) as MessageTree, CLIENT_MESSAGES[part]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
