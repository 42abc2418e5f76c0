import type { ComponentProps } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { textControl } from "@/components/ui/text-input";

export type SelectOption = { value: string; label: string; disabled?: boolean };

type Props = Omit<ComponentProps<"select">, "children"> & { options: SelectOption[]; wrapperClassName?: string };

/** A native select in the look of the text boxes: the platform's own keyboard and screen-reader behaviour. */
export function NativeSelect({ options, className, wrapperClassName, ...props }: Props) {
  return (
    <div className={cn("relative", wrapperClassName)}>
      <select className={cn(textControl, "h-9 appearance-none truncate pr-8", className)} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <ChevronDown aria-hidden className="pointer-events-none absolute top-2.5 right-2.5 size-4 text-slate-400" />
    </div>
  );
}
