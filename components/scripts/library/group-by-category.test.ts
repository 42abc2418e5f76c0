import { describe, expect, it } from "vitest";
import type { TemplateView } from "@/lib/scripts/templates/template-view";
import { groupByCategory } from "@/components/scripts/library/group-by-category";

const template = (name: string, category: { id: string; name: string } | null): TemplateView => ({
  id: name,
  name,
  description: null,
  language: "powershell",
  body: "Get-Date",
  parameters: [],
  category,
  version: 1,
  provenance: null,
  archived_at: null,
  created_at: new Date(0),
  updated_at: new Date(0),
});

describe("groupByCategory", () => {
  it("groups by category, categories by name, the uncategorized last, keeping the list's order inside a group", () => {
    const printing = { id: "p", name: "Printing" };
    const identity = { id: "i", name: "Identity & access" };
    const groups = groupByCategory([template("b", printing), template("c", null), template("a", identity), template("d", printing)]);
    expect(groups.map((group) => [group.name, group.templates.map((entry) => entry.name)])).toEqual([
      ["Identity & access", ["a"]],
      ["Printing", ["b", "d"]],
      ["Uncategorized", ["c"]],
    ]);
  });

  it("gives nothing for an empty library", () => {
    expect(groupByCategory([])).toEqual([]);
  });
});
