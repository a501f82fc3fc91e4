// /explore — the area's entry: the KPI drill-down form.
import { redirect } from "next/navigation";

export default function ExplorePage() {
  redirect("/explore/kpi");
}
