// The command line's way in: argv becomes the action's inputs as raw text, keyed by their
// action.yml names, so the core validates them with the action's own messages and defaults. Only
// the shape of the command line is checked here (known flags, values present, no positionals).
import { ACTION_FLAGS, type ActionFlag } from './flags.js'

/** What the command line asks for. */
export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'run'
      /**
       * The inputs given, by action.yml name, as written (an input not given is absent: the core
       * applies its default to ''), plus the inputs the command line fixes (`FIXED_INPUTS`).
       * Never `api_key`: that comes from the environment (see `cliInputReader`).
       */
      inputs: Record<string, string>
      /** Print the outputs as one JSON object on stdout. */
      json: boolean
    }

/** The command line is malformed: exit 2, nothing sent. The message never quotes a flag's value. */
export class UsageError extends Error {
  override name = 'UsageError'
  constructor(
    message: string,
    /** The flag at fault as written, without any `=value`; absent for a stray argument. */
    readonly flag?: string
  ) {
    super(`${message} Run refold-trigger --help for the flags.`)
  }
}

/** The environment variable the API key is read from: the only way to give it. */
export const API_KEY_ENV = 'REFOLD_API_KEY'

/** Inputs of action.yml the command line offers no flag for, and what asking for one says. */
export const LEFT_OUT_INPUTS: Readonly<Record<string, string>> = {
  api_key:
    `the API key is read only from the environment variable ${API_KEY_ENV}, since a flag would ` +
    `leak it into process lists and shell history. Set ${API_KEY_ENV} instead.`,
  github_context: 'the command line has no GitHub context to add to the payload.',
  summary: 'the command line writes no job summary (--json prints the outputs).'
}

/** Inputs the command line always sets, whatever argv says. */
export const FIXED_INPUTS: Readonly<Record<string, string>> = {
  github_context: 'never',
  summary: 'false'
}

/** The one input whose flag may be given many times: the values become its lines. */
const REPEATABLE_INPUT = 'linked_account_id'

/** The action's inputs that are flags on the command line, in action.yml's order. */
export const INPUT_FLAGS: readonly ActionFlag[] = ACTION_FLAGS.filter(
  spec => !(spec.input in LEFT_OUT_INPUTS)
)

/** Flags of the command line alone, none taking a value. */
export const CLI_FLAGS = [
  {
    flag: 'json',
    description:
      'Print the outputs (ok, status_code, message, results, ...) as one JSON object on stdout, ' +
      'with their JSON types. The log goes to stderr either way.'
  },
  { flag: 'help', short: 'h', description: 'Print this help and exit.' },
  { flag: 'version', description: 'Print the version and exit.' }
] as const

type CliFlag = (typeof CLI_FLAGS)[number]['flag']

/** Reads argv (without node and the script). Throws `UsageError`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const inputs: Record<string, string> = {}
  const accounts: string[] = []
  const given = new Set<string>()
  let json = false

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '-h') return { kind: 'help' }
    if (!arg.startsWith('--') || arg === '--') {
      if (/^-[^-]/.test(arg)) {
        throw new UsageError(`Unknown flag ${flagPart(arg)}.`, flagPart(arg))
      }
      throw new UsageError(
        `Unexpected argument ${JSON.stringify(arg)}: every value follows its flag, ` +
          'e.g. --event "Release Published" (a value with spaces needs quotes).'
      )
    }

    const eq = arg.indexOf('=')
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq)
    const written = `--${name}`
    const inline = eq < 0 ? undefined : arg.slice(eq + 1)
    const spec = flagNamed(name)

    if (given.has(name) && !(spec.kind === 'input' && spec.flag.input === REPEATABLE_INPUT)) {
      throw new UsageError(
        `Flag ${written} is given twice; only --linked-account-id may be repeated.`,
        written
      )
    }
    given.add(name)

    if (spec.kind === 'input') {
      if (spec.flag.takesValue) {
        const value = inline ?? valueAfter(argv, i, written)
        if (inline === undefined) i++
        if (spec.flag.input === REPEATABLE_INPUT) accounts.push(value)
        else inputs[spec.flag.input] = value
      } else {
        takesNoValue(written, inline)
        inputs[spec.flag.input] = spec.flag.sets
      }
      continue
    }
    takesNoValue(written, inline)
    if (spec.flag === 'help') return { kind: 'help' }
    if (spec.flag === 'version') return { kind: 'version' }
    json = true
  }

  // The core reads one account per line.
  if (accounts.length > 0) inputs[REPEATABLE_INPUT] = accounts.join('\n')
  return { kind: 'run', inputs: { ...inputs, ...FIXED_INPUTS }, json }
}

/**
 * The `read` the core's input reading takes: each input by its action.yml name, '' when not
 * given, and `api_key` from the environment (`REFOLD_API_KEY`) the caller hands in.
 */
export function cliInputReader(
  inputs: Readonly<Record<string, string>>,
  apiKey: string | undefined
): (inputName: string) => string {
  return inputName => (inputName === 'api_key' ? (apiKey ?? '') : (inputs[inputName] ?? ''))
}

type KnownFlag = { kind: 'input'; flag: ActionFlag } | { kind: 'cli'; flag: CliFlag }

function flagNamed(name: string): KnownFlag {
  const input = INPUT_FLAGS.find(spec => spec.flag === name)
  if (input) return { kind: 'input', flag: input }
  const cli = CLI_FLAGS.find(spec => spec.flag === name)
  if (cli) return { kind: 'cli', flag: cli.flag }

  const written = `--${name}`
  const normalized = name.toLowerCase().replace(/_/g, '-')
  const leftOut = ACTION_FLAGS.find(
    spec => spec.input in LEFT_OUT_INPUTS && unnegated(spec.flag) === unnegated(normalized)
  )
  if (leftOut) {
    throw new UsageError(`There is no ${written} flag: ${LEFT_OUT_INPUTS[leftOut.input]}`, written)
  }
  const closest = [...INPUT_FLAGS.map(spec => spec.flag), ...CLI_FLAGS.map(spec => spec.flag)].find(
    flag => flag === normalized || unnegated(flag) === unnegated(normalized)
  )
  throw new UsageError(
    `Unknown flag ${written}${closest ? ` (did you mean --${closest}?)` : ''}.`,
    written
  )
}

/** The value of a flag written without `=`: the next argument, which must not be a flag. */
function valueAfter(argv: readonly string[], at: number, written: string): string {
  const next = argv[at + 1]
  if (next === undefined) {
    throw new UsageError(
      `Flag ${written} needs a value: ${written} <value> or ${written}=<value>.`,
      written
    )
  }
  if (looksLikeFlag(next)) {
    throw new UsageError(
      `Flag ${written} needs a value, but ${flagPart(next)} follows it ` +
        `(for a value that starts with a dash, write ${written}=<value>).`,
      written
    )
  }
  return next
}

function takesNoValue(written: string, inline: string | undefined): void {
  if (inline !== undefined) {
    throw new UsageError(`Flag ${written} takes no value: write ${written} alone.`, written)
  }
}

function unnegated(flag: string): string {
  return flag.replace(/^no-/, '')
}

/** The next argument is a flag rather than a value (`-` alone is a value: standard input). */
function looksLikeFlag(arg: string): boolean {
  return /^--[a-z]/i.test(arg) || arg === '-h'
}

/** A flag as written, without its value: the value may be a secret given by mistake. */
function flagPart(arg: string): string {
  const eq = arg.indexOf('=')
  return eq < 0 ? arg : arg.slice(0, eq)
}
