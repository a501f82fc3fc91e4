// Portal header: product name, signed-in user and role, language switch, sign out; area navigation below.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { areasForUser, homePathForUser } from "@/lib/auth/areas";
import type { SessionUser } from "@/lib/auth/session-user";
import { signOutAction } from "@/lib/auth/sign-out-action";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { MainNav } from "@/components/shell/main-nav";

export async function AppHeader({ user }: { user: SessionUser }) {
  const [t, tNav] = await Promise.all([getTranslations("common"), getTranslations("nav")]);
  const items = areasForUser(user).map((area) => ({ href: area.path, label: tNav(`areas.${area.id}`) }));
  return (
    <header>
      <div className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
          <Link href={homePathForUser(user)} className="flex items-center gap-3 rounded">
            <span
              aria-hidden
              className="flex h-8 w-8 items-center justify-center rounded bg-white text-sm font-bold text-brand-900"
            >
              P
            </span>
            <span className="flex flex-col leading-tight">
              <span className="text-base font-semibold">{t("productName")}</span>
              <span className="hidden text-xs text-slate-300 sm:block">{t("tagline")}</span>
            </span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
            <div className="text-right text-sm leading-tight" data-testid="current-user">
              <div className="font-medium">{user.name}</div>
              <div className="text-xs text-slate-300">{t(`roles.${user.role}`)}</div>
            </div>
            <LanguageSwitch />
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md px-3 py-1.5 text-sm font-medium text-white ring-1 ring-inset ring-white/40 hover:bg-white/10"
              >
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
      </div>
      <div className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-7xl px-4 sm:px-6 lg:px-8">
          <MainNav items={items} label={tNav("label")} />
        </div>
      </div>
    </header>
  );
}
