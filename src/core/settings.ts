// Every setting read, validated and typed in one place, for every door: the action hands in its
// inputs' text, the CLI its flags under the same names, the library its typed options; defaults
// and rules are one, and messages name each setting the way the door's naming says.
import { parseAccounts, parseShard, type AccountSelection, type Shard } from './accounts.js'
import { InputError } from './errors.js'
import { Inputs } from './names.js'
import type { InputName, Naming } from './naming.js'
import type { Payload } from './payload.js'
import { DEFAULT_BASE_URL, fitsInHeader } from './request.js'

/** Where settings come from, by action.yml name. */
export interface SettingsSource {
  /**
   * One setting: text as a door read it, or a typed value from the library (number, boolean,
   * array, object); undefined or '' when unset, which takes the default.
   */
  read(input: InputName): unknown
  /** Told the api key the moment it is read, so the host can mask it before anything is logged. */
  secret?(value: string): void
  debug?(message: string): void
}

export type GithubContextMode = 'auto' | 'always' | 'never'

export type PreflightMode = 'auto' | 'always' | 'never'

/** Where the user's payload comes from, before it is parsed. */
export type PayloadSource =
  | { kind: 'none' }
  | { kind: 'inline'; text: string }
  | { kind: 'file'; path: string }
  /** The library's payload, an object already. */
  | { kind: 'value'; value: Payload }

export interface Settings {
  /** Refold API key; '' only in a dry run without one. Already handed to the host to mask. */
  apiKey: string
  /** Event name, exact case. */
  event: string
  /** The linked accounts (customers) the event is for: a list, a file, or every account. */
  accounts: AccountSelection
  /** The slice of the accounts this job fires for, in a matrix of jobs. */
  shard?: Shard
  /** Sent as the `config_id` header when set. */
  configId?: string
  /** Sent as the `slug` header when set: only that app's workflows run. */
  slug?: string
  /** The user's payload, unparsed. */
  payload: PayloadSource
  /** How the GitHub context summary enters the payload. */
  githubContext: GithubContextMode
  /** API origin without a trailing slash. */
  baseUrl: string
  /** Time allowed for one HTTP attempt, connect and response. */
  timeoutMs: number
  /** Retries after the first attempt, for retryable failures only. */
  retries: number
  /** When false, a failed trigger or wait is a warning and the step succeeds. */
  failOnError: boolean
  /** The idempotency_key setting; undefined when the door generates the key. */
  idempotencyKey?: string
  /** Build and print the request, send nothing. */
  dryRun: boolean
  /** Wait for the workflow executions the event started. */
  wait: boolean
  waitTimeoutMs: number
  waitIntervalMs: number
  /** Time after a trigger was accepted before its gate may give a verdict. */
  waitSettleMs: number
  /** Executions each trigger starts; when set, the gate waits for that many (no settle window). */
  expectedWorkflows?: number
  /** On cancel or TIMED_OUT, stop the matched executions still in progress. */
  stopUnfinished: boolean
  /** When to check the event and payload against Refold's events list before firing. */
  preflight: PreflightMode
  /** Write a job summary. */
  summary: boolean
  /** Most requests per second, every call of the run counted. */
  rateLimit: number
  /** Most requests in flight at once; also the rate limiter's burst. */
  concurrency: number
}

