"use client";
// "Who looked at my figures" on the officer's own page. Loaded in the browser from /api/me/views rather than
// rendered with the page: the page itself may come from the page cache, and a view recorded a second ago must show.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { ViewEntry } from "@/lib/view-log/list-views";
import { ViewLogTable } from "@/components/privacy/view-log-table";

export function MyViewsPanel() {
  const t = useTranslations("privacy.viewLog");
  const [views, setViews] = useState<ViewEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/me/views", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ views: ViewEntry[] }>) : Promise.reject(new Error(String(r.status)))))
      .then((body) => live && setViews(body.views))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section aria-labelledby="my-views-title" className="space-y-3" data-testid="my-views">
      <div>
        <h2 id="my-views-title" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      {failed ? (
        <p className="text-sm text-red-700">{t("failed")}</p>
      ) : views === null ? (
        <p className="text-sm text-slate-600">{t("loading")}</p>
      ) : views.length ? (
        <ViewLogTable views={views} showOfficer={false} />
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
    </section>
  );
}
