"use client";
// Tells the portal that this page, about one officer's figures, was seen. Sent from the browser once the page is
// shown, so a page answered from the page cache is recorded like a freshly rendered one; the server checks the
// session and that the viewer may see this officer, and records nothing when it is the officer himself.
import { useEffect } from "react";

export function ViewBeacon({ officerId, what }: { officerId: string; what: "drilldown" | "indicators" | "contract" }) {
  useEffect(() => {
    const body = JSON.stringify({ officerId, what, source: window.location.pathname + window.location.search });
    void fetch("/api/view-log", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      keepalive: true,
    }).catch(() => {});
  }, [officerId, what]);
  return null;
}
