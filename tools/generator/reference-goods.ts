// Goods and countries: an HS6 catalogue of goods a Central African administration really clears (HS 2022 codes),
// with typical unit values, consignment weights and total tax rates, and where each kind of goods comes from.

/** ISO 3166 alpha-2 partner countries and their price level (unit values relative to the world reference). */
export const COUNTRY_PRICE_LEVEL: Readonly<Record<string, number>> = {
  CN: 0.75,
  IN: 0.8,
  VN: 0.8,
  TH: 0.85,
  PK: 0.8,
  MY: 0.9,
  ID: 0.85,
  TR: 0.9,
  AE: 1.0,
  KR: 1.1,
  JP: 1.25,
  SG: 1.1,
  FR: 1.3,
  DE: 1.35,
  BE: 1.25,
  NL: 1.3,
  IT: 1.25,
  ES: 1.2,
  PT: 1.15,
  GB: 1.3,
  SE: 1.35,
  PL: 1.1,
  CH: 1.45,
  US: 1.25,
  CA: 1.2,
  BR: 0.9,
  AR: 0.9,
  RU: 0.85,
  UA: 0.8,
  MA: 0.9,
  EG: 0.85,
  ZA: 0.95,
  NG: 0.85,
  TD: 0.8,
  GA: 0.9,
  CG: 0.9,
  GQ: 0.9,
  CF: 0.8,
  CI: 0.9,
  SN: 0.9,
  CM: 1.0,
};

const COUNTRY_INDEX = new Map(Object.keys(COUNTRY_PRICE_LEVEL).map((code, i) => [code, i]));

export function countryIndex(code: string): number {
  const index = COUNTRY_INDEX.get(code);
  if (index === undefined) throw new Error(`unknown country ${code}`);
  return index;
}

type Profile = Readonly<Record<string, number>>;

const PROFILES = {
  asia: { CN: 55, IN: 8, VN: 6, TH: 4, MY: 3, ID: 3, TR: 6, AE: 8, KR: 3, PK: 2, SG: 2 },
  electronics: { CN: 60, VN: 8, KR: 6, MY: 5, TH: 3, IN: 4, JP: 3, AE: 7, SG: 4 },
  food: { TH: 12, VN: 8, IN: 10, PK: 6, BR: 10, FR: 10, NL: 6, US: 6, AR: 5, RU: 6, UA: 5, MA: 4, BE: 4, ES: 4, TR: 4 },
  fish: { MA: 15, SN: 12, NL: 10, CN: 12, RU: 8, ES: 8, PT: 6, AR: 5, IN: 4, CI: 6, NG: 4 },
  beverages: { FR: 25, ES: 15, IT: 10, ZA: 10, NG: 10, PT: 8, BE: 7, NL: 7, GB: 5, CN: 3 },
  tobacco: { AE: 40, CN: 10, GB: 10, NL: 10, ZA: 10, NG: 10, FR: 10 },
  pharma: { FR: 35, IN: 25, BE: 8, DE: 8, CH: 8, CN: 8, MA: 4, EG: 4 },
  chemicals: { CN: 25, FR: 15, DE: 10, BE: 10, IN: 10, US: 8, NL: 8, ZA: 5, NG: 5, TR: 4 },
  cosmetics: { FR: 25, NG: 15, CI: 10, CN: 15, AE: 10, ZA: 8, IN: 7, GB: 5, TR: 5 },
  build: { CN: 25, TR: 15, ES: 10, EG: 5, NG: 10, IN: 10, IT: 5, MA: 5, VN: 5, AE: 5, PT: 5 },
  machinery: { CN: 30, FR: 12, DE: 12, IT: 10, US: 8, JP: 6, IN: 6, TR: 6, BE: 5, GB: 5 },
  vehicles: { BE: 30, DE: 12, FR: 10, JP: 15, KR: 8, US: 10, AE: 8, CN: 7 },
  motorcycles: { CN: 80, IN: 15, JP: 5 },
  parts: { CN: 30, JP: 10, DE: 10, FR: 10, BE: 10, AE: 10, IN: 5, KR: 5, TR: 5, US: 5 },
  usedClothing: { BE: 25, GB: 15, US: 20, CA: 10, DE: 10, FR: 10, NL: 10 },
  paper: { FR: 20, CN: 25, ES: 10, IN: 10, BR: 10, SE: 10, PL: 5, PT: 5, ZA: 5 },
  exports: { CM: 1 },
} satisfies Record<string, Profile>;

