// Guard of the Explore area: any signed-in user; what each may see is narrowed per subject and per declaration by
// their scope (lib/explore). Pages check the scope before anything streams, so a refusal is a real HTTP 403/404
// (docs/decisions/013-guards-and-403.md): no loading.tsx here, Suspense boundaries sit inside the pages.
import { requireUser } from "@/lib/auth/guards";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function ExploreLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  return <ClientMessages part="explore">{children}</ClientMessages>;
}
