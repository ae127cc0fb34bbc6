// The run's sequence, written once for every door: settings → payload → accounts → triggers
// (→ waits) → one Outcome value. A door reads its inputs into Settings, hands in its host (clock,
// log, signal, naming) and renders the Outcome; nothing here decides an exit code.
import { keyRule, readAccountFile, sharedKey, type AccountSelection } from './accounts.js'
import { clientForRun } from './client.js'
import {
  dryRun,
  everyLinkedAccount,
  fireAll,
  notSentAll,
  shardOf,
  type AccountResult,
  type Log,
  type RunContext
} from './fire.js'
import type { ProxyEnv } from './http.js'
import type { Naming } from './naming.js'
import { buildPayload } from './payload.js'
import { checkBeforeFiring, type PreflightStatus } from './preflight.js'
import { writeResultsFile } from './results-file.js'
import type { Clock } from './retry.js'
import type { Settings } from './settings.js'
import { DurationsSeen, MAX_DETAILS, type Correlation, type ExecutionStatus } from './wait.js'

export interface Outcome {
  event: string
  payloadJson: string
  dryRun: boolean
  /** A dry run's request, as it would be sent to the first account. */
  printedRequest?: string
  results: AccountResult[]
  /** Every account ok (and, with wait, every execution completed), and nothing failed before. */
  ok: boolean
  /** Trigger attempts of all accounts. */
  attempts: number
  /** From the first trigger to the end of the last. */
  durationMs: number
  /** The key sent, or with several accounts the part they share. */
  idempotencyKey: string
  /** A failure before any event was fired: the account list could not be read, or was empty. */
  failure?: Error
  /** With wait: the worst of every account's executions, or CANCELLED. */
  executionStatus?: ExecutionStatus
  /** With wait: which rules matched executions to their triggers. */
  correlation?: Correlation
  /** The run was cancelled (a signal, or the library's abort) before it ended. */
  cancelled: boolean
  /** Worth a notice, not a failure: an empty shard, a resume with nothing left to fire. */
  notice?: string
  /** The JSON Lines file holding every account's result, when one was written. */
  resultsFile?: string
  /** What the check before firing found. */
  preflight: PreflightStatus
}

/** What a door hands the core: its capabilities and its words. */
export interface RunHost {
  clock: Clock
  log: Log
  /** Aborting it cancels the run as SIGINT does: no new request, a record of what happened. */
  signal?: AbortSignal
  /** HTTPS_PROXY, HTTP_PROXY and NO_PROXY as the host has them (an empty object: no proxy). */
  proxyEnv: ProxyEnv
  naming: Naming
  /** Where relative file paths are resolved from (the workspace on a runner). */
  baseDir: string
  /** The GitHub context summary, for the action; other doors have none. */
  githubSummary?: () => Promise<object>
  /** The generated Idempotency-Key's shared part: the run's coordinates, or a UUID. */
  keyPrefix: string
  /** The shared part of every instance_tag: unique per run attempt. */
  tagPrefix: string
  /** Where to write every account's result as JSON Lines; no file when undefined. */
  resultsFile?: ResultsFileRequest
  /** The Refold client to use instead of the one the settings make (a test's stub). */
  client?: RunContext['client']
}

export interface ResultsFileRequest {
  path: string
  /** The action writes one only for several accounts; the CLI whenever asked. */
  severalOnly: boolean
}

/** How long requests in flight may still answer after a cancel. */
const CANCEL_GRACE_MS = 2000
/** Worst first: the order in which several accounts' execution statuses combine. */
const STATUS_ORDER: readonly ExecutionStatus[] = ['FAILED', 'TIMED_OUT', 'NONE', 'COMPLETED']

/**
 * One run. Input errors (a payload or accounts file that cannot be used) are thrown as InputError
 * before anything is sent; everything after that is in the Outcome.
 */
export async function run(settings: Settings, host: RunHost): Promise<Outcome> {
  const outcome = await fireRun(settings, host)
  const file = host.resultsFile
  if (!file || (file.severalOnly && outcome.results.length < 2)) return outcome
  try {
    await writeResultsFile(file.path, outcome.results)
  } catch (error) {
    host.log.warning(`Could not write the results file ${file.path}: ${(error as Error).message}`)
    return outcome
  }
  return { ...outcome, resultsFile: file.path }
}