type GroupSpec = {
  /** Median unit value in national currency per kg (CIF). */
  unitValue: number;
  /** Median net mass of one item line, kg. */
  kg: number;
  /** Duties and taxes as a share of the CIF value (customs duty, VAT, levies). */
  taxRate: number;
  profile: keyof typeof PROFILES;
  flow: "I" | "E";
  /** Supplementary unit and the net mass of one unit, for goods declared by number. */
  supp?: { unit: string; kgPerUnit: number };
};

const GROUPS = {
  staples: { unitValue: 350, kg: 25_000, taxRate: 0.15, profile: "food", flow: "I" },
  fish: { unitValue: 650, kg: 27_000, taxRate: 0.1, profile: "fish", flow: "I" },
  meat: { unitValue: 1_100, kg: 24_000, taxRate: 0.55, profile: "food", flow: "I" },
  food: { unitValue: 900, kg: 12_000, taxRate: 0.45, profile: "food", flow: "I" },
  beverages: { unitValue: 600, kg: 18_000, taxRate: 0.6, profile: "beverages", flow: "I" },
  tobacco: { unitValue: 7_000, kg: 4_000, taxRate: 0.7, profile: "tobacco", flow: "I" },
  pharma: { unitValue: 12_000, kg: 800, taxRate: 0.05, profile: "pharma", flow: "I" },
  chemicals: { unitValue: 900, kg: 10_000, taxRate: 0.32, profile: "chemicals", flow: "I" },
  cosmetics: { unitValue: 2_200, kg: 3_000, taxRate: 0.45, profile: "cosmetics", flow: "I" },
  plastics: { unitValue: 900, kg: 12_000, taxRate: 0.33, profile: "chemicals", flow: "I" },
  textiles: { unitValue: 2_500, kg: 3_000, taxRate: 0.45, profile: "asia", flow: "I" },
  usedClothing: { unitValue: 450, kg: 20_000, taxRate: 0.4, profile: "usedClothing", flow: "I" },
  footwear: { unitValue: 3_500, kg: 2_500, taxRate: 0.45, profile: "asia", flow: "I" },
  construction: { unitValue: 250, kg: 25_000, taxRate: 0.33, profile: "build", flow: "I" },
  metals: { unitValue: 550, kg: 25_000, taxRate: 0.3, profile: "build", flow: "I" },
  electronics: { unitValue: 6_000, kg: 1_500, taxRate: 0.33, profile: "electronics", flow: "I" },
  phones: {
    unitValue: 80_000,
    kg: 150,
    taxRate: 0.33,
    profile: "electronics",
    flow: "I",
    supp: { unit: "NMB", kgPerUnit: 0.25 },
  },
  machinery: { unitValue: 5_000, kg: 4_000, taxRate: 0.27, profile: "machinery", flow: "I" },
  vehicles: {
    unitValue: 4_000,
    kg: 1_400,
    taxRate: 0.55,
    profile: "vehicles",
    flow: "I",
    supp: { unit: "NMB", kgPerUnit: 1_300 },
  },
  motorcycles: {
    unitValue: 2_200,
    kg: 3_000,
    taxRate: 0.45,
    profile: "motorcycles",
    flow: "I",
    supp: { unit: "NMB", kgPerUnit: 95 },
  },
  parts: { unitValue: 3_000, kg: 2_000, taxRate: 0.33, profile: "parts", flow: "I" },
  household: { unitValue: 1_500, kg: 5_000, taxRate: 0.45, profile: "asia", flow: "I" },
  paper: { unitValue: 800, kg: 10_000, taxRate: 0.33, profile: "paper", flow: "I" },
  exports: { unitValue: 1_000, kg: 20_000, taxRate: 0.02, profile: "exports", flow: "E" },
} satisfies Record<string, GroupSpec>;

