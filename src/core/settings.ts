// Every input read, validated and typed in one place, for both doors: the action hands in
// @actions/core, the CLI its flags under the same input names, so defaults and messages are one.
import { parseAccounts, parseShard, type AccountSelection, type Shard } from './accounts.js'
import { InputError } from './errors.js'
import { Inputs } from './names.js'
import { DEFAULT_BASE_URL, fitsInHeader } from './request.js'

/** Where inputs come from, by action.yml name: @actions/core's shape, which the CLI imitates. */
export interface InputReader {
  getInput(name: string): string
  setSecret(secret: string): void
  debug(message: string): void
}

export type GithubContextMode = 'auto' | 'always' | 'never'

export type PreflightMode = 'auto' | 'always' | 'never'

/** Where the user's payload comes from, before it is parsed. */
export type PayloadSource =
  { kind: 'none' } | { kind: 'inline'; text: string } | { kind: 'file'; path: string }

export interface Settings {
  /** Refold API key; '' only in a dry run without one. Already masked. */
  apiKey: string
  /** Event name, exact case. */
  event: string
  /** The linked accounts (customers) the event is for: a list, or every account of the org. */
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
  /** The idempotency_key input; undefined when the door generates the key. */
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

export function readSettings(core: InputReader): Settings {
  const input = (name: string): string => core.getInput(name).trim()

  // Masked before any validation can quote it or any debug line can print it.
  const apiKey = input(Inputs.ApiKey)
  if (apiKey) core.setSecret(apiKey)
  if (!fitsInHeader(apiKey)) {
    throw new InputError(
      Inputs.ApiKey,
      `Invalid input '${Inputs.ApiKey}': it contains characters an HTTP header cannot carry ` +
        '(a line break inside the secret?).'
    )
  }

  const dryRun = readBoolean(input, Inputs.DryRun)
  const accounts = parseAccounts(core.getInput(Inputs.LinkedAccountId))
  if (!apiKey && dryRun && accounts.kind === 'every') {
    throw new InputError(
      Inputs.ApiKey,
      `Missing input '${Inputs.ApiKey}': a dry run with ${Inputs.LinkedAccountId}: "*" lists the ` +
        `org's linked accounts, which needs the key; name the accounts to dry-run without it.`
    )
  }
  if (!apiKey && !dryRun) {
    throw new InputError(
      Inputs.ApiKey,
      `Missing input '${Inputs.ApiKey}': set it from a secret, e.g. api_key: \${{ secrets.REFOLD_API_KEY }}` +
        ' (secrets are empty on pull requests from forks: use dry_run there).'
    )
  }
  const event = required(input, Inputs.Event)
  const inlinePayload = core.getInput(Inputs.Payload)
  const payloadFile = input(Inputs.PayloadFile)
  if (inlinePayload.trim() && payloadFile) {
    throw new InputError(
      Inputs.PayloadFile,
      `Invalid inputs '${Inputs.Payload}' and '${Inputs.PayloadFile}': set one or the other, not both.`
    )
  }
  const configId = headerInput(input, Inputs.ConfigId)
  const slug = headerInput(input, Inputs.Slug)

  const settings: Settings = {
    apiKey,
    event,
    accounts,
    shard: parseShard(input(Inputs.Shard)),
    configId: configId || undefined,
    slug: slug || undefined,
    payload: inlinePayload.trim()
      ? { kind: 'inline', text: inlinePayload }
      : payloadFile
        ? { kind: 'file', path: payloadFile }
        : { kind: 'none' },
    githubContext: readGithubContextMode(input),
    baseUrl: readBaseUrl(input),
    timeoutMs: readSeconds(input, Inputs.Timeout, '30', TIMEOUT_RANGE),
    retries: readNumber(input, Inputs.Retries, '3', RETRIES_RANGE),
    failOnError: readBoolean(input, Inputs.FailOnError, true),
    idempotencyKey: headerInput(input, Inputs.IdempotencyKey) || undefined,
    dryRun,
    wait: readBoolean(input, Inputs.Wait),
    waitTimeoutMs: readSeconds(input, Inputs.WaitTimeout, '600', WAIT_TIMEOUT_RANGE),
    waitIntervalMs: readSeconds(input, Inputs.WaitInterval, '10', WAIT_INTERVAL_RANGE),
    waitSettleMs: readSeconds(input, Inputs.WaitSettle, '10', WAIT_SETTLE_RANGE),
    expectedWorkflows: input(Inputs.ExpectedWorkflows)
      ? readNumber(input, Inputs.ExpectedWorkflows, '', EXPECTED_WORKFLOWS_RANGE)
      : undefined,
    stopUnfinished: readBoolean(input, Inputs.StopUnfinished),
    preflight: readPreflightMode(input),
    summary: readBoolean(input, Inputs.Summary, true),
    rateLimit: readNumber(input, Inputs.RateLimit, '10', RATE_LIMIT_RANGE),
    concurrency: readNumber(input, Inputs.Concurrency, '5', CONCURRENCY_RANGE)
  }
  core.debug(`Settings: ${JSON.stringify({ ...settings, apiKey: apiKey ? '***' : '' })}`)
  return settings
}

type Read = (name: string) => string

/** The values a number input accepts; the error message is built from it. */
export interface NumberRange {
  min: number
  max: number
  /** Whole numbers only. */
  integer: boolean
  /** What the number counts, e.g. `seconds`; omitted for a plain number. */
  unit?: string
}

// The documented ranges (action.yml and README say the same). Every bound keeps the step finite:
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

/**
 * A number input's value checked against its range: plain decimal digits only (no sign, exponent,
 * hex or "Infinity", which Number() would take), within min and max.
 */
export function parseNumberInput(name: string, value: string, range: NumberRange): number {
  const pattern = range.integer ? /^\d+$/ : /^(?:\d+\.?\d*|\.\d+)$/
  const number = Number(value)
  if (!pattern.test(value) || number < range.min || number > range.max) {
    const kind = range.integer ? 'a whole number' : 'a number'
    const of = range.unit ? ` of ${range.unit}` : ''
    throw new InputError(
      name,
      `Invalid input '${name}': ${JSON.stringify(value)} is not ${kind}${of} from ${range.min} to ${range.max}.`
    )
  }
  return number
}

function required(input: Read, name: string): string {
  const value = input(name)
  if (!value) throw new InputError(name, `Missing input '${name}': it is required.`)
  return value
}

/** An input sent as a request header. */
function headerInput(input: Read, name: string): string {
  const value = input(name)
  if (!fitsInHeader(value)) {
    throw new InputError(
      name,
      `Invalid input '${name}': ${JSON.stringify(value)} contains characters an HTTP header cannot carry.`
    )
  }
  return value
}

// The values core.getBooleanInput accepts (YAML 1.2 core schema booleans); an empty input takes
// the default, as it does when a workflow runs the action outside action.yml's defaults.
const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']

function readBoolean(input: Read, name: string, fallback = false): boolean {
  const value = input(name)
  if (value === '') return fallback
  if (TRUE_VALUES.includes(value)) return true
  if (FALSE_VALUES.includes(value)) return false
  throw new InputError(
    name,
    `Invalid input '${name}': ${JSON.stringify(value)} is not true or false.`
  )
}

function readNumber(input: Read, name: string, fallback: string, range: NumberRange): number {
  return parseNumberInput(name, input(name) || fallback, range)
}

/** A seconds input, in milliseconds (rounded: 1.1 s is 1100 ms, not 1100.0000000000002). */
function readSeconds(input: Read, name: string, fallback: string, range: NumberRange): number {
  return Math.round(readNumber(input, name, fallback, range) * 1000)
}

const GITHUB_CONTEXT_MODES: readonly GithubContextMode[] = ['auto', 'always', 'never']

function readGithubContextMode(input: Read): GithubContextMode {
  const value = input(Inputs.GithubContext) || 'auto'
  const mode = GITHUB_CONTEXT_MODES.find(m => m === value)
  if (!mode) {
    throw new InputError(
      Inputs.GithubContext,
      `Invalid input '${Inputs.GithubContext}': ${JSON.stringify(value)} is not one of auto, always, never.`
    )
  }
  return mode
}

function readPreflightMode(input: Read): PreflightMode {
  const value = input(Inputs.Preflight) || 'auto'
  if (value === 'auto') return 'auto'
  if (TRUE_VALUES.includes(value)) return 'always'
  if (FALSE_VALUES.includes(value)) return 'never'
  throw new InputError(
    Inputs.Preflight,
    `Invalid input '${Inputs.Preflight}': ${JSON.stringify(value)} is not one of auto, true, false.`
  )
}

function readBaseUrl(input: Read): string {
  const value = input(Inputs.BaseUrl) || DEFAULT_BASE_URL
  const invalid = (problem: string): InputError =>
    new InputError(
      Inputs.BaseUrl,
      `Invalid input '${Inputs.BaseUrl}': ${JSON.stringify(withoutCredentials(value))} ${problem}`
    )
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
      `has credentials in it, which are not allowed; the key goes in '${Inputs.ApiKey}'.`
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
