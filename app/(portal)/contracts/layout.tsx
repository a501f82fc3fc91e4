// Guard of the area: runs before the page streams, so a wrong role gets a real HTTP 403
// (docs/decisions/013-guards-and-403.md). The area has no loading.tsx, so its pages can also answer a real 404
// for a contract the user may not see; slow sections stream behind their own <Suspense>.
import { requireArea } from "@/lib/auth/guards";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function AreaLayout({ children }: { children: React.ReactNode }) {
  await requireArea("contracts");
  return <ClientMessages part="contracts">{children}</ClientMessages>;
}