export type GoodsGroup = keyof typeof GROUPS;

/** [hs6, description, relative weight, overrides] — the weight is the share of item lines within the flow. */
type Entry = readonly [string, string, number, Partial<Pick<GroupSpec, "unitValue" | "kg" | "taxRate">>?];

const CATALOGUE: Readonly<Record<GoodsGroup, readonly Entry[]>> = {
  staples: [
    ["100630", "Semi-milled or wholly milled rice", 10],
    ["100199", "Wheat and meslin, other than seed", 6, { kg: 200_000, unitValue: 180 }],
    ["110100", "Wheat or meslin flour", 3],
    ["170199", "Cane or beet sugar, refined", 4],
    ["151190", "Palm oil, refined", 3],
    ["150790", "Soya-bean oil, refined", 2],
    ["151219", "Sunflower-seed oil, refined", 2],
    ["040221", "Milk powder, unsweetened, fat > 1.5 %", 3, { unitValue: 1_800 }],
    ["250100", "Salt", 2, { unitValue: 60 }],
    ["110710", "Malt, not roasted", 2],
    ["100590", "Maize, other than seed", 1],
    ["071339", "Beans, dried, shelled", 1],
    ["190219", "Uncooked pasta, not stuffed", 3, { unitValue: 550 }],
  ],
  fish: [
    ["030389", "Frozen fish, other", 6],
    ["030354", "Frozen mackerel", 5],
    ["030355", "Frozen jack and horse mackerel", 4],
    ["030343", "Frozen skipjack tuna", 1],
    ["160413", "Sardines, prepared or preserved", 3, { unitValue: 1_400, kg: 15_000, taxRate: 0.45 }],
    ["160414", "Tunas, prepared or preserved", 2, { unitValue: 1_900, kg: 15_000, taxRate: 0.45 }],
    ["030617", "Frozen shrimps and prawns", 1, { unitValue: 3_500 }],
  ],
  meat: [
    ["020714", "Frozen cuts and offal of fowls", 4],
    ["020329", "Frozen meat of swine", 1],
    ["020230", "Frozen boneless meat of bovine animals", 1, { unitValue: 2_000 }],
  ],
  food: [
    ["200290", "Tomatoes, prepared or preserved (paste)", 4],
    ["210390", "Sauces and condiments, mixed seasonings", 2],
    ["210410", "Soups and broths (bouillon cubes)", 2],
    ["180690", "Chocolate and food preparations containing cocoa", 1, { unitValue: 2_500 }],
    ["170490", "Sugar confectionery", 2],
    ["190110", "Infant food preparations, retail", 2, { unitValue: 3_000 }],
    ["090230", "Black tea, packings ≤ 3 kg", 1, { unitValue: 2_000 }],
    ["210111", "Extracts, essences of coffee (instant coffee)", 1, { unitValue: 3_500 }],
    ["040690", "Cheese, other", 1, { unitValue: 2_800 }],
    ["040510", "Butter", 1, { unitValue: 2_600 }],
    ["080810", "Apples, fresh", 1, { unitValue: 600 }],
    ["070310", "Onions and shallots, fresh", 2, { unitValue: 250 }],
    ["070190", "Potatoes, fresh", 1, { unitValue: 200 }],
    ["230990", "Preparations of a kind used in animal feeding", 2, { unitValue: 400, taxRate: 0.2 }],
    ["210690", "Food preparations n.e.s.", 2],
  ],
  beverages: [
    ["220300", "Beer made from malt", 2],
    ["220421", "Wine in containers ≤ 2 l", 3, { unitValue: 1_500 }],
    ["220429", "Wine in containers > 2 l", 1],
    ["220830", "Whiskies", 1, { unitValue: 3_500 }],
    ["220860", "Vodka", 0.5, { unitValue: 2_000 }],
    ["220890", "Spirits and liqueurs n.e.s.", 2, { unitValue: 1_500 }],
    ["220210", "Waters with added sugar or flavouring (soft drinks)", 2, { unitValue: 400 }],
    ["220110", "Mineral and aerated waters", 1, { unitValue: 200 }],
    ["200989", "Juice of any other single fruit or vegetable", 1, { unitValue: 700 }],
  ],
  tobacco: [
    ["240220", "Cigarettes containing tobacco", 2],
    ["240120", "Tobacco, partly or wholly stemmed", 0.5, { unitValue: 3_000, taxRate: 0.3 }],
  ],
  pharma: [
    ["300490", "Medicaments, in measured doses, n.e.s.", 8],
    ["300420", "Medicaments containing antibiotics", 3],
    ["300450", "Medicaments containing vitamins", 1],
    ["300241", "Vaccines for human medicine", 1, { unitValue: 60_000, kg: 200 }],
    ["300510", "Adhesive dressings", 1, { unitValue: 4_000 }],
    ["300660", "Chemical contraceptive preparations", 0.5],
    ["901831", "Syringes, with or without needles", 1, { unitValue: 3_000, taxRate: 0.1 }],
    ["901890", "Medical, surgical instruments n.e.s.", 1, { unitValue: 15_000, taxRate: 0.1 }],
    ["382212", "Diagnostic reagents (test kits)", 1, { unitValue: 20_000 }],
  ],
  chemicals: [
    ["380891", "Insecticides", 2, { unitValue: 2_200, taxRate: 0.1 }],
    ["380892", "Fungicides", 1, { unitValue: 2_500, taxRate: 0.1 }],
    ["380893", "Herbicides", 2, { unitValue: 2_000, taxRate: 0.1 }],
    ["310520", "Mineral fertilisers with nitrogen, phosphorus and potassium", 3, { unitValue: 350, taxRate: 0.05 }],
    ["310210", "Urea", 2, { unitValue: 300, taxRate: 0.05 }],
    ["340220", "Washing and cleaning preparations, retail", 2],
    ["340111", "Toilet soap", 2],
    ["340119", "Soap, other", 1],
    ["281511", "Sodium hydroxide (caustic soda), solid", 1, { unitValue: 350 }],
    ["283620", "Disodium carbonate", 0.5, { unitValue: 250 }],
    ["320890", "Paints and varnishes, other polymers", 2],
    ["321410", "Glaziers' putty, mastics", 0.5],
    ["350691", "Adhesives based on polymers", 1],
    ["271019", "Medium oils and preparations (lubricants)", 3, { unitValue: 700 }],
    ["271012", "Light oils and preparations", 1, { unitValue: 450, kg: 200_000 }],
    ["382499", "Chemical products and preparations n.e.s.", 1],
  ],
  cosmetics: [
    ["330499", "Beauty or make-up and skin-care preparations", 3],
    ["330510", "Shampoos", 1],
    ["330590", "Preparations for use on the hair", 2],
    ["330300", "Perfumes and toilet waters", 1, { unitValue: 6_000 }],
    ["330610", "Dentifrices", 1],
    ["670419", "Wigs and false beards of synthetic textile materials", 2, { unitValue: 9_000, kg: 500 }],
  ],
  plastics: [
    ["390120", "Polyethylene, specific gravity ≥ 0.94, primary forms", 2],
    ["390110", "Polyethylene, specific gravity < 0.94, primary forms", 1],
    ["390210", "Polypropylene, primary forms", 2],
    ["390761", "Poly(ethylene terephthalate), viscosity ≥ 78 ml/g", 1],
    ["391723", "Rigid tubes, pipes and hoses of PVC", 1],
    ["392321", "Sacks and bags of polymers of ethylene", 2],
    ["392330", "Carboys, bottles, flasks of plastics", 1],
    ["392410", "Tableware and kitchenware of plastics", 1, { unitValue: 1_400 }],
    ["392490", "Household and toilet articles of plastics", 1, { unitValue: 1_300 }],
    ["392690", "Articles of plastics n.e.s.", 1, { unitValue: 1_500 }],
    ["401110", "New pneumatic tyres of rubber, for motor cars", 2, { unitValue: 1_800, kg: 8_000 }],
    ["401120", "New pneumatic tyres of rubber, for buses or lorries", 2, { unitValue: 1_600, kg: 10_000 }],
    ["401140", "New pneumatic tyres of rubber, for motorcycles", 1, { unitValue: 1_500, kg: 5_000 }],
  ],
  textiles: [
    ["520812", "Woven fabrics of cotton, unbleached, plain weave", 1],
    ["520852", "Woven fabrics of cotton, printed (wax prints)", 3],
    ["540752", "Woven fabrics of textured polyester, dyed", 1],
    ["551311", "Woven fabrics of polyester and cotton, unbleached", 0.5],
    ["600622", "Knitted fabrics of cotton, dyed", 0.5],
    ["610910", "T-shirts, singlets and vests of cotton, knitted", 2],
    ["610510", "Men's shirts of cotton, knitted", 1],
    ["620342", "Men's trousers and shorts of cotton", 2],
    ["620462", "Women's trousers and shorts of cotton", 1],
    ["611020", "Jerseys, pullovers and cardigans of cotton", 1],
    ["630231", "Bed linen of cotton", 1],
    ["630260", "Toilet and kitchen linen of terry towelling", 0.5],
    ["630533", "Sacks and bags of polyethylene strip", 1, { unitValue: 900 }],
    ["420221", "Handbags with outer surface of leather", 0.5, { unitValue: 8_000 }],
    ["420292", "Travel bags with outer surface of plastic or textile", 1],
    ["650500", "Hats and other headgear, knitted", 0.5],
    ["611595", "Socks and hosiery of cotton", 0.5],
  ],
  usedClothing: [
    ["630900", "Worn clothing and other worn articles", 8],
    ["631010", "Used rags, scrap twine, sorted", 0.5, { unitValue: 200 }],
  ],
  footwear: [
    ["640299", "Footwear with outer soles and uppers of rubber or plastics, n.e.s.", 5],
    ["640220", "Footwear with upper straps fixed to the sole by plugs (flip-flops)", 2, { unitValue: 1_500 }],
    ["640399", "Footwear with uppers of leather, n.e.s.", 1, { unitValue: 7_000 }],
    ["640419", "Footwear with uppers of textile materials, sports", 1],
  ],
  construction: [
    ["252310", "Cement clinkers", 4, { unitValue: 35, kg: 1_500_000, taxRate: 0.1 }],
    ["252329", "Portland cement, other than white", 2, { unitValue: 70, kg: 300_000 }],
    ["690721", "Ceramic flags and tiles, water absorption ≤ 0.5 %", 3],
    ["691010", "Ceramic sinks, wash basins, lavatory pans", 1, { unitValue: 800, kg: 8_000 }],
    ["700529", "Float glass, non-wired, other", 0.5],
    ["732111", "Cooking appliances for gas fuel", 1, { unitValue: 2_000, kg: 5_000 }],
    ["730830", "Doors, windows and their frames, of iron or steel", 1, { unitValue: 900 }],
    ["730890", "Structures and parts of structures of iron or steel", 1, { unitValue: 800 }],
    ["940690", "Prefabricated buildings, other", 0.3, { unitValue: 900 }],
  ],
  metals: [
    ["721049", "Flat-rolled iron or steel, plated or coated with zinc", 2],
    ["721070", "Flat-rolled iron or steel, painted or varnished", 1],
    ["721391", "Bars and rods of iron, hot-rolled, coils, diameter < 14 mm", 1],
    ["721420", "Bars and rods of iron, with deformations (rebars)", 2],
    ["730630", "Welded tubes and pipes of iron or non-alloy steel", 1],
    ["731700", "Nails, tacks, drawing pins of iron or steel", 0.5],
    ["731814", "Self-tapping screws of iron or steel", 0.5, { unitValue: 1_200 }],
    ["760421", "Hollow profiles of aluminium alloys", 0.5, { unitValue: 2_000 }],
    ["740811", "Wire of refined copper, cross-section > 6 mm", 0.3, { unitValue: 5_500 }],
    ["830140", "Locks of base metal", 0.5, { unitValue: 2_500 }],
    ["820559", "Hand tools n.e.s.", 0.5, { unitValue: 1_800 }],
    ["732393", "Table and kitchen articles of stainless steel", 1, { unitValue: 1_800 }],
  ],
  electronics: [
    ["847130", "Portable automatic data-processing machines (laptops)", 3, { unitValue: 60_000, kg: 200 }],
    ["847150", "Processing units for data-processing machines", 0.5, { unitValue: 30_000, kg: 300 }],
    ["847160", "Input or output units (printers, keyboards)", 0.5, { unitValue: 15_000, kg: 400 }],
    ["847330", "Parts and accessories of data-processing machines", 0.5, { unitValue: 25_000, kg: 200 }],
    ["851762", "Machines for the reception and transmission of data (routers)", 1, { unitValue: 30_000, kg: 200 }],
    ["852872", "Reception apparatus for television, colour", 2],
    ["851821", "Single loudspeakers, mounted in enclosures", 0.5],
    ["851830", "Headphones and earphones", 0.5, { unitValue: 15_000, kg: 200 }],
    ["852351", "Solid-state non-volatile storage devices", 0.3, { unitValue: 80_000, kg: 50 }],
    ["850440", "Static converters (inverters, UPS, chargers)", 2, { unitValue: 5_000 }],
    ["850710", "Lead-acid accumulators for starting piston engines", 2, { unitValue: 1_500, kg: 8_000 }],
    ["850760", "Lithium-ion accumulators", 1, { unitValue: 8_000 }],
    ["854143", "Photovoltaic cells assembled in modules", 2, { unitValue: 1_800, kg: 6_000 }],
    ["853950", "Light-emitting diode (LED) lamps", 1, { unitValue: 4_000 }],
    ["854449", "Electric conductors, voltage ≤ 1,000 V", 2, { unitValue: 2_500, kg: 5_000 }],
    ["853710", "Boards and panels for electric control, ≤ 1,000 V", 0.5, { unitValue: 7_000 }],
    ["850211", "Generating sets with diesel engines, output ≤ 75 kVA", 2, { unitValue: 3_000, kg: 4_000 }],
    ["851610", "Electric instantaneous or storage water heaters", 0.5, { unitValue: 3_000 }],
    ["851650", "Microwave ovens", 0.5, { unitValue: 3_000 }],
    ["841510", "Air conditioning machines, window or wall types", 2, { unitValue: 3_500, kg: 4_000 }],
    ["841821", "Household refrigerators, compression type", 2, { unitValue: 2_500, kg: 5_000 }],
    ["845011", "Household washing machines, fully automatic", 0.5, { unitValue: 2_500 }],
    ["841451", "Table, floor, wall or ceiling fans", 1, { unitValue: 2_500 }],
    ["850940", "Food grinders, processors, mixers and juice extractors", 0.5, { unitValue: 4_000 }],
  ],
  phones: [
    ["851713", "Smartphones", 10],
    ["851714", "Other telephones for cellular networks", 3, { unitValue: 40_000 }],
  ],
  machinery: [
    ["842952", "Mechanical shovels and excavators, 360° revolving", 0.5, { unitValue: 6_000, kg: 20_000 }],
    ["842940", "Tamping machines and road rollers", 0.3, { unitValue: 5_000, kg: 12_000 }],
    ["843149", "Parts of cranes, excavators and road machinery", 1],
    ["841370", "Centrifugal pumps, other", 1],
    ["848180", "Taps, cocks, valves and similar appliances", 1, { unitValue: 4_000 }],
    ["847989", "Machines with individual functions n.e.s.", 1],
    ["842121", "Machinery for filtering or purifying water", 0.5],
    ["843880", "Machinery for industrial food or drink preparation", 0.5],
    ["842710", "Self-propelled works trucks with electric motor", 0.3],
    ["840991", "Parts of spark-ignition piston engines", 1],
    ["840999", "Parts of compression-ignition piston engines", 1],
    ["848210", "Ball bearings", 0.5, { unitValue: 3_500 }],
    ["850152", "AC motors, multi-phase, 750 W to 75 kW", 0.5],
    ["843680", "Agricultural, horticultural or forestry machinery n.e.s.", 0.3],
  ],
  vehicles: [
    ["870323", "Motor cars, spark-ignition engine 1,500–3,000 cc", 10],
    ["870322", "Motor cars, spark-ignition engine 1,000–1,500 cc", 4],
    ["870332", "Motor cars, diesel engine 1,500–2,500 cc", 3],
    ["870333", "Motor cars, diesel engine > 2,500 cc", 1, { unitValue: 5_000, kg: 2_200 }],
    ["870421", "Goods vehicles, diesel, gross vehicle weight ≤ 5 t", 3, { kg: 2_000 }],
    ["870422", "Goods vehicles, diesel, gross vehicle weight 5–20 t", 1, { kg: 7_000 }],
    ["870423", "Goods vehicles, diesel, gross vehicle weight > 20 t", 0.5, { kg: 11_000 }],
    ["870120", "Road tractors for semi-trailers", 0.5, { kg: 8_000 }],
    ["870210", "Buses with diesel engine, ≥ 10 persons", 0.5, { kg: 6_000 }],
  ],
  motorcycles: [
    ["871120", "Motorcycles, piston engine 50–250 cc", 6],
    ["871410", "Parts and accessories of motorcycles", 2, { unitValue: 1_500 }],
    ["871200", "Bicycles, not motorised", 0.5, { unitValue: 1_200 }],
  ],
  parts: [
    ["870899", "Parts and accessories of motor vehicles n.e.s.", 3],
    ["870829", "Parts and accessories of bodies", 1],
    ["870830", "Brakes and servo-brakes and parts", 1],
    ["870880", "Suspension systems and shock absorbers", 0.5],
    ["870840", "Gear boxes and parts", 0.5],
    ["870870", "Road wheels and parts", 0.5],
    ["842131", "Intake air filters for internal combustion engines", 0.5],
    ["842123", "Oil or petrol filters for internal combustion engines", 0.5],
    ["851140", "Starter motors and dual-purpose starter-generators", 0.3],
  ],
  household: [
    ["940360", "Wooden furniture, other", 1],
    ["940161", "Upholstered seats with wooden frames", 1],
    ["940171", "Upholstered seats with metal frames", 0.5],
    ["940429", "Mattresses of other materials", 1, { unitValue: 1_200 }],
    ["950300", "Toys, scale models and puzzles", 1],
    ["960390", "Brooms, brushes, mops and feather dusters", 0.3],
    ["961900", "Sanitary towels, tampons, napkins and diapers", 2, { unitValue: 1_400 }],
    ["691110", "Tableware and kitchenware of porcelain", 0.5],
    ["701349", "Glassware for table or kitchen purposes", 0.5],
    ["711719", "Imitation jewellery of base metal", 0.5, { unitValue: 6_000, kg: 300 }],
    ["910211", "Wrist-watches, electrically operated, mechanical display", 0.3, { unitValue: 25_000, kg: 100 }],
  ],
  paper: [
    ["481820", "Handkerchiefs, cleansing or facial tissues and towels", 1],
    ["481910", "Cartons, boxes and cases of corrugated paper", 1],
    ["482010", "Registers, notebooks, diaries", 1],
    ["490199", "Printed books, brochures and leaflets", 1, { unitValue: 2_000, taxRate: 0.05 }],
    ["480256", "Uncoated paper, 40–150 g/m², sheets (A4)", 2],
  ],
  exports: [
    ["180100", "Cocoa beans, whole or broken, raw or roasted", 6, { unitValue: 4_000, kg: 25_000 }],
    ["180310", "Cocoa paste, not defatted", 1, { unitValue: 4_500, kg: 20_000 }],
    ["090111", "Coffee, not roasted, not decaffeinated", 3, { unitValue: 2_000, kg: 19_000 }],
    ["440349", "Tropical wood in the rough (logs)", 4, { unitValue: 180, kg: 60_000, taxRate: 0.175 }],
    ["440729", "Tropical wood sawn lengthwise, thickness > 6 mm", 4, { unitValue: 450, kg: 40_000, taxRate: 0.1 }],
    ["440839", "Veneer sheets of tropical wood", 1, { unitValue: 900, kg: 20_000, taxRate: 0.1 }],
    ["520100", "Cotton, not carded or combed", 3, { unitValue: 1_000, kg: 22_000 }],
    ["080390", "Bananas, fresh or dried", 3, { unitValue: 300, kg: 20_000, taxRate: 0 }],
    ["400122", "Technically specified natural rubber (TSNR)", 1, { unitValue: 900, kg: 20_000 }],
    ["760110", "Unwrought aluminium, not alloyed", 1, { unitValue: 1_500, kg: 25_000, taxRate: 0 }],
    ["151110", "Crude palm oil", 0.5, { unitValue: 550, kg: 25_000 }],
    ["090411", "Pepper, neither crushed nor ground", 0.3, { unitValue: 6_000, kg: 2_000 }],
  ],
};

