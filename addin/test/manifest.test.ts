import { existsSync, readFileSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { productionManifest, urlDev, urlProd } from "../../webpack.config.js";

// Offline checks of manifest.xml (`npm run validate` asks Microsoft's service and needs the network).

const text = readFileSync(new URL("../../manifest.xml", import.meta.url), "utf8");

interface XmlNode {
  tagName: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  textContent: string;
}

/** Well-formedness errors ([] when the XML is well-formed). */
function wellFormed(xml: string): string[] {
  const r = XMLValidator.validate(xml);
  return r === true ? [] : [`${r.err.code} line ${r.err.line}: ${r.err.msg}`];
}

/** The document element as a small DOM-like tree (element order kept). */
function parse(xml: string): XmlNode {
  const raw = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", ignoreDeclaration: true, parseAttributeValue: false, parseTagValue: false }).parse(xml) as Record<string, unknown>[];
  const convert = (item: Record<string, unknown>): XmlNode | null => {
    const tagName = Object.keys(item).find((k) => k !== ":@");
    if (!tagName || tagName === "#text" || tagName === "#comment") return null;
    const kids = item[tagName] as Record<string, unknown>[];
    const children = kids.map(convert).filter((n): n is XmlNode => n !== null);
    const textContent = kids.map((k) => (typeof k["#text"] === "string" ? k["#text"] : "")).join("");
    return { tagName, attributes: (item[":@"] as Record<string, string>) ?? {}, children, textContent };
  };
  return raw.map(convert).find((n): n is XmlNode => n !== null)!;
}

const errors = wellFormed(text);
const root = parse(text);
const descendants = (n: XmlNode): XmlNode[] => n.children.flatMap((c) => [c, ...descendants(c)]);
const all = (name: string): XmlNode[] => descendants(root).filter((n) => n.tagName === name);
const one = (name: string): XmlNode => {
  const found = all(name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const attr = (n: XmlNode | undefined, name: string) => n?.attributes[name] ?? null;
const children = (n: XmlNode) => n.children;
const sourceResid = (n: XmlNode) => attr(n.children.find((c) => c.tagName === "SourceLocation"), "resid");
const resource = (id: string) => [...all("bt:Url"), ...all("bt:Image"), ...all("bt:String")].find((r) => attr(r, "id") === id);

describe("manifest.xml", () => {
  it("is well-formed XML for a task pane add-in in Norwegian", () => {
    expect(errors).toEqual([]);
    expect(root.tagName).toBe("OfficeApp");
    expect(attr(root, "xsi:type")).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one("DefaultLocale").textContent).toBe("nb-NO");
    expect(one("DisplayName").attributes["DefaultValue"]).toMatch(/årsberetning/);
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("requires the shared runtime, custom functions with errors (1.3) and the Excel API it uses", () => {
    const sets = new Map(all("Set").map((s) => [s.attributes["Name"], Number(s.attributes["MinVersion"])]));
    expect(sets.get("SharedRuntime")).toBe(1.1);
    expect(sets.get("CustomFunctionsRuntime")).toBeGreaterThanOrEqual(1.3); // CustomFunctions.Error with all codes
    expect(sets.get("ExcelApi")).toBeGreaterThanOrEqual(1.9); // getRanges, indentLevel
  });

  it("runs task pane, functions and commands in one shared runtime: the same resid everywhere", () => {
    const runtime = one("Runtime");
    expect(runtime.attributes["lifetime"]).toBe("long");
    const resid = runtime.attributes["resid"];
    expect(resid).toBe("Taskpane.Url");
    expect(sourceResid(one("Page"))).toBe(resid);
    expect(one("FunctionFile").attributes["resid"]).toBe(resid);
    for (const action of all("Action")) {
      expect(sourceResid(action)).toBe(resid);
      expect(children(action).map((c) => c.tagName), "a shared runtime has one task pane: no TaskpaneId").not.toContain("TaskpaneId");
    }
  });

  it("orders the elements as the schema requires", () => {
    const cf = all("ExtensionPoint").find((e) => e.attributes["xsi:type"] === "CustomFunctions")!;
    expect(children(cf).map((c) => c.tagName)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    const host = all("Host").find((h) => h.attributes["xsi:type"] === "Workbook")!;
    expect(children(host).map((c) => c.tagName)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
  });

  it("declares the BYDEL namespace and a ribbon button that opens the task pane", () => {
    const ns = one("Namespace").attributes["resid"]!;
    expect(resource(ns)?.attributes["DefaultValue"]).toBe("BYDEL");
    const button = all("Control").find((c) => c.attributes["xsi:type"] === "Button")!;
    const action = children(button).find((c) => c.tagName === "Action")!;
    expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
    const label = children(button).find((c) => c.tagName === "Label")!.attributes["resid"]!;
    expect(resource(label)?.attributes["DefaultValue"]).toBe("Importer årsberetning");
  });

  it("resolves every resid, within the length limits", () => {
    const residUsers = descendants(root).filter((e) => e.attributes["resid"]);
    expect(residUsers.length).toBeGreaterThan(10);
    for (const e of residUsers) expect(resource(e.attributes["resid"]!), `${e.tagName} resid=${e.attributes["resid"]}`).toBeDefined();
    for (const s of all("bt:ShortStrings").flatMap((g) => children(g))) expect(s.attributes["DefaultValue"]!.length).toBeLessThanOrEqual(125);
    for (const s of all("bt:LongStrings").flatMap((g) => children(g))) expect(s.attributes["DefaultValue"]!.length).toBeLessThanOrEqual(250);
  });

  it("uses only https URLs, pointing at files the build emits", () => {
    // Namespace names are http URIs by definition; every address the add-in loads must be https.
    expect(text.replace(/xmlns(:\w+)?="[^"]*"/g, "")).not.toMatch(/http:\/\//);
    const urls = [...text.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(urlDev), url).toBe(true);
    const emitted = new Set(["taskpane.html", "functions.js", "functions.json", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]);
    for (const url of urls) expect(emitted, url).toContain(url.slice(urlDev.length));
    for (const icon of [...emitted].filter((f) => f.startsWith("assets/"))) {
      expect(existsSync(new URL(`../${icon}`, import.meta.url)), icon).toBe(true);
    }
  });

  it("detects XML that is not well-formed (the parser check above is real)", () => {
    expect(wellFormed(text.replace("</Hosts>", "</Host>")).length).toBeGreaterThan(0);
    expect(wellFormed(text.replace("<Permissions>", "<Permissions a=1>")).length).toBeGreaterThan(0);
  });

  it("has no localhost left in the production copy, and stays valid XML", () => {
    expect(urlProd).toMatch(/^https:\/\/.+\/$/);
    const prod = productionManifest(text);
    expect(prod).not.toMatch(/localhost/);
    expect(wellFormed(prod)).toEqual([]);
    expect(prod.split(urlProd).length - 1).toBe(text.split(urlDev).length - 1);
    expect(productionManifest(text, "https://example.no/bydel/")).toContain('"https://example.no/bydel/functions.json"');
  });
});
