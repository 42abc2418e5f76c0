import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ListIcon, ListIconSprite, type ListIconName } from "@/components/ui/list-icons";

const names: ListIconName[] = ["building", "chevronRight", "clock", "target", "ticket", "user"];

describe("list icons", () => {
  it("points every icon at a symbol the sprite draws, with the icon's own paths", () => {
    const sprite = renderToStaticMarkup(createElement(ListIconSprite));
    for (const name of names) {
      const icon = renderToStaticMarkup(createElement(ListIcon, { name, className: "size-3.5" }));
      const target = /<use href="#([^"]+)"/.exec(icon)?.[1];
      expect(target).toBeTruthy();
      const symbol = new RegExp(`<symbol id="${target}" viewBox="0 0 24 24"><svg[^>]*>(.*?)</svg></symbol>`).exec(sprite);
      expect(symbol?.[1]).toMatch(/<(path|circle|rect)\b/);
    }
  });

  it("stays out of the accessibility tree and takes its size and colour from the class", () => {
    expect(renderToStaticMarkup(createElement(ListIcon, { name: "ticket", className: "size-3.5 text-slate-400" }))).toBe(
      '<svg aria-hidden="true" class="size-3.5 text-slate-400"><use href="#list-icon-ticket"></use></svg>',
    );
    expect(renderToStaticMarkup(createElement(ListIconSprite))).toMatch(/^<svg aria-hidden="true" width="0" height="0" class="absolute">/);
  });
});
