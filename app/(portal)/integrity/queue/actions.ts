"use server";
// Server actions of the work queue: the unit's capacity (lib/integrity/triage-capacity.ts) and a case opened on
// everything behind one subject (lib/cases/open-subject-case.ts). Public endpoints: each checks the session and the
// integrity roles; the services check who may change the capacity and which flags the user may see.
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { formFields, runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";
import { setCapacity } from "@/lib/integrity/triage-capacity";
import { openSubjectCase } from "@/lib/cases/open-subject-case";

export async function setCapacityAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    { guard: requireIntegrityUser },
    async (user) => {
      const casesPerMonth = await setCapacity(user, formFields(formData));
      return success("capacitySaved", { casesPerMonth });
    },
    ["/integrity"],
  );
}

export async function openSubjectCaseAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    { guard: requireIntegrityUser },
    async (user) => {
      const { caseId, flags } = await openSubjectCase(formFields(formData) as never, user);
      return success("caseOpened", { caseId, count: flags }, `/integrity/cases/${caseId}`);
    },
    // Nothing is refreshed in place: the form sends the user on to the new case, and the subject's page, had it
    // been rendered again here, would have had nothing left to show the answer in.
    [],
  );
}
