// The command line's way in: argv becomes the action's inputs as raw text, keyed by their
// action.yml names, so the core validates them with the action's own messages and defaults.
// util.parseArgs splits argv; this module holds the result to the command line's shape (known
// flags, values present, no positionals) and says what is wrong in the command line's words.
import { parseArgs as splitArgv, type ParseArgsConfig } from 'node:util'
import { ACTION_FLAGS, type ActionFlag } from './flags.js'

/** What the command line asks for. */
export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'version' }
  /** No arguments at all: print the usage, exit 2. */
  | { kind: 'usage' }
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
      /** `--results-file`: where to write every account's result as JSON Lines, as written. */
      resultsFile?: string
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

/** Flags of the command line alone; `value` names the value of the one that takes one. */
export const CLI_FLAGS = [
  {
    flag: 'json',
    description:
      "Print the run's results as one JSON object on stdout (ok, message, results and the rest, " +
      'with their JSON types), whether the run succeeds or not. The log goes to stderr either way.'
  },
  {
    flag: 'results-file',
    value: 'path',
    description:
      "Write every account's result (with its executions) to this file as JSON Lines, one " +
      'object per line, for any number of accounts; a path relative to the current directory, ' +
      'its folder created when missing. Give the file to --linked-account-file later to fire ' +
      'again only the accounts that did not end ok.'
  },
  { flag: 'help', short: 'h', description: 'Print this help and exit.' },
  { flag: 'version', description: 'Print the version and exit.' }
] as const

/**
 * How the command line names an input of action.yml in a message: its flag (`--wait-timeout`,
 * `--no-fail-on-error`), or `REFOLD_API_KEY` for the key. Throws for an input the user cannot
 * set on the command line (the ones it fixes) or that action.yml does not have: a message naming
 * one would be a bug.
 */
export function flagFor(inputName: string): string {
  if (inputName === 'api_key') return API_KEY_ENV
  const spec = INPUT_FLAGS.find(candidate => candidate.input === inputName)
  if (!spec) throw new Error(`The command line has no flag for the input '${inputName}'.`)
  return `--${spec.flag}`
}

/** Reads argv (without node and the script). Throws `UsageError`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) return { kind: 'usage' }
  // Not parseArgs' strict mode: it refuses any value that starts with a dash (`--retries -1`, a
  // YAML payload opening with ---) and its errors name no flag, so the checks are made here.
  const { values, tokens } = splitArgv({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true
  })

  const given = new Set<string>()
  for (const token of tokens) {
    if (token.kind !== 'option') throw unexpectedArgument(argv[token.index])
    const written = token.rawName
    const known = KNOWN_FLAGS.get(token.name)
    if (!known) throw unknownFlag(token.name, written)
    if (given.has(token.name) && known.input !== REPEATABLE_INPUT) {
      throw new UsageError(
        `Flag ${written} is given twice; only --linked-account-id may be repeated.`,
        written
      )
    }
    given.add(token.name)

    if (!known.takesValue && token.value !== undefined) {
      throw new UsageError(`Flag ${written} takes no value: write ${written} alone.`, written)
    }
    if (known.takesValue) checkValue(token.value, token.inlineValue, written)
    if (token.name === 'help') return { kind: 'help' }
    if (token.name === 'version') return { kind: 'version' }
  }

  const inputs: Record<string, string> = {}
  for (const spec of INPUT_FLAGS) {
    const value = values[spec.flag]
    if (value === undefined) continue
    // The core reads one account per line, so a repeated flag's values become lines.
    inputs[spec.input] = spec.takesValue ? [value].flat().join('\n') : spec.sets
  }
  const resultsFile = values['results-file']
  if (resultsFile === '') {
    throw new UsageError(
      'Flag --results-file needs a path: --results-file <path>.',
      '--results-file'
    )
  }
  return {
    kind: 'run',
    inputs: { ...inputs, ...FIXED_INPUTS },
    json: values.json === true,
    ...(typeof resultsFile === 'string' ? { resultsFile } : {})
  }
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

type KnownFlag = { takesValue: boolean; input?: string }

/** Every flag by name: the action's inputs, then the command line's own. */
const KNOWN_FLAGS: ReadonlyMap<string, KnownFlag> = new Map<string, KnownFlag>([
  ...INPUT_FLAGS.map(
    spec => [spec.flag, { takesValue: spec.takesValue, input: spec.input }] as const
  ),
  ...CLI_FLAGS.map(spec => [spec.flag, { takesValue: 'value' in spec }] as const)
])

const OPTIONS: NonNullable<ParseArgsConfig['options']> = Object.fromEntries([
  ...INPUT_FLAGS.map(spec => [
    spec.flag,
    spec.takesValue
      ? { type: 'string', multiple: spec.input === REPEATABLE_INPUT }
      : { type: 'boolean' }
  ]),
  ...CLI_FLAGS.map(spec => [
    spec.flag,
    { type: 'value' in spec ? 'string' : 'boolean', ...('short' in spec && { short: spec.short }) }
  ])
])

/** A flag that takes a value got one, and not the next flag by mistake. */
function checkValue(value: string | undefined, inline: boolean | undefined, written: string): void {
  if (value === undefined) {
    throw new UsageError(
      `Flag ${written} needs a value: ${written} <value> or ${written}=<value>.`,
      written
    )
  }
  if (!inline && looksLikeFlag(value)) {
    throw new UsageError(
      `Flag ${written} needs a value, but ${flagPart(value)} follows it ` +
        `(for a value that starts with a dash, write ${written}=<value>).`,
      written
    )
  }
}

function unexpectedArgument(arg: string): UsageError {
  return new UsageError(
    `Unexpected argument ${JSON.stringify(arg)}: every value follows its flag, ` +
      'e.g. --event "Release Published" (a value with spaces needs quotes).'
  )
}

/** An unknown flag: the left-out input it names, or the flag it most likely meant. */
function unknownFlag(name: string, written: string): UsageError {
  const normalized = name.toLowerCase().replace(/_/g, '-')
  const leftOut = ACTION_FLAGS.find(
    spec => spec.input in LEFT_OUT_INPUTS && unnegated(spec.flag) === unnegated(normalized)
  )
  if (leftOut) {
    return new UsageError(`There is no ${written} flag: ${LEFT_OUT_INPUTS[leftOut.input]}`, written)
  }
  const closest = [...KNOWN_FLAGS.keys()].find(
    flag => flag === normalized || unnegated(flag) === unnegated(normalized)
  )
  return new UsageError(
    `Unknown flag ${written}${closest ? ` (did you mean --${closest}?)` : ''}.`,
    written
  )
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
