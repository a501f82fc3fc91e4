"use client";
// Unexpected failure inside a portal page: say so plainly, offer to retry, keep the header and navigation usable.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <section role="alert" className="mx-auto flex max-w-xl flex-col items-center py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-3 text-base leading-relaxed text-slate-600">{t("body")}</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">{t("reference", { digest: error.digest })}</p> : null}
      <Button className="mt-8" onClick={reset}>
        {t("retry")}
      </Button>
    </section>
  );
}
