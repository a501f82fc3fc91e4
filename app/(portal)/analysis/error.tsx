"use client";
// What an analysis page shows when its numbers could not be read: the frame stays, with a way to try again.
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";

export default function AnalysisError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("analysis.error");
  return (
    <div className="max-w-2xl space-y-4">
      <Notice tone="error">{t("body")}</Notice>
      <Button variant="secondary" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
