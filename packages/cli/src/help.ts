import { commandOptions, topOptions, type CommandName, type OptionSpec } from "./options.js";

const usage: Record<CommandName, { synopsis: string; text: string }> = {
  import: {
    synopsis: "bydel import <fil.pdf|fil.txt>… [--json] [--out-dir <mappe>] [--xlsx <fil.xlsx> | --workbooks | --combined <fil.xlsx>] [--force]",
    text:
      "Leser en bydels årsberetning, som PDF eller som tekst, og kontrollerer regnestykkene.\n" +
      "Finner økonomitabellene (Tabell 0.1, 0.1 B, Hovedoversikt økonomi FO…), fordelingen av avvik på\n" +
      "øremerkede midler, resultatindikatorer, nøkkeltall og sykefravær.\n" +
      "Uten --json skrives et sammendrag som begynner med resultatet: netto avvik, øremerkede midler og\n" +
      "avvik i ordinær drift (mindreforbruk/merforbruk). Mangler rapporten et tall, står det at det mangler.\n" +
      "Med --json skrives rapport-JSON til stdout (én fil), eller til\n" +
      "<mappe>/<navn>.json med --out-dir (én eller flere filer).\n" +
      "Med --xlsx skrives en levende arbeidsbok: Excel-tabeller, norske overskrifter og avvik som formler.\n" +
      "Med flere filer: --workbooks --out-dir <mappe> (én per rapport) eller --combined <fil.xlsx> (alle, med\n" +
      "et sammenligningsark).\n" +
      "En fil som finnes fra før (JSON eller arbeidsbok) overskrives bare med --force. Alle filene sjekkes\n" +
      "før noe skrives: finnes én av dem, skrives ingenting (kode 2).\n" +
      "En PDF kjennes igjen på innholdet, ikke på filnavnet. Teksten leses med posisjoner side for side;\n" +
      "topptekst, bunntekst og sidetall fjernes. Sider uten tekst (skannet) nevnes som advarsel. En PDF som\n" +
      "er passordbeskyttet, skadet, uten sider eller uten tekst, eller har over 1 000 sider, avvises (kode 2).\n" +
      "Tekst (f.eks. fra «pdftotext -layout») kan være UTF-8, Windows-1252 eller UTF-16.",
  },
  check: {
    synopsis: "bydel check <fil.pdf|fil.txt>… [--all] [--json]",
    text:
      "Kontrollerer årsberetningen (PDF eller tekst) og skriver funnene, ett per linje.\n" +
      "Feil og advarsler vises; merknadene telles og vises med --all. Til slutt står antallet\n" +
      "(«6 feil, 0 advarsler, 30 merknader») og hvor mange merknader som er skjult.\n" +
      "Hver linje har linjenummer, alvorlighet (FEIL, ADVARSEL, MERKNAD), kode og melding.\n" +
      "Linjenummeret er linjen i teksten; for en PDF står siden i meldingen («(side 12)»).\n" +
      "Med --json skrives alle funnene, med antall, som JSON til stdout (se packages/cli/README.md).\n" +
      "Avslutter med kode 1 når det finnes feil, ellers 0.\n" +
      "En fil som ikke kan leses som årsberetning gir én melding og kode 2.",
  },
};

function optionLines(spec: Record<string, OptionSpec>): string {
  return Object.entries(spec)
    .map(([name, o]) => {
      const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` <${o.valueName ?? "verdi"}>` : ""}`;
      return `  ${flag.padEnd(28)}${o.description}`;
    })
    .join("\n");
}

export function commandHelp(command: CommandName): string {
  const u = usage[command];
  return `Bruk: ${u.synopsis}\n\n${u.text}\n\nValg:\n${optionLines(commandOptions[command] as Record<string, OptionSpec>)}\n`;
}

export function topHelp(): string {
  return (
    "bydel – import og kontroll av bydelenes årsberetninger\n\n" +
    "Bruk: bydel <kommando> [valg]\n" +
    "     bydel --version | --help\n\n" +
    "Kommandoer:\n" +
    Object.entries(usage)
      .map(([name, u]) => `  ${name.padEnd(8)}${u.synopsis.replace(/^bydel \S+ /, "")}\n          ${u.text.split("\n")[0]}`)
      .join("\n") +
    "\n\nValg:\n" +
    optionLines(topOptions) +
    "\n\nSe «bydel <kommando> --help» for valgene til hver kommando.\n" +
    "Avslutningskoder: 0 ok, 1 feil funnet i rapporten (check), 2 ugyldig inndata eller bruk, 3 intern feil.\n"
  );
}
