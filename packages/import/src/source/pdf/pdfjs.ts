/**
 * The part of pdf.js the import uses. The module is injected (the Node legacy build in the command,
 * the browser build with its worker in the task pane), so the import itself stays free of either.
 */
export interface PdfTextItem {
  readonly str: string;
  /** [a, b, c, d, e, f]: font size from (a, b), origin (baseline start) at (e, f). */
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

export interface PdfPage {
  readonly view: readonly number[];
  getTextContent(params?: { includeMarkedContent?: boolean }): Promise<{ items: readonly (PdfTextItem | { type: string })[] }>;
  cleanup(): void;
}

export interface PdfDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

export interface PdfLoadingTask {
  readonly promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}

export interface PdfJs {
  getDocument(params: Record<string, unknown>): PdfLoadingTask;
}
