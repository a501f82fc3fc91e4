"use server";
// Server action of the manager's answer to a dispute (/contracts/disputes). A public endpoint: it checks the session
// and the area (managers and administrators); answerDispute checks the office, the filer and the status itself.
import { revalidatePath } from "next/cache";
import { requireArea } from "@/lib/auth/guards";
import { formErrorFrom, success, type ContractFormResult } from "@/lib/contracts/form-result";
import { answerDispute } from "@/lib/disputes/answer-dispute";

export async function answerDisputeAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireArea("contracts");
  try {
    await answerDispute(Object.fromEntries(formData.entries()) as Parameters<typeof answerDispute>[0], user);
  } catch (error) {
    return formErrorFrom(error);
  }
  revalidatePath("/contracts", "layout");
  revalidatePath("/me", "layout");
  return success("answered");
}
