"use server";
// Server action of the detection parameters screen: checks the session and the area; updateDetectionParams checks
// who may change them (administrators and national analysts) and audits the change.
import { revalidatePath } from "next/cache";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { formErrorFrom, success, type ContractFormResult } from "@/lib/contracts/form-result";
import { updateDetectionParams } from "@/lib/integrity/detection-settings";
import { paramsFromForm } from "@/lib/integrity/params-form";

export async function saveDetectionParamsAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireIntegrityUser();
  try {
    await updateDetectionParams(paramsFromForm(formData), user);
  } catch (error) {
    return formErrorFrom(error);
  }
  revalidatePath("/integrity", "layout");
  return success("paramsSaved");
}
