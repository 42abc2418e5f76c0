type ActionResultLike = {
  serverError?: string;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
};

/**
 * The message to show for a failed next-safe-action call: the server's own text (an AppError
 * message), else the first validation message, or undefined when the call succeeded.
 */
export function actionErrorMessage(result: ActionResultLike | undefined): string | undefined {
  if (!result) return "No response from the server. Check your connection and try again.";
  if (result.serverError) return result.serverError;
  const validation = result.validationErrors;
  if (!validation) return undefined;
  const fieldMessage = Object.values(validation.fieldErrors ?? {}).flat()[0];
  return validation.formErrors?.[0] ?? fieldMessage ?? "The server refused that value.";
}
