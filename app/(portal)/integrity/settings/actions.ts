"use server";
// Server action of the detection parameters screen: checks the session and the area; updateDetectionParams checks
// who may change them (administrators and national analysts) and audits the change.
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";
import { updateDetectionParams } from "@/lib/integrity/detection-settings";
import { paramsFromForm } from "@/lib/integrity/params-form";

export async function saveDetectionParamsAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return runFormAction(
    { guard: requireIntegrityUser },
    async (user) => {
      await updateDetectionParams(paramsFromForm(formData), user);
      return success("paramsSaved");
    },
    ["/integrity"],
  );
}
