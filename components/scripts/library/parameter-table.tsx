import { Check, Minus } from "lucide-react";
import type { TemplateParameter } from "@/lib/scripts/parameter-schema";

const yes = (value: boolean, label: string) =>
  value ? (
    <>
      <Check aria-hidden className="size-4 text-emerald-600" />
      <span className="sr-only">{label}: yes</span>
    </>
  ) : (
    <>
      <Minus aria-hidden className="size-4 text-slate-300" />
      <span className="sr-only">{label}: no</span>
    </>
  );

function defaultText(parameter: TemplateParameter): string {
  if (parameter.sensitive || parameter.default === null) return "—";
  return String(parameter.default);
}

/** A template's parameter schema (H1): every field a run is asked for, and its rules. */
export function ParameterTable({ parameters }: { parameters: TemplateParameter[] }) {
  if (parameters.length === 0) return <p className="px-4 py-3 text-sm text-slate-600 sm:px-5">No parameters: the script runs exactly as written.</p>;
  return (
    // Focusable, so the table can be scrolled sideways from the keyboard on a narrow screen.
    <div tabIndex={0} role="region" aria-label="Parameters" className="relative overflow-x-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
          <tr>
            {["Name", "Label", "Type", "Required", "Default", "Sensitive", "Description", "Options"].map((heading) => (
              <th key={heading} scope="col" className="px-3 py-2 first:pl-4 sm:first:pl-5">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {parameters.map((parameter) => (
            <tr key={parameter.name} className="align-top">
              <th scope="row" className="px-3 py-2 pl-4 font-mono text-xs font-medium text-slate-900 sm:pl-5">
                {parameter.name}
              </th>
              <td className="px-3 py-2 text-slate-800">{parameter.label}</td>
              <td className="px-3 py-2 text-slate-700">{parameter.type}</td>
              <td className="px-3 py-2">{yes(parameter.required, "Required")}</td>
              <td className="px-3 py-2 font-mono text-xs text-slate-700">{defaultText(parameter)}</td>
              <td className="px-3 py-2">{yes(parameter.sensitive, "Sensitive")}</td>
              <td className="px-3 py-2 text-slate-600">{parameter.description ?? "—"}</td>
              <td className="px-3 py-2 text-slate-600">{parameter.options?.length ? parameter.options.join(", ") : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
