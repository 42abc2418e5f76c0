import type { SelectOption } from "@/components/ui/native-select";
import type { QueueSort } from "@/lib/handoffs/queue";
import type { SessionSort } from "@/lib/sessions/schemas";

type Options<V extends string> = (SelectOption & { value: V })[];

export const sessionStatusOptions: Options<string> = [
  { value: "", label: "All statuses" },
  { value: "active", label: "Active" },
  { value: "parked", label: "Parked" },
  { value: "escalated", label: "Escalated" },
  { value: "requesting_escalation", label: "Escalation requested" },
  { value: "resolved", label: "Resolved" },
];

export const sessionSortOptions: Options<SessionSort> = [
  { value: "updated", label: "Recently updated" },
  { value: "oldest", label: "Oldest first" },
  { value: "title", label: "Title (A–Z)" },
];

export const queueStatusOptions: Options<string> = [
  { value: "", label: "All waiting" },
  { value: "escalated", label: "Escalated" },
  { value: "requesting_escalation", label: "Escalation requested" },
];

export const queueSortOptions: Options<QueueSort> = [
  { value: "newest", label: "Newest first" },
  { value: "waiting", label: "Waiting longest" },
];

/** The label of `value` among `options`, for sentences like "with status Parked". */
export function optionLabel(options: SelectOption[], value: string | undefined): string | undefined {
  return value ? options.find((option) => option.value === value)?.label : undefined;
}
