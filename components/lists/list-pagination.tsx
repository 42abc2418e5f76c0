"use client";

import { PageControls } from "@/components/lists/page-controls";
import { useListNavigation } from "@/components/lists/list-navigation";

type Props = { page: number; pageSize: number; total: number; label: string };

/** Paging of a URL-state list: Previous and Next push `?page=` and scroll back to the top. */
export function ListPagination(props: Props) {
  const { hrefFor, navigate, pending } = useListNavigation();
  return (
    <PageControls
      {...props}
      pending={pending}
      hrefFor={(page) => hrefFor({ page: String(page) })}
      onPageChange={(page) => navigate({ page: String(page) }, { scroll: true })}
    />
  );
}
