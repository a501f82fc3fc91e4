"use client";
// Submits an admin form to its server action. Unlike <form action>, which React empties after every submission,
// the fields keep what was typed when the server refuses it, and are emptied only after a success when asked.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { IDLE, type FormResult } from "@/lib/users/form-result";

export type FormAction = (previous: FormResult, formData: FormData) => Promise<FormResult>;

export function useAdminForm(action: FormAction, { resetOnSuccess }: { resetOnSuccess: boolean }) {
  const [result, dispatch, pending] = useActionState(action, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped after each reset: used as a key, it also empties stateful children such as the officer picker.
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (result.status === "success" && resetOnSuccess) {
      formRef.current?.reset();
      setRound((value) => value + 1);
    }
  }, [result, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  return { result, pending, round, formProps: { ref: formRef, onSubmit, noValidate: true } };
}
