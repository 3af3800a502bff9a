// pdfjs-dist publishes no declarations for its browser build's module path. The task pane needs
// the worker's address; the rest is used through @bydel/import's PdfJs interface.
declare module "pdfjs-dist/build/pdf.min.mjs" {
  export const GlobalWorkerOptions: { workerSrc: string };
  export function getDocument(params: Record<string, unknown>): unknown;
}
