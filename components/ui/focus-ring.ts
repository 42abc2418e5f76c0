/** The one focus indicator used everywhere: an outline, so it survives forced-colours mode. */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
