"use server";
// Server actions of the contract screens (contracts area and the officer's /me). Each is a public endpoint: it
// identifies the user, and the service it calls checks the role, the scope and the contract's status itself.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import { formErrorFrom, success, type ContractFormResult } from "@/lib/contracts/form-result";
import { createContract } from "@/lib/contracts/create-contract";
import { updateContractDraft } from "@/lib/contracts/update-contract-draft";
import { createUnitContracts, type UnitContractsOutcome } from "@/lib/contracts/create-unit-contracts";
import { signContract } from "@/lib/contracts/sign-contract";
import { acknowledgeContract } from "@/lib/contracts/acknowledge-contract";
import { closeContract } from "@/lib/contracts/close-contract";
import { amendContract } from "@/lib/contracts/amend-contract";
import { recordContractReview } from "@/lib/contracts/record-contract-review";
import { evaluateContract } from "@/lib/contracts/evaluate-contract";
import { appealEvaluation } from "@/lib/contracts/appeal-evaluation";
import { decideAppeal } from "@/lib/contracts/decide-appeal";
import { searchOfficersInScope, type OfficerChoice } from "@/lib/contracts/party-options";
import { ContractIdInput } from "@/lib/contracts/schema";

const fields = (formData: FormData) => Object.fromEntries(formData.entries());

async function run(operation: () => Promise<ContractFormResult>): Promise<ContractFormResult> {
  try {
    const result = await operation();
    revalidatePath("/contracts", "layout");
    revalidatePath("/me", "layout");
    return result;
  } catch (error) {
    return formErrorFrom(error);
  }
}

// The contract form posts its fields as one object (indicator rows included); null id = a new draft.
export async function saveContractAction(contractId: number | null, payload: unknown): Promise<ContractFormResult> {
  const user = await requireUser();
  return run(async () => {
    const input = payload as Parameters<typeof createContract>[0];
    if (contractId === null) {
      const { id } = await createContract(input, user);
      return success("created", {}, `/contracts/${id}`);
    }
    await updateContractDraft(contractId, input, user);
    return success("saved", {}, `/contracts/${contractId}`);
  });
}

export async function applyTemplateAction(payload: unknown): Promise<{ result: ContractFormResult; outcome: UnitContractsOutcome | null }> {
  const user = await requireUser();
  let outcome: UnitContractsOutcome | null = null;
  const result = await run(async () => {
    outcome = await createUnitContracts(payload as Parameters<typeof createUnitContracts>[0], user);
    return success("created");
  });
  return { result, outcome };
}

export async function searchOfficersAction(query: string): Promise<OfficerChoice[]> {
  return searchOfficersInScope(await requireUser(), String(query));
}

export async function signAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireUser();
  return run(async () => {
    await signContract(ContractIdInput.parse(fields(formData)).contractId, user);
    return success("signed");
  });
}

export async function acknowledgeAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireUser();
  return run(async () => {
    const { status } = await acknowledgeContract(ContractIdInput.parse(fields(formData)).contractId, user);
    return success(status === "ACTIVE" ? "acknowledgedActive" : "acknowledged");
  });
}

export async function closeAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireUser();
  return run(async () => {
    await closeContract(fields(formData) as Parameters<typeof closeContract>[0], user);
    return success("closed");
  });
}

export async function amendAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireUser();
  return run(async () => {
    const { id, version } = await amendContract(fields(formData) as Parameters<typeof amendContract>[0], user);
    return success("amended", { version }, `/contracts/${id}/edit`);
  });
}

export async function reviewAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireUser();
  return run(async () => {
    await recordContractReview(fields(formData) as Parameters<typeof recordContractReview>[0], user);
    return success("reviewed");
  });
}

export async function evaluateAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireUser();
  return run(async () => {
    await evaluateContract(fields(formData) as Parameters<typeof evaluateContract>[0], user);
    return success("evaluated");
  });
}

export async function appealAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireUser();
  return run(async () => {
    await appealEvaluation(fields(formData) as Parameters<typeof appealEvaluation>[0], user);
    return success("appealed");
  });
}

export async function decideAppealAction(_previous: ContractFormResult, formData: FormData): Promise<ContractFormResult> {
  const user = await requireUser();
  return run(async () => {
    await decideAppeal(fields(formData) as Parameters<typeof decideAppeal>[0], user);
    return success("appealDecided");
  });
}
