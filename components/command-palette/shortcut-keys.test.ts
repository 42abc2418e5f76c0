import { describe, expect, it } from "vitest";
import { isApplePlatform, isBareKey, isCharacter, isPaletteToggle, isTypingTarget, type KeyPress } from "@/components/command-palette/shortcut-keys";

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: `Key${key.toUpperCase()}`,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe("isPaletteToggle", () => {
  it("is Cmd+K on Apple platforms and Ctrl+K elsewhere", () => {
    expect(isPaletteToggle(press("k", { metaKey: true }), true)).toBe(true);
    expect(isPaletteToggle(press("k", { ctrlKey: true }), true)).toBe(false);
    expect(isPaletteToggle(press("k", { ctrlKey: true }), false)).toBe(true);
    expect(isPaletteToggle(press("K", { ctrlKey: true }), false)).toBe(true);
    expect(isPaletteToggle(press("k", { metaKey: true }), false)).toBe(false);
  });

  it("refuses other modifiers, plain k and other letters", () => {
    expect(isPaletteToggle(press("k", { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isPaletteToggle(press("k", { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isPaletteToggle(press("k"), false)).toBe(false);
    for (const reserved of ["r", "t", "w", "l", "n"]) expect(isPaletteToggle(press(reserved, { ctrlKey: true }), false)).toBe(false);
  });

  it("finds the K key on a non-Latin layout by its position", () => {
    expect(isPaletteToggle({ ...press("л", { ctrlKey: true }), code: "KeyK" }, false)).toBe(true);
    // On a Latin layout the letter decides: Dvorak's "t" sits where QWERTY has K.
    expect(isPaletteToggle({ ...press("t", { ctrlKey: true }), code: "KeyK" }, false)).toBe(false);
  });
});

describe("isCharacter and isBareKey", () => {
  it("take ? typed with Shift, but not with Ctrl, Cmd or Alt", () => {
    expect(isCharacter(press("?", { shiftKey: true }), "?")).toBe(true);
    expect(isCharacter(press("?", { ctrlKey: true, shiftKey: true }), "?")).toBe(false);
    expect(isCharacter(press("/", { metaKey: true }), "/")).toBe(false);
    expect(isCharacter(press("/", { altKey: true }), "/")).toBe(false);
  });

  it("treat Shift+G as something other than g", () => {
    expect(isBareKey(press("g"), "g")).toBe(true);
    expect(isBareKey(press("G", { shiftKey: true }), "g")).toBe(false);
    expect(isBareKey(press("g", { shiftKey: true }), "g")).toBe(false);
  });
});

describe("isTypingTarget", () => {
  it("is true in text fields, text areas, selects and editable content", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "search" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
  });

  it("is false on buttons, checkboxes and the page", () => {
    expect(isTypingTarget({ tagName: "BUTTON", type: "button" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "BODY" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("isApplePlatform", () => {
  it("reads the platform, preferring client hints", () => {
    expect(isApplePlatform({ platform: "MacIntel" })).toBe(true);
    expect(isApplePlatform({ platform: "", userAgent: "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)" })).toBe(true);
    expect(isApplePlatform({ platform: "Win32" })).toBe(false);
    expect(isApplePlatform({ platform: "MacIntel", userAgentData: { platform: "Windows" } })).toBe(false);
    expect(isApplePlatform({ platform: "Linux x86_64", userAgentData: { platform: "macOS" } })).toBe(true);
  });
});
