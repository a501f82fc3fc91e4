"use client";
// What a dashboard shows when its numbers could not be read (the database is down, a query failed): the
// page's frame stays, with a way to try again.
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";

export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("dashboard.error");
  return (
    <div className="max-w-2xl space-y-4">
      <Notice tone="error">{t("body")}</Notice>
      <Button variant="secondary" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
