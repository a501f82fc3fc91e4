// One line naming the party of a contract, in the user's language.
type Translate = (key: string, values?: Record<string, string | number>) => string;

export type PartyFields = {
  type: "OFFICER" | "UNIT" | "OFFICE";
  officerId: string | null;
  name: string | null;
  unit: string | null;
};

export function partyLabel(t: Translate, party: PartyFields): string {
  switch (party.type) {
    case "OFFICER":
      return party.name ? `${party.name} (${party.officerId})` : (party.officerId ?? "—");
    case "UNIT":
      return t("party.unit", { unit: party.unit ?? "—" });
    case "OFFICE":
      return t("party.office");
  }
}
