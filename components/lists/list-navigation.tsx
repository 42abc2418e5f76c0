"use client";

import { createContext, useCallback, useContext, useMemo, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { listHref, type ListState } from "@/components/lists/list-params";

type NavigateOptions = { replace?: boolean; scroll?: boolean };

export type ListNavigation = {
  /** The list's current URL state, as the server read it. */
  state: ListState;
  /** True while the server renders the list for a new URL. */
  pending: boolean;
  /** The URL with `patch` applied; any change but a page change goes back to page 1. */
  hrefFor: (patch: ListState) => string;
  navigate: (patch: ListState, options?: NavigateOptions) => void;
};

const ListNavigationContext = createContext<ListNavigation | null>(null);

type Props = { basePath: string; state: ListState; defaults?: ListState; children: ReactNode };

/**
 * The URL is the list's one source of truth: controls change it with router.push (or replace while
 * typing), the server reads it and renders the rows, and `pending` covers the wait in between.
 */
export function ListNavigationProvider({ basePath, state, defaults, children }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const hrefFor = useCallback(
    (patch: ListState) => {
      const next: ListState = { ...state, ...patch };
      if (!("page" in patch)) delete next.page;
      return listHref(basePath, next, defaults);
    },
    [basePath, state, defaults],
  );

  const navigate = useCallback(
    (patch: ListState, options: NavigateOptions = {}) => {
      const href = hrefFor(patch);
      const scroll = options.scroll ?? false;
      startTransition(() => (options.replace ? router.replace(href, { scroll }) : router.push(href, { scroll })));
    },
    [hrefFor, router],
  );

  const value = useMemo(() => ({ state, pending, hrefFor, navigate }), [state, pending, hrefFor, navigate]);
  return <ListNavigationContext.Provider value={value}>{children}</ListNavigationContext.Provider>;
}

/** The enclosing list's URL state and navigation (see ListNavigationProvider). */
export function useListNavigation(): ListNavigation {
  const navigation = useContext(ListNavigationContext);
  if (!navigation) throw new Error("useListNavigation needs a ListNavigationProvider around it.");
  return navigation;
}
