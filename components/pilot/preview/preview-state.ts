import type { DocumentPreview } from "@/lib/documents/preview";

/** The preview dialog's state: the server's draft, and the engineer's edit of it (null = unedited). */
export type PreviewState = {
  loading: boolean;
  error: string | null;
  preview: DocumentPreview | null;
  draft: string | null;
  editing: boolean;
};

export type PreviewEvent =
  | { type: "load" }
  | { type: "loaded"; preview: DocumentPreview; keepDraft?: boolean }
  | { type: "failed"; error: string }
  | { type: "edit" }
  | { type: "view" }
  | { type: "change"; text: string }
  | { type: "discard" };

/** Opening state; `draft` is an edit kept from earlier in the same dialog (e.g. before "Escalate instead"). */
export function initialPreviewState(draft: string | null): PreviewState {
  return { loading: true, error: null, preview: null, draft, editing: false };
}

export function previewReducer(state: PreviewState, event: PreviewEvent): PreviewState {
  switch (event.type) {
    case "load":
      return { ...state, loading: true, error: null };
    case "loaded":
      return { loading: false, error: null, preview: event.preview, draft: event.keepDraft ? state.draft : null, editing: false };
    case "failed":
      return { ...state, loading: false, error: event.error };
    case "edit":
      return { ...state, editing: true, draft: state.draft ?? state.preview?.markdown ?? "" };
    case "view":
      return { ...state, editing: false };
    case "change":
      return { ...state, draft: event.text };
    case "discard":
      return { ...state, editing: false, draft: null };
  }
}

/** The text that would be posted, and whether the engineer changed it. */
export function previewText(state: PreviewState): { markdown: string; edited: boolean } {
  const original = state.preview?.markdown ?? "";
  const markdown = state.draft ?? original;
  return { markdown, edited: state.draft !== null && state.draft !== original };
}
