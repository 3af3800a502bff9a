import JSZip from "jszip";
import { parseCellAddress, parseRangeAddress, sheetReference, type ChartLayout, type SheetLayout, type WorkbookLayout } from "@bydel/layout";

/**
 * The layout's charts as DrawingML parts added to the xlsx that exceljs wrote (exceljs has no chart
 * API): per sheet with charts a drawing (xl/drawings/drawingN.xml) that anchors each chart
 * (xl/charts/chartN.xml), the relationships between sheet, drawing and chart, and their content
 * types. A chart's series refer to the sheet's cells (live, as in Excel) and carry the layout's
 * values as their cache, so a preview draws them before any recalculation.
 */

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
  drawingRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chartRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const EMU_PER_POINT = 12700;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The cells of a one-column or one-row range, in order. */
function cellsOf(sheet: SheetLayout, range: string) {
  const { top, left, bottom, right } = parseRangeAddress(range);
  const out = [];
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.push(sheet.rows[r]?.[c] ?? null);
  return out;
}

/** What a cell shows before recalculation: its value, or a formula's expected value. */
function shown(cell: SheetLayout["rows"][number][number]): string | number | null {
  if (!cell) return null;
  if (cell.kind === "text" || cell.kind === "number") return cell.value;
  if (cell.kind === "formula") return typeof cell.expected === "number" || typeof cell.expected === "string" ? cell.expected : null;
  return null;
}

const absolute = (range: string) =>
  range
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");

/** Axis labels, horizontal, in points × 100. */
const TEXT = (size: number) => `<c:txPr><a:bodyPr rot="0" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="nb-NO"/></a:p></c:txPr>`;

function chartXml(sheet: SheetLayout, chart: ChartLayout): string {
  const ref = (range: string) => esc(sheetReference(sheet.name, absolute(range)));
  const categories = cellsOf(sheet, chart.categories).map(shown);
  const strCache = `<c:strCache><c:ptCount val="${categories.length}"/>${categories
    .map((v, i) => (v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`))
    .join("")}</c:strCache>`;
  const series = chart.series
    .map((s, i) => {
      const values = cellsOf(sheet, s.values);
      const format = values.find((v) => v?.format)?.format ?? "General";
      const nums = values.map(shown);
      const numCache = `<c:numCache><c:formatCode>${esc(format)}</c:formatCode><c:ptCount val="${nums.length}"/>${nums
        .map((v, k) => (typeof v === "number" ? `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>` : ""))
        .join("")}</c:numCache>`;
      const fill = (hex: string) => `<c:spPr><a:solidFill><a:srgbClr val="${hex}"/></a:solidFill></c:spPr>`;
      // A point below zero in the negative colour: by the values as the layout computes them.
      const negative = s.negativeColor
        ? nums.map((v, k) => (typeof v === "number" && v < 0 ? `<c:dPt><c:idx val="${k}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(s.negativeColor!)}</c:dPt>` : "")).join("")
        : "";
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>` +
        (s.color ? fill(s.color) : "") +
        `<c:invertIfNegative val="0"/>${negative}` +
        `<c:cat><c:strRef><c:f>${ref(chart.categories)}</c:f>${strCache}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(s.values)}</c:f>${numCache}</c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  const horizontal = chart.type === "barClustered";
  const topDown = chart.categoriesTopDown === true;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="nb-NO" sz="1200" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
    // Categories in the layout's order (maxMin: the first at the top of horizontal bars); their labels
    // at the low end, clear of bars below zero; the value axis then crosses at the far end (the bottom).
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="${topDown ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${TEXT(900)}<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${TEXT(800)}<c:crossAx val="5001"/><c:crosses val="${topDown ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>${chart.legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : ""}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(anchors: { chart: ChartLayout; rel: string; id: number }[]): string {
  const anchor = ({ chart, rel, id }: (typeof anchors)[number]) => {
    const { row, col } = parseCellAddress(chart.anchor);
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${Math.round(chart.width * EMU_PER_POINT)}" cy="${Math.round(chart.height * EMU_PER_POINT)}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${rel}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
    );
  };
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.map(anchor).join("")}</xdr:wsDr>`;
}

const relsXml = (rels: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;

/** Elements that follow <drawing> in a worksheet (CT_Worksheet's order); <drawing> goes before the first present. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** The worksheet part of each sheet name, from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"/g)) {
    const target = targets.get(m[2]!)!;
    parts.set(decode(m[1]!), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** Adds the layout's charts to an xlsx; returns the bytes unchanged when the layout has none. */
export async function addCharts(xlsx: Uint8Array, layout: WorkbookLayout): Promise<Uint8Array> {
  const withCharts = layout.sheets.filter((s) => (s.charts ?? []).some((c) => c.series.length > 0));
  if (withCharts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  const free = (path: (n: number) => string, n: number) => {
    while (zip.file(path(n))) n++;
    return n;
  };
  for (const sheet of withCharts) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`renderXlsx: fant ikke arket ${sheet.name} i filen`);
    drawingNo = free((n) => `xl/drawings/drawing${n}.xml`, drawingNo + 1);
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const anchors = sheet.charts!.filter((c) => c.series.length > 0).map((chart, i) => {
      chartNo = free((n) => `xl/charts/chart${n}.xml`, chartNo + 1);
      const path = `xl/charts/chart${chartNo}.xml`;
      zip.file(path, chartXml(sheet, chart));
      overrides.push(`<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      return { chart, rel: `rId${i + 1}`, id: i + 1, target: `../charts/chart${chartNo}.xml` };
    });
    zip.file(drawingPath, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(anchors.map((a) => ({ id: a.rel, type: NS.chartRel, target: a.target }))));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);

    // The sheet's relationship to its drawing, and the <drawing> element in its place.
    const dir = part.slice(0, part.lastIndexOf("/"));
    const relsPath = `${dir}/_rels/${part.slice(dir.length + 1)}.rels`;
    const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async("string") : relsXml([]);
    const ids = new Set([...existing.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    let rid = "rIdChartDrawing";
    for (let n = 2; ids.has(rid); n++) rid = `rIdChartDrawing${n}`;
    zip.file(relsPath, existing.replace("</Relationships>", `<Relationship Id="${rid}" Type="${NS.drawingRel}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`));
    let xml = await zip.file(part)!.async("string");
    if (/<drawing\s/.test(xml)) throw new Error(`renderXlsx: arket ${sheet.name} har allerede en tegning`);
    if (!xml.includes(`xmlns:r="${NS.r}"`)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
    const next = AFTER_DRAWING.map((tag) => xml.search(new RegExp(`<${tag}[\\s/>]`))).filter((i) => i >= 0);
    const at = next.length > 0 ? Math.min(...next) : xml.lastIndexOf("</worksheet>");
    xml = `${xml.slice(0, at)}<drawing r:id="${rid}"/>${xml.slice(at)}`;
    zip.file(part, xml);
  }
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
