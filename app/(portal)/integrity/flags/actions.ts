"use server";
// Server actions of the flag inbox's bulk triage: dismiss with a reason (lib/integrity/triage-flags.ts) or open a
// case with the selected flags (lib/cases/open-case.ts). Public endpoints: each checks the session and the area,
// and the services check the scope of every flag themselves.
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";
import { dismissFlags } from "@/lib/integrity/triage-flags";
import { openCase } from "@/lib/cases/open-case";

export async function triageFlagsAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  const flagIds = formData.getAll("flagIds").map(String).join(",");
  const intent = formData.get("intent");
  return runFormAction(
    { guard: requireIntegrityUser },
    async (user) => {
      if (intent === "case") {
        const title = String(formData.get("title") ?? "");
        const { caseId } = await openCase({ flagIds, title }, user);
        return success("caseOpened", { caseId, count: flagIds.split(",").length });
      }
      const { dismissed, alreadyDismissed } = await dismissFlags(
        { flagIds, reason: String(formData.get("reason") ?? "") },
        user,
      );
      return success("dismissed", { count: dismissed.length, already: alreadyDismissed.length });
    },
    ["/integrity"],
  );
}