export function readSettings(source: SettingsSource, naming: Naming): Settings {
  const read = new Reader(source, naming)

  // Handed to the host before any validation can quote it or any debug line can print it.
  const apiKey = read.text(Inputs.ApiKey)
  if (apiKey) source.secret?.(apiKey)
  if (!fitsInHeader(apiKey)) {
    throw read.invalid(
      Inputs.ApiKey,
      'it contains characters an HTTP header cannot carry (a line break inside the secret?).'
    )
  }

  const dryRun = read.boolean(Inputs.DryRun, false)
  const accounts = readAccounts(read)
  if (!apiKey && dryRun && accounts.kind === 'every') {
    throw new InputError(
      Inputs.ApiKey,
      `Missing ${naming.setting(Inputs.ApiKey)}: a dry run with ${naming.setting(Inputs.LinkedAccountId)} "*" ` +
        `lists the org's linked accounts, which needs the key; name the accounts to dry-run without it.`
    )
  }
  if (!apiKey && !dryRun) {
    throw new InputError(
      Inputs.ApiKey,
      `Missing ${naming.setting(Inputs.ApiKey)}: ${naming.apiKeyHelp}`
    )
  }
  const preflight = readPreflightMode(read)
  if (!apiKey && dryRun && preflight === 'always') {
    throw new InputError(
      Inputs.ApiKey,
      `Missing ${naming.setting(Inputs.ApiKey)}: ${naming.setting(Inputs.Preflight)} true checks ` +
        `the event against Refold, which needs the key, even in a dry run.`
    )
  }
  const event = read.required(Inputs.Event)
  const payload = readPayloadSource(read)
  const configId = read.header(Inputs.ConfigId)
  const slug = read.header(Inputs.Slug)

  const settings: Settings = {
    apiKey,
    event,
    accounts,
    shard: parseShard(read.text(Inputs.Shard), naming),
    configId: configId || undefined,
    slug: slug || undefined,
    payload,
    githubContext: read.choice(Inputs.GithubContext, GITHUB_CONTEXT_MODES, 'auto'),
    baseUrl: readBaseUrl(read),
    timeoutMs: read.seconds(Inputs.Timeout, 30, TIMEOUT_RANGE),
    retries: read.number(Inputs.Retries, 3, RETRIES_RANGE),
    failOnError: read.boolean(Inputs.FailOnError, true),
    idempotencyKey: read.header(Inputs.IdempotencyKey) || undefined,
    dryRun,
    wait: read.boolean(Inputs.Wait, false),
    waitTimeoutMs: read.seconds(Inputs.WaitTimeout, 600, WAIT_TIMEOUT_RANGE),
    waitIntervalMs: read.seconds(Inputs.WaitInterval, 10, WAIT_INTERVAL_RANGE),
    waitSettleMs: read.seconds(Inputs.WaitSettle, 10, WAIT_SETTLE_RANGE),
    expectedWorkflows: read.isSet(Inputs.ExpectedWorkflows)
      ? read.number(Inputs.ExpectedWorkflows, 1, EXPECTED_WORKFLOWS_RANGE)
      : undefined,
    stopUnfinished: read.boolean(Inputs.StopUnfinished, false),
    preflight,
    summary: read.boolean(Inputs.Summary, true),
    rateLimit: read.number(Inputs.RateLimit, 10, RATE_LIMIT_RANGE),
    concurrency: read.number(Inputs.Concurrency, 5, CONCURRENCY_RANGE)
  }
  source.debug?.(`Settings: ${JSON.stringify({ ...settings, apiKey: apiKey ? '***' : '' })}`)
  return settings
}

/** `linked_account_id` (text, a list, or `*`) or `linked_account_file`, never both. */
function readAccounts(read: Reader): AccountSelection {
  const file = read.text(Inputs.LinkedAccountFile)
  const given = read.value(Inputs.LinkedAccountId)
  const named = Array.isArray(given) ? given.length > 0 : read.text(Inputs.LinkedAccountId) !== ''
  if (file && named) {
    throw read.invalid(
      Inputs.LinkedAccountFile,
      `set it or ${read.naming.setting(Inputs.LinkedAccountId)}, not both.`
    )
  }
  if (file) return { kind: 'file', path: file }
  if (Array.isArray(given)) {
    if (!given.every(id => typeof id === 'string')) {
      throw read.invalid(Inputs.LinkedAccountId, 'every linked account id must be a string.')
    }
    return parseAccounts(given, read.naming)
  }
  return parseAccounts(read.text(Inputs.LinkedAccountId), read.naming)
}

