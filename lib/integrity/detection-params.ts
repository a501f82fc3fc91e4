// Parameters of the detection methods (docs/indicators.md "Flags"), with the spec's defaults. The integrity unit may
// tune
// them; every flag keeps the parameters that raised it.
import { z } from "zod";

const RATE_KPIS = ["I1", "I2", "I4", "I7", "I8", "I9", "I12", "P11"] as const;
const VALUE_KPIS = ["P4", "P8", "I5"] as const;

export const DetectionParams = z.object({
  rateOutlier: z
    .object({
      kpis: z.array(z.enum(RATE_KPIS)).default([...RATE_KPIS]),
      minN: z.number().int().positive().default(30),
      z: z.number().positive().default(3),
    })
    .default({ kpis: [...RATE_KPIS], minN: 30, z: 3 }),
  valueOutlier: z
    .object({
      kpis: z.array(z.enum(VALUE_KPIS)).default([...VALUE_KPIS]),
      minDeclarations: z.number().int().positive().default(30),
      m: z.number().positive().default(3.5),
    })
    .default({ kpis: [...VALUE_KPIS], minDeclarations: 30, m: 3.5 }),
  brokerOfficerPair: z
    .object({
      minPair: z.number().int().positive().default(10),
      ratio: z.number().positive().default(3),
      pValue: z.number().positive().max(1).default(0.001),
    })
    .default({ minPair: 10, ratio: 3, pValue: 0.001 }),
  benford: z
    .object({
      minValues: z.number().int().positive().default(300),
      minOrdersOfMagnitude: z.number().positive().default(2),
      mad: z.number().positive().default(0.015),
    })
    .default({ minValues: 300, minOrdersOfMagnitude: 2, mad: 0.015 }),
  unitValue: z
    .object({
      minGroup: z.number().int().positive().default(20),
      m: z.number().positive().default(3.5),
    })
    .default({ minGroup: 20, m: 3.5 }),
});

export type DetectionParams = z.infer<typeof DetectionParams>;

export const DEFAULT_DETECTION_PARAMS: DetectionParams = DetectionParams.parse({});

// Which group of parameters each method reads (and stores with its flags as `rule.params`).
export const METHOD_PARAMS_KEY = {
  RATE_OUTLIER: "rateOutlier",
  VALUE_OUTLIER: "valueOutlier",
  BROKER_OFFICER_PAIR: "brokerOfficerPair",
  BENFORD: "benford",
  UNIT_VALUE: "unitValue",
} as const satisfies Record<string, keyof DetectionParams>;
