// Guard of the area: runs before the page streams, so a wrong role gets a real HTTP 403
// (docs/decisions/013-guards-and-403.md). Pages may add loading.tsx / Suspense below it without losing that.
import { requireArea } from "@/lib/auth/guards";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function AreaLayout({ children }: { children: React.ReactNode }) {
  await requireArea("integrity");
  return <ClientMessages part="integrity">{children}</ClientMessages>;
}
