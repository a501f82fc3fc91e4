"use client";
// Runs a server action from a form. Unlike <form action>, which React empties after every submission, the fields
// keep what was typed when the server refuses it; after a success the form is emptied (unless told otherwise) and
// the action's redirect is followed, or the page refreshed so that the new state shows everywhere.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { IDLE, type FormResult } from "@/lib/kernel/form-result";

export type FormAction = (previous: FormResult, formData: FormData) => Promise<FormResult>;

type Options = { resetOnSuccess?: boolean; refreshOnSuccess?: boolean };

export function useFormAction(action: FormAction, { resetOnSuccess = true, refreshOnSuccess = true }: Options = {}) {
  const [result, dispatch, pending] = useActionState(action, IDLE);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped after each reset: used as a key, it also empties stateful children such as the officer picker. Counted
  // while rendering a new result (React's way to adjust state to a change), not in an effect.
  const [round, setRound] = useState(0);
  const [counted, setCounted] = useState(result);
  if (counted !== result) {
    setCounted(result);
    if (result.status === "success" && resetOnSuccess) setRound(round + 1);
  }

  useEffect(() => {
    if (result.status !== "success") return;
    // Emptied after a success, so what stays on screen is never mistaken for something still to send.
    if (resetOnSuccess) formRef.current?.reset();
    if (result.redirectTo) router.push(result.redirectTo);
    else if (refreshOnSuccess) router.refresh();
  }, [result, router, resetOnSuccess, refreshOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  return { result, pending, round, formProps: { ref: formRef, onSubmit, noValidate: true } };
}
