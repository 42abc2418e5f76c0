"use client";

import { NativeSelect, type SelectOption } from "@/components/ui/native-select";
import { useListNavigation } from "@/components/lists/list-navigation";

type Props = {
  id: string;
  label: string;
  /** The query-string key it sets (`status`, `sort`). */
  param: string;
  options: SelectOption[];
  /** The option a missing key means. */
  defaultValue: string;
};

/** A status filter or a sort order: choosing an option applies it at once, back to page 1. */
export function ListSelect({ id, label, param, options, defaultValue }: Props) {
  const { state, navigate } = useListNavigation();
  return (
    <div className="sm:w-52">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <NativeSelect
        id={id}
        options={options}
        value={state[param] ?? defaultValue}
        onChange={(event) => navigate({ [param]: event.target.value })}
        wrapperClassName="mt-1"
      />
    </div>
  );
}
