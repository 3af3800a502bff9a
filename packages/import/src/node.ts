import type { PdfJs } from "./source/pdf/pdfjs.js";

/**
 * pdf.js for Node: its legacy build, in-process (no worker thread). pdfjs-dist's optional canvas
 * binary is left out, as text needs no rendering; pdf.js still builds one DOMMatrix when it loads,
 * so a minimal one stands in where the platform has none.
 *
 * The legacy build bundles core-js, which on Node 20 (V8 11) replaces some built-ins the platform
 * already has, for edge cases no caller here meets: `Array.prototype.push` (the error for a
 * non-writable length), `JSON.stringify`/`JSON.parse` (JSON.rawJSON and parse-with-source) and
 * `Function.prototype.toString`. The replacements are plain JavaScript, several times slower, and
 * global: every `push` in pdf.js's parser and in the import went through one (about a fifth of the
 * CPU time of reading a PDF), and every JSON.stringify re-scanned its output. So pdf.js and its worker module (the in-process "fake worker", which pdf.js would
 * otherwise import on first use and so patch again) are loaded together, and every built-in the
 * platform had before is put back afterwards; built-ins the platform lacks (Promise.withResolvers,
 * Map.prototype.getOrInsert, …) stay added, as pdf.js needs them.
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
  loaded = silenced(() =>
    keepingBuiltins(async () => {
      const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
      // sets globalThis.pdfjsWorker, which pdf.js then runs in-process instead of importing it later
      // (a module without type declarations: named by a variable, so TypeScript does not look for them)
      const worker: string = "pdfjs-dist/legacy/build/pdf.worker.mjs";
      await import(worker);
      return pdfjs;
    }),
  ).then((m) => m as unknown as PdfJs);
  return loaded;
}

/** The built-in objects whose methods a polyfill may replace: the constructors, their prototypes, JSON, Math, Reflect. */
function builtins(): object[] {
  const out = new Set<object>([JSON, Math, Reflect, Atomics]);
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    const v: unknown = d?.value;
    if (typeof v === "function" && /^[A-Z]/u.test(name)) {
      out.add(v);
      const proto: unknown = (v as { prototype?: unknown }).prototype;
      // (Function.prototype is itself a function)
      if ((typeof proto === "object" || typeof proto === "function") && proto !== null) out.add(proto);
    }
  }
  // %TypedArray% and its prototype, which Uint8Array and the others inherit from
  const typedArray = Object.getPrototypeOf(Uint8Array) as object;
  out.add(typedArray);
  out.add((typedArray as { prototype: object }).prototype);
  return [...out];
}

/** Runs `load`, then puts back every built-in function it replaced (those it added are kept). */
async function keepingBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const saved: [object, PropertyKey, PropertyDescriptor][] = [];
  for (const o of builtins()) {
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d && typeof d.value === "function") saved.push([o, key, d]);
    }
  }
  try {
    return await load();
  } finally {
    for (const [o, key, d] of saved) {
      const now = Object.getOwnPropertyDescriptor(o, key);
      if (now?.value !== d.value && now?.configurable !== false) Object.defineProperty(o, key, d);
    }
  }
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