async function fireRun(settings: Settings, host: RunHost): Promise<Outcome> {
  const { clock, log, naming } = host
  const payload = await buildPayload(settings, {
    baseDir: host.baseDir,
    githubSummary: host.githubSummary ?? (async () => ({})),
    naming
  })
  const payloadJson = JSON.stringify(payload)
  const selection = await resolveSelection(settings.accounts, host)
  const signal = host.signal ?? new AbortController().signal
  const keys = keyRule(settings.idempotencyKey ?? '', host.keyPrefix, selection.accounts)
  const client =
    host.client ??
    clientForRun(settings, { proxyEnv: host.proxyEnv, clock, onRetry: line => log.warning(line) })
  const ctx: RunContext = {
    settings,
    client,
    clock,
    log,
    signal,
    graceOver: graceAfterAbort(signal, clock),
    events: once(() => client.listEvents()),
    keys,
    tagPrefix: host.tagPrefix,
    payloadJson,
    naming,
    durations: new DurationsSeen(),
    detailReads: { left: MAX_DETAILS }
  }
  const listed = selection.accounts
  if (listed.kind === 'list' && listed.duplicates.length) {
    log.warning(
      `These linked accounts are listed more than once and are fired once: ` +
        listed.duplicates.map(id => JSON.stringify(id)).join(', ')
    )
  }
  const checked = await checkBeforeFiring(ctx, listed, payload)
  const outcome: Outcome = {
    event: settings.event,
    payloadJson,
    dryRun: settings.dryRun,
    results: [],
    ok: false,
    attempts: 0,
    durationMs: 0,
    idempotencyKey: sharedKey(keys),
    cancelled: false,
    preflight: checked.status
  }
  if (checked.failure) {
    // Named accounts keep their place in the results, not sent; "*" was never listed.
    const named = listed.kind === 'list' ? shardOf(listed.accounts, settings.shard) : []
    return { ...outcome, failure: checked.failure, results: notSentAll(ctx, named, CHECK_FAILED) }
  }

  let everyAccount: readonly string[]
  try {
    everyAccount = listed.kind === 'list' ? listed.accounts : await everyLinkedAccount(ctx)
  } catch (error) {
    return { ...outcome, failure: error as Error, cancelled: signal.aborted }
  }
  const accounts = shardOf(everyAccount, settings.shard)
  if (!accounts.length) {
    const notice =
      selection.notice ??
      `Shard ${settings.shard?.index}/${settings.shard?.count} holds no linked account: nothing to fire.`
    return { ...outcome, ok: true, notice }
  }

  if (settings.dryRun) {
    const { results, printedRequest } = dryRun(ctx, accounts)
    log.info(`Dry run: this request would be sent (nothing was sent):\n${printedRequest}`)
    return { ...outcome, ...single(results), results, printedRequest, ok: true }
  }

  const { results, durationMs } = await fireAll(ctx, accounts)
  const cancelled = signal.aborted
  return {
    ...outcome,
    ...single(results),
    results,
    durationMs,
    attempts: results.reduce((sum, result) => sum + result.attempts, 0),
    ok: !cancelled && results.every(result => result.ok),
    cancelled,
    ...(settings.wait ? waitSummary(results, cancelled) : {})
  }
}

/** What a failed check leaves each named account. */
const CHECK_FAILED = 'the check before firing failed'

/** With one account, the key sent is that account's whole key. */
function single(results: readonly AccountResult[]): { idempotencyKey?: string } {
  return results.length === 1 ? { idempotencyKey: results[0].idempotencyKey } : {}
}

/** The accounts file read into a list (or, for a results file, the accounts left to fire). */
async function resolveSelection(
  selection: AccountSelection,
  host: Pick<RunHost, 'baseDir' | 'naming'>
): Promise<{ accounts: Exclude<AccountSelection, { kind: 'file' }>; notice?: string }> {
  if (selection.kind !== 'file') return { accounts: selection }
  return readAccountFile(host.baseDir, selection.path, host.naming)
}

/** Every account's executions combined: the worst status, and which rules matched them. */
function waitSummary(
  results: readonly AccountResult[],
  cancelled: boolean
): Pick<Outcome, 'executionStatus' | 'correlation'> {
  // An account whose trigger was refused or not sent had no execution to wait for.
  const statuses = results.map(result => result.executionStatus ?? 'NONE')
  const rules = new Set(results.flatMap(result => result.wait?.correlation?.split('+') ?? []))
  const correlation = rules.size ? ([...rules].sort().join('+') as Correlation) : undefined
  return {
    executionStatus: cancelled
      ? 'CANCELLED'
      : (STATUS_ORDER.find(status => statuses.includes(status)) ?? 'NONE'),
    ...(correlation ? { correlation } : {})
  }
}

/** Aborted CANCEL_GRACE_MS after `signal` aborts; never when it does not. */
function graceAfterAbort(signal: AbortSignal, clock: Clock): AbortSignal {
  const grace = new AbortController()
  const start = (): void => void clock.sleep(CANCEL_GRACE_MS).then(() => grace.abort())
  if (signal.aborted) start()
  else signal.addEventListener('abort', start, { once: true })
  return grace.signal
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined
  return () => (made ??= make())
}