/** `payload` (inline text, or the library's object) or `payload_file`, never both. */
function readPayloadSource(read: Reader): PayloadSource {
  const given = read.value(Inputs.Payload)
  const file = read.text(Inputs.PayloadFile)
  const isObject = typeof given === 'object' && given !== null && !Array.isArray(given)
  const inline = isObject ? '' : typeof given === 'string' ? given : read.text(Inputs.Payload)
  if ((isObject || inline.trim()) && file) {
    throw read.invalid(
      Inputs.PayloadFile,
      `set it or ${read.naming.setting(Inputs.Payload)}, not both.`
    )
  }
  if (isObject) return { kind: 'value', value: given as Payload }
  if (inline.trim()) return { kind: 'inline', text: inline }
  return file ? { kind: 'file', path: file } : { kind: 'none' }
}

/** The values a number setting accepts; the error message is built from it. */
export interface NumberRange {
  min: number
  max: number
  /** Whole numbers only. */
  integer: boolean
  /** What the number counts, e.g. `seconds`; omitted for a plain number. */
  unit?: string
}

// The documented ranges (action.yml and docs/limits.md say the same). Every bound keeps the step finite:
// a timeout past 2^31 ms overflows setTimeout into 1 ms, an interval near 0 polls in a tight loop.
const TIMEOUT_RANGE = secondsRange(1, 600)
const RETRIES_RANGE: NumberRange = { min: 0, max: 10, integer: true }
const WAIT_TIMEOUT_RANGE = secondsRange(1, 21_600)
const WAIT_INTERVAL_RANGE = secondsRange(1, 300)
const WAIT_SETTLE_RANGE = secondsRange(0, 300)
const EXPECTED_WORKFLOWS_RANGE: NumberRange = { min: 1, max: 1000, integer: true }
export const RATE_LIMIT_RANGE: NumberRange = { min: 0.1, max: 1000, integer: false }
export const CONCURRENCY_RANGE: NumberRange = { min: 1, max: 20, integer: true }

function secondsRange(min: number, max: number): NumberRange {
  return { min, max, integer: false, unit: 'seconds' }
}

// The values core.getBooleanInput accepts (YAML 1.2 core schema booleans); an empty input takes
// the default, as it does when a workflow runs the action outside action.yml's defaults.
const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']

const GITHUB_CONTEXT_MODES: readonly GithubContextMode[] = ['auto', 'always', 'never']

/**
 * Reads one setting at a time with the rules every door shares: text is trimmed and parsed
 * strictly, a typed value (the library's) is checked against the same ranges, and every message
 * names the setting the door's way and quotes what was given.
 */
class Reader {
  constructor(
    private readonly source: SettingsSource,
    readonly naming: Naming
  ) {}

  value(input: InputName): unknown {
    return this.source.read(input)
  }

  isSet(input: InputName): boolean {
    const value = this.value(input)
    return value !== undefined && value !== null && String(value).trim() !== ''
  }

  invalid(input: InputName, problem: string): InputError {
    return new InputError(input, `Invalid ${this.naming.setting(input)}: ${problem}`)
  }

  /** A text setting, trimmed; '' when unset. */
  text(input: InputName): string {
    const value = this.value(input)
    if (value === undefined || value === null) return ''
    if (typeof value !== 'string') throw this.invalid(input, `${quote(value)} is not a string.`)
    return value.trim()
  }

  required(input: InputName): string {
    const value = this.text(input)
    if (!value) {
      throw new InputError(input, `Missing ${this.naming.setting(input)}: it is required.`)
    }
    return value
  }

  /** A text setting sent as a request header. */
  header(input: InputName): string {
    const value = this.text(input)
    if (!fitsInHeader(value)) {
      throw this.invalid(input, `${quote(value)} contains characters an HTTP header cannot carry.`)
    }
    return value
  }