export type Goods = {
  /** Position in GOODS. */
  index: number;
  hs6: string;
  /** National tariff lines under this hs6 (8 or 10 digits). */
  hsCodes: readonly string[];
  description: string;
  group: GoodsGroup;
  flow: "I" | "E";
  weight: number;
  unitValue: number;
  kg: number;
  taxRate: number;
  origins: Profile;
  supp?: { unit: string; kgPerUnit: number };
};

/** National subheadings: most hs6 carry one 8-digit line, some a 10-digit split (deterministic from the code). */
function nationalLines(hs6: string): string[] {
  const digitSum = [...hs6].reduce((sum, ch) => sum + Number(ch), 0);
  if (digitSum % 3 === 0) return [`${hs6}1000`, `${hs6}9000`];
  if (digitSum % 3 === 1) return [`${hs6}00`];
  return [`${hs6}10`, `${hs6}90`];
}

export const GOODS: readonly Goods[] = (Object.keys(CATALOGUE) as GoodsGroup[])
  .flatMap((group) => CATALOGUE[group].map((entry) => ({ group, entry })))
  .map(({ group, entry: [hs6, description, weight, overrides] }, index) => {
    const spec: GroupSpec = GROUPS[group];
    return {
      index,
      hs6,
      hsCodes: nationalLines(hs6),
      description,
      group,
      flow: spec.flow,
      weight,
      unitValue: overrides?.unitValue ?? spec.unitValue,
      kg: overrides?.kg ?? spec.kg,
      taxRate: overrides?.taxRate ?? spec.taxRate,
      origins: PROFILES[spec.profile],
      ...(spec.supp ? { supp: spec.supp } : {}),
    };
  });

export function goodsByHs6(hs6: string): Goods {
  const goods = GOODS.find((g) => g.hs6 === hs6);
  if (!goods) throw new Error(`unknown hs6 ${hs6}`);
  return goods;
}
