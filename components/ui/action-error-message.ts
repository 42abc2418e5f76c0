import { unstable_rethrow } from "next/navigation";

export type ActionResultLike = {
  serverError?: string;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
};

/** A form's messages after a failed submit: one per field, and `form` for the form as a whole. */
export type FormErrors<Field extends string> = Partial<Record<Field, string>> & { form?: string };

const noResponse = "No response from the server. Check your connection and try again.";

/**
 * The message to show for a failed next-safe-action call: the server's own text (an AppError
 * message), else the first validation message, or undefined when the call succeeded.
 */
export function actionErrorMessage(result: ActionResultLike | undefined): string | undefined {
  if (!result) return noResponse;
  if (result.serverError) return result.serverError;
  const validation = result.validationErrors;
  if (!validation) return undefined;
  const fieldMessage = Object.values(validation.fieldErrors ?? {}).flat()[0];
  return validation.formErrors?.[0] ?? fieldMessage ?? "The server refused that value.";
}

/**
 * Runs a next-safe-action call and answers its failure message, or undefined when it succeeded. A
 * call that throws (the network) is logged and reads as "No response". An action that redirects
 * (this browser was signed out, or signed itself out) rejects with Next's redirect, which is
 * rethrown: the router is already on its way to /login, and nothing went wrong to report.
 */
export async function runForErrorMessage(action: () => Promise<ActionResultLike | undefined>): Promise<string | undefined> {
  const result = await action().catch((failure: unknown) => {
    unstable_rethrow(failure);
    console.error(failure);
    return undefined;
  });
  return actionErrorMessage(result);
}

/**
 * A failed form submit as the form shows it: each field's first message, to go beside that
 * field, and `form` for the rest (the server's own text or a form-level validation message; the
 * "No response" message when the call never answered).
 */
export function formErrorsOf<Field extends string>(result: ActionResultLike | undefined): FormErrors<Field> {
  const errors: Record<string, string | undefined> = {};
  for (const [field, messages] of Object.entries(result?.validationErrors?.fieldErrors ?? {})) errors[field] = messages?.[0];
  errors.form = result ? (result.serverError ?? result.validationErrors?.formErrors?.[0]) : noResponse;
  return errors as FormErrors<Field>;
}
