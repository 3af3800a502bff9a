import type { PdfJs } from "@bydel/import";

// pdf.js for the task pane, loaded only when a PDF is chosen: the browser build is its own chunk
// (dist/pdfjs.js) and reads the PDF in a worker, dist/pdf.worker.min.js (copied there by
// webpack.config.js). The page's first load carries neither.

/** The worker's file name in dist/, beside the page (webpack.config.js copies it there). */
export const PDF_WORKER_FILE = "pdf.worker.min.js";

let loading: Promise<PdfJs> | null = null;

/** pdf.js, loaded once; a failed load (offline) is tried again on the next PDF. */
export function loadPdfjs(): Promise<PdfJs> {
  loading ??= import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/build/pdf.min.mjs").then(
    (pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = new URL(PDF_WORKER_FILE, document.baseURI).href;
      return pdfjs as unknown as PdfJs;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}
