// Tells the user which part of the data the page covers for them (scopeForUser), so an office manager is never left
// wondering whether a figure is national.
import { getTranslations } from "next-intl/server";
import { scopeForUser } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session-user";

export async function ScopeNote({ user }: { user: SessionUser }) {
  const t = await getTranslations("common.scope");
  const scope = scopeForUser(user);
  const text =
    scope.kind === "all"
      ? t("all")
      : scope.kind === "office"
        ? t("office", { office: scope.officeCode })
        : scope.kind === "officer"
          ? t("officer", { officer: scope.officerId })
          : t("none");
  return (
    <p className="mb-6 inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-200">
      <span className="h-1.5 w-1.5 rounded-full bg-brand-600" aria-hidden />
      {text}
    </p>
  );
}