  boolean(input: InputName, fallback: boolean): boolean {
    const value = this.value(input)
    if (typeof value === 'boolean') return value
    const text = this.text(input)
    if (text === '') return fallback
    if (TRUE_VALUES.includes(text)) return true
    if (FALSE_VALUES.includes(text)) return false
    throw this.invalid(input, `${quote(text)} is not true or false.`)
  }

  /**
   * A number within its range. Text must be plain decimal digits (no sign, exponent, hex or
   * "Infinity", which Number() would take).
   */
  number(input: InputName, fallback: number, range: NumberRange): number {
    const value = this.value(input)
    const text = typeof value === 'number' ? '' : this.text(input)
    const pattern = range.integer ? /^\d+$/ : /^(?:\d+\.?\d*|\.\d+)$/
    const number = typeof value === 'number' ? value : text === '' ? fallback : Number(text)
    const fits =
      Number.isFinite(number) &&
      number >= range.min &&
      number <= range.max &&
      (!range.integer || Number.isInteger(number))
    if (!fits || (text !== '' && !pattern.test(text))) {
      const kind = range.integer ? 'a whole number' : 'a number'
      const of = range.unit ? ` of ${range.unit}` : ''
      const given = typeof value === 'number' ? String(value) : quote(text)
      throw this.invalid(input, `${given} is not ${kind}${of} from ${range.min} to ${range.max}.`)
    }
    return number
  }

  /** Seconds, in milliseconds (rounded: 1.1 s is 1100 ms, not 1100.0000000000002). */
  seconds(input: InputName, fallback: number, range: NumberRange): number {
    return Math.round(this.number(input, fallback, range) * 1000)
  }

  choice<T extends string>(input: InputName, choices: readonly T[], fallback: T): T {
    const text = this.text(input) || fallback
    const choice = choices.find(c => c === text)
    if (!choice) throw this.invalid(input, `${quote(text)} is not one of ${choices.join(', ')}.`)
    return choice
  }
}

function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value)
}

/** `auto`, or a boolean: true always checks, false never does. */
function readPreflightMode(read: Reader): PreflightMode {
  const value = read.value(Inputs.Preflight)
  if (typeof value === 'boolean') return value ? 'always' : 'never'
  const text = read.text(Inputs.Preflight)
  if (text === '' || text === 'auto') return 'auto'
  if (TRUE_VALUES.includes(text)) return 'always'
  if (FALSE_VALUES.includes(text)) return 'never'
  throw read.invalid(Inputs.Preflight, `${quote(text)} is not one of auto, true, false.`)
}

function readBaseUrl(read: Reader): string {
  const value = read.text(Inputs.BaseUrl) || DEFAULT_BASE_URL
  const invalid = (problem: string): InputError =>
    read.invalid(Inputs.BaseUrl, `${JSON.stringify(withoutCredentials(value))} ${problem}`)
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    // reported below with the expected form
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw invalid(`is not an http:// or https:// URL such as ${DEFAULT_BASE_URL}.`)
  }
  if (url.username || url.password) {
    throw invalid(
      `has credentials in it, which are not allowed; the key goes in ${read.naming.setting(Inputs.ApiKey)}.`
    )
  }
  // The raw text, not url.search/url.hash: a bare "?" or "#" parses to '' yet would still end the
  // path the request is sent to.
  if (/[?#]/.test(value)) {
    throw invalid(
      `has a query or fragment ("?" or "#"); give the origin and an optional path prefix, such as ${DEFAULT_BASE_URL}.`
    )
  }
  return url.href.replace(/\/+$/, '')
}

/**
 * A URL as it may be quoted in an error: everything up to the last "@" of what could be its
 * authority is dropped, so a user name or password (even one holding "/" or ":") never shows.
 */
export function withoutCredentials(value: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:(?:\/\/)?/i.exec(value)?.[0] ?? ''
  const rest = value.slice(scheme.length)
  const at = rest.lastIndexOf('@')
  return at === -1 ? value : `${scheme}***@${rest.slice(at + 1)}`
}
