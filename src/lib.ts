// The library door: `import { fire } from 'refold-trigger'`. Typed options in camelCase, with the
// inputs' defaults, units (seconds) and rules, into the core's one run; the typed Outcome back.
// A bad option rejects the call before anything is sent; Refold's refusals are in the Outcome.
import { randomUUID } from 'node:crypto'
import { InputError } from './core/errors.js'
import { Inputs } from './core/names.js'
import { libraryNaming, optionName, type InputName } from './core/naming.js'
import { systemClock } from './core/retry.js'
import type { Log } from './core/fire.js'
import { run, type Outcome } from './core/run.js'
import { readSettings } from './core/settings.js'

export type { Outcome } from './core/run.js'
export type { AccountResult } from './core/fire.js'
export type { ExecutionStatus, ExecutionSummary, WaitResult } from './core/wait.js'
export { InputError } from './core/errors.js'

export interface FireOptions {
  /** Refold API key (production keys start with pk, test keys with tk). Required unless dryRun. */
  apiKey?: string
  /** The event's name, exact case. */
  event: string
  /** The linked accounts to fire for, or '*' for every linked account of the org. */
  linkedAccounts?: readonly string[] | '*'
  /** A file of linked account ids (one per line), or an earlier run's .jsonl results to resume. */
  linkedAccountFile?: string
  /** The payload object; or JSON/YAML text. */
  payload?: Record<string, unknown> | string
  /** A .json, .yml or .yaml file holding the payload, relative to the current directory. */
  payloadFile?: string
  configId?: string
  /** Only that app's workflows run. */
  slug?: string
  /** API origin; default https://api.gocobalt.io. */
  baseUrl?: string
  /** Seconds allowed for one HTTP attempt (1–600, default 30). */
  timeout?: number
  /** Retries after the first attempt (0–10, default 3). */
  retries?: number
  /** Default: `<UUID>/<account>`, the UUID drawn once per call. */
  idempotencyKey?: string
  /** Build and check, send nothing. */
  dryRun?: boolean
  /** Wait for the workflow executions the event started; `outcome.ok` then gates on them. */
  wait?: boolean
  /** Seconds (1–21600, default 600). */
  waitTimeout?: number
  /** Longest gap between polls in seconds (1–300, default 10). */
  waitInterval?: number
  /** Seconds after a trigger before its verdict (0–300, default 10). */
  waitSettle?: number
  /** Executions each trigger starts; the gate waits for that many. */
  expectedWorkflows?: number
  /** Stop the matched executions still running when cancelled or timed out. */
  stopUnfinished?: boolean
  /** Requests per second (0.1–1000, default 10). */
  rateLimit?: number
  /** Requests in flight (1–20, default 5). */
  concurrency?: number
  /** `i/n`: only the i-th of n slices of the accounts. */
  shard?: string
  /** Check the event and the payload before firing: 'auto' (default), true, false. */
  preflight?: 'auto' | boolean
  /** Aborting it cancels the run as SIGINT does for the CLI: no new request, the Outcome so far. */
  signal?: AbortSignal
  /** Where the run's log lines go; default nowhere. */
  log?: Partial<Log>
}

/** The settings a library call has no say in: there is no GitHub context and no job summary. */
const FIXED: Partial<Record<InputName, unknown>> = {
  [Inputs.GithubContext]: 'never',
  [Inputs.Summary]: false,
  [Inputs.FailOnError]: true
}
const NOT_OPTIONS = new Set<string>(['signal', 'log'])
const OPTION_NAMES = new Set(
  Object.values(Inputs)
    .filter(input => !(input in FIXED))
    .map(optionName)
)

export async function fire(options: FireOptions): Promise<Outcome> {
  if (typeof options !== 'object' || options === null) {
    throw new InputError(
      'options',
      'Invalid options: expected an object such as { event, linkedAccounts }.'
    )
  }
  // A misspelt option would otherwise be dropped silently and its default used.
  const unknown = Object.keys(options).filter(
    name => !OPTION_NAMES.has(name) && !NOT_OPTIONS.has(name)
  )
  if (unknown.length) {
    throw new InputError(
      unknown[0],
      `Unknown option ${unknown.map(name => `options.${name}`).join(', ')}; the options are ` +
        `${[...OPTION_NAMES, ...NOT_OPTIONS].join(', ')}.`
    )
  }
  const given = options as unknown as Record<string, unknown>
  const settings = readSettings(
    { read: input => (input in FIXED ? FIXED[input] : given[optionName(input)]) },
    libraryNaming
  )
  const quiet = (): void => {}
  const uuid = randomUUID()
  return run(settings, {
    clock: systemClock,
    log: {
      info: options.log?.info ?? quiet,
      warning: options.log?.warning ?? quiet,
      notice: options.log?.notice ?? quiet
    },
    signal: options.signal,
    proxyEnv: process.env,
    naming: libraryNaming,
    baseDir: process.cwd(),
    keyPrefix: uuid,
    tagPrefix: uuid
  })
}
