"use server";
// Server action of the officer's dispute form (/me and /me/contracts/:id). A public endpoint: it checks the session
// and the area (officers, and accounts linked to an officer); openDispute checks the contract, the KPI, the month
// and the declarations itself.
import { revalidatePath } from "next/cache";
import { requireArea } from "@/lib/auth/guards";
import { formErrorFrom, success, type ContractFormResult } from "@/lib/contracts/form-result";
import { openDispute } from "@/lib/disputes/open-dispute";

export async function openDisputeAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireArea("me");
  try {
    await openDispute(Object.fromEntries(formData.entries()) as Parameters<typeof openDispute>[0], user);
  } catch (error) {
    return formErrorFrom(error);
  }
  revalidatePath("/me", "layout");
  revalidatePath("/contracts", "layout");
  return success("opened");
}
