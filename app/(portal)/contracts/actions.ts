"use server";
// Server actions of the contract screens (contracts area and the officer's /me). Each is a public endpoint: it
// identifies the user, and the service it calls checks the role, the scope and the contract's status itself.
import { requireUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session-user";
import { formFields, runFormAction } from "@/lib/kernel/form-action";
import { success, type FormResult } from "@/lib/kernel/form-result";
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
import { contractBaselines, type BaselineRequest, type ContractBaselines } from "@/lib/contracts/contract-baselines";

// Both screens show contracts: every change refreshes both.
const CONTRACT_PAGES = ["/contracts", "/me"];

// The contract form posts its fields as one object (indicator rows included); null id = a new draft.
export async function saveContractAction(contractId: number | null, payload: unknown): Promise<FormResult> {
  return runFormAction(
    "signedIn",
    async (user) => {
      const input = payload as Parameters<typeof createContract>[0];
      if (contractId === null) {
        const { id } = await createContract(input, user);
        return success("created", {}, `/contracts/${id}`);
      }
      await updateContractDraft(contractId, input, user);
      return success("saved", {}, `/contracts/${contractId}`);
    },
    CONTRACT_PAGES,
  );
}

export async function applyTemplateAction(
  payload: unknown,
): Promise<{ result: FormResult; outcome: UnitContractsOutcome | null }> {
  let outcome: UnitContractsOutcome | null = null;
  const result = await runFormAction(
    "signedIn",
    async (user) => {
      outcome = await createUnitContracts(payload as Parameters<typeof createUnitContracts>[0], user);
      return success("created");
    },
    CONTRACT_PAGES,
  );
  return { result, outcome };
}

// Baselines and proposed terms beside the form's indicators: reads only, so no page is revalidated.
export async function baselinesAction(
  payload: unknown,
): Promise<{ result: FormResult; baselines: ContractBaselines | null }> {
  let baselines: ContractBaselines | null = null;
  const result = await runFormAction(
    "signedIn",
    async (user) => {
      baselines = await contractBaselines(payload as BaselineRequest, user);
      return success("baselinesLoaded");
    },
    [],
  );
  return { result, baselines };
}

export async function searchOfficersAction(query: string): Promise<OfficerChoice[]> {
  return searchOfficersInScope(await requireUser(), String(query));
}

// The actions below are posted by a form: the signed-in user, the form's fields, both contract screens refreshed.
function onContractForm(
  formData: FormData,
  operation: (fields: ReturnType<typeof formFields>, user: SessionUser) => Promise<FormResult>,
): Promise<FormResult> {
  return runFormAction("signedIn", (user) => operation(formFields(formData), user), CONTRACT_PAGES);
}

export async function signAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return onContractForm(formData, async (fields, user) => {
    await signContract(ContractIdInput.parse(fields).contractId, user);
    return success("signed");
  });
}

export async function acknowledgeAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return onContractForm(formData, async (fields, user) => {
    const { status } = await acknowledgeContract(ContractIdInput.parse(fields).contractId, user);
    return success(status === "ACTIVE" ? "acknowledgedActive" : "acknowledged");
  });
}

export async function closeAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return onContractForm(formData, async (fields, user) => {
    await closeContract(fields as Parameters<typeof closeContract>[0], user);
    return success("closed");
  });
}

export async function amendAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return onContractForm(formData, async (fields, user) => {
    const { id, version } = await amendContract(fields as Parameters<typeof amendContract>[0], user);
    return success("amended", { version }, `/contracts/${id}/edit`);
  });
}

export async function reviewAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return onContractForm(formData, async (fields, user) => {
    await recordContractReview(fields as Parameters<typeof recordContractReview>[0], user);
    return success("reviewed");
  });
}

export async function evaluateAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return onContractForm(formData, async (fields, user) => {
    await evaluateContract(fields as Parameters<typeof evaluateContract>[0], user);
    return success("evaluated");
  });
}

export async function appealAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return onContractForm(formData, async (fields, user) => {
    await appealEvaluation(fields as Parameters<typeof appealEvaluation>[0], user);
    return success("appealed");
  });
}

export async function decideAppealAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  return onContractForm(formData, async (fields, user) => {
    await decideAppeal(fields as Parameters<typeof decideAppeal>[0], user);
    return success("appealDecided");
  });
}
