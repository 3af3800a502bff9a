import type { PdfJs } from "./source/pdf/pdfjs.js";

/**
 * pdf.js for Node: its legacy build, in-process (no worker thread). pdfjs-dist's optional canvas
 * binary is left out, as text needs no rendering; pdf.js still builds one DOMMatrix when it loads,
 * so a minimal one stands in where the platform has none.
 */
let loaded: Promise<PdfJs> | null = null;

export function loadNodePdfjs(): Promise<PdfJs> {
  if (loaded) return loaded;
  const g = globalThis as Record<string, unknown>;
  if (typeof g.DOMMatrix === "undefined") {
    g.DOMMatrix = class DOMMatrix {
      a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
      constructor(init?: readonly number[]) {
        if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
      }
    };
  }
  loaded = silenced(() => import("pdfjs-dist/legacy/build/pdf.mjs")).then((m) => m as unknown as PdfJs);
  return loaded;
}

/** pdf.js warns on stderr that it found no canvas when it loads: expected here, and no concern of the controller's. */
async function silenced<T>(load: () => Promise<T>): Promise<T> {
  const original = console.warn;
  const log = console.log;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("canvas") && !String(args[0]).includes("polyfill")) original(...args);
  };
  console.log = (...args: unknown[]) => {
    if (!String(args[0]).includes("canvas") && !String(args[0]).includes("polyfill")) log(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = original;
    console.log = log;
  }
}
