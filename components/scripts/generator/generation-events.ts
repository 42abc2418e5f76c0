"use client";

/** The generator tells any history on the page that a run was recorded, so it reloads without a page refresh. */
const EVENT = "flowpilot:script-generated";

export type GenerationAnnouncement = { templateId: string; sessionId: string | null };

export function announceGeneration(detail: GenerationAnnouncement) {
  window.dispatchEvent(new CustomEvent<GenerationAnnouncement>(EVENT, { detail }));
}

/** Calls `listener` for each announced run; returns the unsubscribe. */
export function onGenerationAnnounced(listener: (detail: GenerationAnnouncement) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<GenerationAnnouncement>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
