"use server";
// Server action of the manager's answer to a dispute (/contracts/disputes). A public endpoint: it checks the session
// and the area (managers and administrators); answerDispute checks the office, the filer and the status itself.
import { formFields, runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";
import { answerDispute } from "@/lib/disputes/answer-dispute";

export async function answerDisputeAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    { area: "contracts" },
    async (user) => {
      await answerDispute(formFields(formData) as Parameters<typeof answerDispute>[0], user);
      return success("answered");
    },
    ["/contracts", "/me"],
  );
}
