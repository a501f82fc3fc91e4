// Shown while the page loads. It sits below the area's layout.tsx, so the role check has already answered
// (a streamed page could no longer turn into an HTTP 403).
import { getTranslations } from "next-intl/server";
import { PageSkeleton } from "@/components/ui/page-skeleton";

export default async function Loading() {
  return <PageSkeleton label={(await getTranslations("common"))("loading")} />;
}
