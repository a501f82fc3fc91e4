// An analysis screen with no data to show yet: its header, and why, with the screen's own words.
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";

export function NoAnalysisData({ header, title, body }: { header: React.ReactNode; title: string; body: string }) {
  return (
    <>
      {header}
      <EmptyState title={title} icon={<ChartIcon />}>
        <p>{body}</p>
      </EmptyState>
    </>
  );
}
