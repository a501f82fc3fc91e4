import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateUserInput, SetUserActiveInput } from "@/lib/users/schema";
import { formErrorFrom } from "@/lib/kernel/form-result";
import { AppError } from "@/lib/kernel/app-error";

const form = {
  email: "  Agent.Mbarga@Douane.CM ",
  name: " Jean-Paul Mbarga ",
  role: "OFFICER",
  password: "0123456789",
  officeCode: "",
  officerId: "OF001",
};

describe("CreateUserInput", () => {
  it("normalises the email, trims the name and reads an empty office as 'all offices'", () => {
    expect(CreateUserInput.parse(form)).toEqual({
      email: "agent.mbarga@douane.cm",
      name: "Jean-Paul Mbarga",
      role: "OFFICER",
      password: "0123456789",
      officeCode: null,
      officerId: "OF001",
    });
  });

  it("refuses a 9-character password and an unknown role with message keys the form translates", () => {
    const result = CreateUserInput.safeParse({ ...form, password: "012345678", role: "ROOT" });
    expect(result.success).toBe(false);
    expect(formErrorFrom(result.error)).toEqual({
      status: "error",
      message: "invalidInput",
      values: {},
      fieldErrors: { password: { key: "passwordTooShort", values: {} }, role: { key: "invalidRole", values: {} } },
    });
  });
});

describe("SetUserActiveInput", () => {
  it("reads the form's 'true' / 'false' strings as booleans", () => {
    expect(SetUserActiveInput.parse({ userId: "u1", active: "false" }).active).toBe(false);
    expect(SetUserActiveInput.parse({ userId: "u1", active: "true" }).active).toBe(true);
  });
});

describe("formErrorFrom", () => {
  it("turns an expected refusal into its message key", () => {
    expect(formErrorFrom(new AppError("CONFLICT", "emailTaken"))).toEqual({
      status: "error",
      message: "emailTaken",
      values: {},
      fieldErrors: {},
    });
  });

  it("lets the session's absence and bugs propagate", () => {
    expect(() => formErrorFrom(new AppError("UNAUTHENTICATED", "nope"))).toThrow("nope");
    expect(() => formErrorFrom(new TypeError("bug"))).toThrow("bug");
    expect(() => formErrorFrom(new z.ZodError([]))).not.toThrow();
  });
});
