import { setNonce } from "get-nonce";
import { config } from "zod/v4/core";

/*
 * Runs in the browser before the app hydrates; both settings keep the pages inside their CSP
 * (proxy.ts), which allows neither eval nor unstamped inline styles.
 */

// Zod probes `new Function("")` before compiling a fast parser; the policy refuses and reports it.
config({ jitless: true });

// Radix's dialogs lock page scroll with a <style> element (react-remove-scroll), stamped with the
// nonce from get-nonce. A script's nonce reads back only as a property, never as an attribute.
const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
if (nonce) setNonce(nonce);
