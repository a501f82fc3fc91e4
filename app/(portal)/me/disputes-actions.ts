"use server";
// Server action of the officer's dispute form (/me and /me/contracts/:id). A public endpoint: it checks the session
// and the area (officers, and accounts linked to an officer); openDispute checks the contract, the KPI, the month
// and the declarations itself.
import { formFields, runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";
import { openDispute } from "@/lib/disputes/open-dispute";

export async function openDisputeAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    { area: "me" },
    async (user) => {
      await openDispute(formFields(formData) as Parameters<typeof openDispute>[0], user);
      return success("opened");
    },
    ["/me", "/contracts"],
  );
}
