import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "./io.js";

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
    help: { type: "boolean", short: "h", description: "vis hjelp" },
  },
} as const satisfies Record<string, Record<string, OptionSpec>>;

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

export function parseCommand(command: CommandName, argv: readonly string[]): ParsedCommand {
  const spec = commandOptions[command] as Record<string, OptionSpec>;
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, o] of Object.entries(spec)) options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { command, files: positionals, values: values as Record<string, string | boolean | undefined> };
  } catch (e) {
    throw new InputError(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, "")}\nSe «bydel ${command} --help».`);
  }
}
