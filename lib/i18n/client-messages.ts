// What the browser gets of the message catalogue, per part of the portal: only what the client components under
// that layout translate (server components translate on the server and send text). The whole catalogue is over
// 100 KB and would otherwise travel, twice, with every page. tests/unit/i18n-client-messages.test.ts derives what
// each part's client components read from the code and fails when a list here misses it or names nothing.
export const CLIENT_MESSAGES = {
  // Everything outside the areas: the portal's error page.
  root: ["common.error"],
  auth: ["auth"],
  admin: [
    "admin",
    "common.roles",
    "privacy.apiTokens",
    "privacy.errors",
    "privacy.feedback",
    "privacy.retention",
    "privacy.viewLog",
  ],
  analysis: [
    "analysis.compute",
    "analysis.error",
    "contracts.hoursValue",
    "contracts.moneyValue",
    "contracts.perDayValue",
    "risk.driftRun",
    "risk.runs",
    "risk.score",
    "risk.train",
  ],
  contracts: ["contracts", "disputes.answerForm", "disputes.errors", "disputes.feedback"],
  dashboard: ["contracts.hoursValue", "contracts.moneyValue", "contracts.perDayValue", "dashboard.error"],
  data: ["data"],
  explore: [],
  integrity: [
    "cases.attachments",
    "cases.errors",
    "cases.feedback",
    "contracts.errors",
    "integrity",
    "triage.capacity",
    "triage.subject.caseTitle",
    "triage.subject.caseTitleHint",
    "triage.subject.confirmCase",
    "triage.subject.openCase",
    "triage.subject.opening",
  ],
  me: [
    "contracts.actions",
    "contracts.appeal",
    "contracts.decideAppeal",
    "contracts.decision",
    "contracts.errors",
    "contracts.evaluations",
    "contracts.feedback",
    "contracts.hoursValue",
    "contracts.moneyValue",
    "contracts.perDayValue",
    "contracts.reviews",
    "disputes.errors",
    "disputes.feedback",
    "disputes.form",
    "privacy.viewLog",
  ],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesPart = keyof typeof CLIENT_MESSAGES;
