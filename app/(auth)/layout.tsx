// The sign-in pages' part of the messages for the browser (lib/i18n/client-messages.ts).
import { ClientMessages } from "@/components/i18n/client-messages";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages part="auth">{children}</ClientMessages>;
}
