// /login — sign-in page, localized, with the language switch (a visitor may not read English).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/guards";
import { homePathForUser } from "@/lib/auth/areas";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(homePathForUser(user));
  const [t, tCommon, { callbackUrl }] = await Promise.all([
    getTranslations("auth"),
    getTranslations("common"),
    searchParams,
  ]);

  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <div className="flex justify-end px-4 py-4 sm:px-8">
        <LanguageSwitch tone="light" />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:pt-12">
        <div className="w-full max-w-md">
          <div className="mb-8 flex flex-col items-center text-center">
            <span
              aria-hidden
              className="mb-4 flex h-12 w-12 items-center justify-center rounded-lg bg-brand-900 text-xl font-bold text-white"
            >
              P
            </span>
            <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">{tCommon("productName")}</p>
            <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
            <p className="mt-2 text-sm text-slate-600">{t("subtitle")}</p>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
            <LoginForm callbackUrl={safeCallbackPath(callbackUrl)} />
          </div>
          <p className="mt-6 text-center text-xs leading-relaxed text-slate-500">{t("help")}</p>
        </div>
      </main>
    </div>
  );
}
