// The server actions a contract page hands to its client islands (the same for managers and for the officer's view).
import {
  acknowledgeAction,
  amendAction,
  appealAction,
  closeAction,
  decideAppealAction,
  evaluateAction,
  reviewAction,
  signAction,
} from "@/app/(portal)/contracts/actions";
import type { ContractPageActions } from "@/components/contracts/contract-detail-view";

export const contractPageActions: ContractPageActions = {
  sign: signAction,
  acknowledge: acknowledgeAction,
  close: closeAction,
  amend: amendAction,
  review: reviewAction,
  evaluate: evaluateAction,
  appeal: appealAction,
  decide: decideAppealAction,
};
