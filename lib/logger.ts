import pino from "pino";
import { env } from "@/lib/env";

export const logger = pino({ level: env.NODE_ENV === "test" && env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL });
