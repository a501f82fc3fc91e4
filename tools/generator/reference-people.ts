// Name parts for synthetic officers: common Cameroonian first names and surnames (accents kept on purpose, so the
// importer and the UI meet real UTF-8).

export const FIRST_NAMES = [
  "Jean", "Paul", "Marie", "Emmanuel", "Aïcha", "Hamadou", "Fadimatou", "Joseph", "Christelle", "Brice", "Serge",
  "Ernest", "Blaise", "Honorine", "Sandrine", "Ibrahim", "Moussa", "Oumarou", "Pauline", "Rodrigue", "Thierry",
  "Yannick", "Gisèle", "Hervé", "Eric", "Estelle", "Bertrand", "Clarisse", "Didier", "Francis", "Georges",
  "Hortense", "Irène", "Jacqueline", "Léon", "Martin", "Nadège", "Olivier", "Patrice", "Roger", "Sylvie",
  "Vanessa", "Alain", "Bernadette", "Cyrille", "Salomon", "Ramatou", "Achille", "Josiane", "Landry",
] as const;

export const LAST_NAMES = [
  "Mbarga", "Nkoulou", "Essomba", "Fouda", "Ndjock", "Tchoumi", "Kamga", "Fotso", "Nana", "Djoumessi",
  "Ngo Bassa", "Abena", "Onana", "Atangana", "Owona", "Bello", "Aboubakar", "Mohamadou", "Njoya", "Tchakounté",
  "Wamba", "Kuaté", "Tagne", "Ewane", "Ekotto", "Manga", "Mballa", "Zambo", "Ngono", "Biyong", "Moukouri",
  "Ebanda", "Ngando", "Mvondo", "Ayissi", "Belinga", "Ndongo", "Eyenga", "Bouba", "Nsangou",
] as const;

/** ASCII local part for an e-mail address: "Aïcha Ngo Bassa" → "aicha.ngo-bassa". */
export function emailLocalPart(firstName: string, lastName: string): string {
  const ascii = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z]+/g, "-")
      .replace(/^-|-$/g, "");
  return `${ascii(firstName)}.${ascii(lastName)}`;
}
