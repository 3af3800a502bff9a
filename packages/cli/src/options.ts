import { InputError } from "./io.js";
import { nearest } from "./suggest.js";

/**
 * Every command's options, in one place. To add an option to `import` (e.g. `--xlsx <file>`,
 * `--combined`, `--force`), add it to `commandOptions.import` and read it from `ParsedCommand.values`.
 */
export const commandOptions = {
  import: {
    json: { type: "boolean", description: "skriv rapport-JSON (til stdout, eller til --out-dir)" },
    "out-dir": { type: "string", short: "o", description: "mappe for <navn>.json, én fil per rapport", valueName: "mappe" },
    xlsx: { type: "string", description: "skriv en arbeidsbok (.xlsx) med tabeller og formler (én rapport)", valueName: "fil.xlsx" },
    workbooks: { type: "boolean", description: "skriv én arbeidsbok per rapport til --out-dir (<navn>.xlsx)" },
    combined: { type: "string", description: "skriv én arbeidsbok for alle rapportene, med sammenligning", valueName: "fil.xlsx" },
    force: { type: "boolean", description: "overskriv filer (JSON og arbeidsbøker) som finnes fra før" },
    help: { type: "boolean", short: "h", description: "vis hjelp" },
  },
  check: {
    all: { type: "boolean", short: "a", description: "vis merknadene også (uten: bare feil og advarsler)" },
    json: { type: "boolean", description: "skriv alle funnene som JSON, med antall, til stdout" },
    help: { type: "boolean", short: "h", description: "vis hjelp" },
  },
} as const satisfies Record<string, Record<string, OptionSpec>>;

/** The options `bydel` takes before a command. */
export const topOptions = {
  help: { type: "boolean", short: "h", description: "vis hjelp" },
  version: { type: "boolean", short: "V", description: "vis versjonen" },
} as const satisfies Record<string, OptionSpec>;

export interface OptionSpec {
  readonly type: "boolean" | "string";
  readonly short?: string;
  readonly description: string;
  readonly valueName?: string;
}

export type CommandName = keyof typeof commandOptions;

export interface ParsedCommand {
  readonly command: CommandName;
  readonly files: string[];
  readonly values: Record<string, string | boolean | undefined>;
}

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(commandOptions, name);
}

const commandNames = Object.keys(commandOptions) as CommandName[];

/** An argument that reads as an option: `--name`, `--name=value`, `-x`; a lone `-` is a file name. */
export const isOptionLike = (arg: string): boolean => arg.length > 1 && arg.startsWith("-");

/**
 * «Ukjent valg «--xslx». Mente du «--xlsx»?»: the option typed, its nearest option in `spec` (by
 * edit distance), or the command it belongs to when it is another command's.
 */
export function unknownOption(arg: string, spec: Record<string, OptionSpec>, command?: CommandName): string {
  const long = arg.startsWith("--");
  const name = arg.replace(/^--?/, "").replace(/=.*$/s, "");
  const typed = `${long ? "--" : "-"}${name}`;
  if (!long && name.length === 1) {
    const short = Object.entries(spec).find(([, o]) => o.short?.toLowerCase() === name.toLowerCase());
    return `Ukjent valg «${typed}».${short ? ` Mente du «-${short[1].short}» (--${short[0]})?` : ""}`;
  }
  // `-json` for `--json`, `--JSON` for `--json`
  const exact = Object.keys(spec).find((n) => n.toLowerCase() === name.toLowerCase());
  const guess = exact ?? nearest(name, Object.keys(spec));
  if (guess) return `Ukjent valg «${typed}». Mente du «--${guess}»?`;
  if (command && Object.hasOwn(topOptions, name)) return `Valget «--${name}» står foran kommandoen: «bydel --${name}».`;
  const owners = commandNames.filter((c) => c !== command && Object.hasOwn(commandOptions[c], name));
  if (owners.length > 0) {
    const where = command ? `bare for «bydel ${owners[0]}»` : `bare etter en kommando, som i «bydel ${owners[0]} <fil> --${name}»`;
    return `Valget «${typed}» finnes ${where}.`;
  }
  return `Ukjent valg «${typed}».`;
}

/** «Ukjent kommando «imprt». Mente du «import»?», or, for a file given without a command, the import. */
export function unknownCommand(name: string): string {
  const guess = nearest(name, commandNames);
  if (guess) return `Ukjent kommando «${name}». Mente du «bydel ${guess}»?`;
  if (/\.(pdf|txt)$/i.test(name)) return `Ukjent kommando «${name}». Mente du «bydel import ${name}»?`;
  return `Ukjent kommando «${name}». Kommandoene er ${commandNames.map((c) => `«${c}»`).join(" og ")}.`;
}

function optionName(spec: Record<string, OptionSpec>, arg: string): string | undefined {
  if (arg.startsWith("--")) {
    const name = arg.slice(2).replace(/=.*$/s, "");
    return Object.hasOwn(spec, name) ? name : undefined;
  }
  return Object.entries(spec).find(([, o]) => o.short === arg[1])?.[0];
}

/**
 * The command's options and files. Strict, with every message in Norwegian: an unknown option
 * (with the nearest one), a value missing or not wanted, and a single-value option given twice.
 * `--` ends the options; `--name=value`, `--name value`, `-o value` and `-ovalue` all give a value.
 */
export function parseCommand(command: CommandName, args: readonly string[]): ParsedCommand {
  const spec = commandOptions[command] as Record<string, OptionSpec>;
  const fail = (message: string): never => {
    throw new InputError(`${message}\nSe «bydel ${command} --help».`);
  };
  const values: Record<string, string | boolean | undefined> = {};
  const files: string[] = [];
  const argv = [...args];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (!isOptionLike(arg)) {
      files.push(arg);
      continue;
    }
    // `-out-dir` is a long name with one dash, not `-o ut-dir`
    const oneDashLong = !arg.startsWith("--") && arg.length > 2 && Object.hasOwn(spec, arg.slice(1).replace(/=.*$/s, ""));
    const name = oneDashLong ? undefined : optionName(spec, arg);
    if (name === undefined) return fail(unknownOption(arg, spec, command));
    const o = spec[name]!;
    const flag = `--${name}`;
    if (!arg.startsWith("--") && arg.length > 2 && o.type === "boolean" && arg[2] !== "=") {
      // short flags together: `-ah` is `-a -h`
      argv.splice(i + 1, 0, `-${arg.slice(2)}`);
      values[name] = true;
      continue;
    }
    // the value written into the argument: `--xlsx=a.xlsx`, `-oout`
    const inline = arg.startsWith("--") ? (arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : undefined) : arg.length > 2 ? arg.slice(2).replace(/^=/, "") : undefined;
    if (o.type === "boolean") {
      if (inline !== undefined) return fail(`Valget «${flag}» tar ingen verdi (fikk «${inline}»).`);
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !isOptionLike(next)) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === "") return fail(`Valget «${flag}» mangler verdi: skriv «${flag} <${o.valueName ?? "verdi"}>».`);
    const earlier = values[name];
    if (typeof earlier === "string") return fail(`Valget «${flag}» er gitt to ganger («${earlier}» og «${value}»). Det tar én verdi: gi det én gang.`);
    values[name] = value;
  }
  return { command, files, values };
}
