// One run, host-free: the accounts to fire for → one trigger each (→ the executions they started)
// → an Outcome value. It logs as it goes but decides nothing about exit codes: the doors do.
import {
  accountKey,
  compareCodePoints,
  keyRule,
  sharedKey,
  shardSlice,
  type AccountSelection,
  type Shard
} from './accounts.js'
import { pageAfter, type RefoldEvent } from './answers.js'
import type { RefoldClient, TriggerAnswer } from './client.js'
import { CallFailed, RefoldApiError, WaitError, type AttemptRecord } from './errors.js'
import { closestEventNames, hintFor, ORG_KEY_HINT } from './hints.js'
import { printRequest, triggerRequest, type TriggerTarget } from './request.js'
import type { Attempted, Clock } from './retry.js'
import { forLog } from './untrusted.js'
import { waitBroke, waitForExecutions, type ExecutionStatus, type WaitResult } from './wait.js'

/** The slice of Settings one run needs. */
export interface FireSettings extends TriggerTarget {
  accounts: AccountSelection
  shard?: Shard
  /** The idempotency_key input; undefined when the key is generated. */
  idempotencyKey?: string
  dryRun: boolean
  wait: boolean
  waitTimeoutMs: number
  waitIntervalMs: number
  waitSettleMs: number
  expectedWorkflows?: number
  stopUnfinished: boolean
  /** Accounts in progress at once; the client's limiter bounds the requests themselves. */
  concurrency: number
}

/** How one linked account fared; the `results` output is made of these. */
export interface AccountResult {
  linkedAccountId: string
  ok: boolean
  statusCode: number | null
  message: string
  errorCode: string | null
  httpErrorType: string | null
  /** The last attempt's body (redacted and capped where it was read). */
  response: string
  attempts: number
  idempotencyKey: string
  executionStatus: ExecutionStatus | null
  /** Each attempt of the trigger, for the summary. */
  attemptLog: AttemptRecord[]
  durationMs: number
  /** Why it failed, hints included; undefined when ok. */
  failure?: Error
  /** What to check next, one sentence each. */
  hints: string[]
  /** Set when the trigger was never sent: the reason. */
  notSent?: string
  wait?: WaitResult
}

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
  /** With wait: the worst of every account's executions. */
  executionStatus?: ExecutionStatus
  /** Worth a notice, not a failure: an empty shard. */
  notice?: string
}

export interface Log {
  info(line: string): void
  warning(line: string): void
}

export interface FireDeps {
  client: Pick<
    RefoldClient,
    | 'trigger'
    | 'listEvents'
    | 'listExecutions'
    | 'getExecution'
    | 'stopExecution'
    | 'listLinkedAccounts'
  >
  clock: Clock
  log: Log
  /** The generated key's shared part: the action's run coordinates, the CLI's UUID. */
  keyBase: string
}

const ACCOUNTS_PAGE_SIZE = 100
/** Pages of linked accounts read at most: 1,000 pages of 100 is far past any org's customers. */
const MAX_ACCOUNT_PAGES = 1000
const PROGRESS_EVERY_MS = 5000
/** Accounts a dry run names beside the request it prints; all are in the `results` output. */
const DRY_RUN_NAMED = 20
/** Worst first: the order in which several accounts' execution statuses combine. */
const STATUS_ORDER: readonly ExecutionStatus[] = ['FAILED', 'TIMED_OUT', 'NONE', 'COMPLETED']

export async function fire(
  settings: FireSettings,
  payloadJson: string,
  deps: FireDeps
): Promise<Outcome> {
  const { clock, log } = deps
  const rule = keyRule(settings.idempotencyKey ?? '', deps.keyBase, settings.accounts)
  const outcome: Outcome = {
    event: settings.event,
    payloadJson,
    dryRun: settings.dryRun,
    results: [],
    ok: false,
    attempts: 0,
    durationMs: 0,
    idempotencyKey: sharedKey(rule)
  }
  if (settings.accounts.kind === 'list' && settings.accounts.duplicates.length) {
    log.warning(
      `These linked accounts are listed more than once and are fired once: ` +
        settings.accounts.duplicates.map(id => JSON.stringify(id)).join(', ')
    )
  }

  let accounts: string[]
  try {
    accounts = await accountsToFire(settings, deps)
  } catch (error) {
    outcome.failure = error as Error
    return outcome
  }
  const results = accounts.map(account => newResult(account, accountKey(rule, account)))
  outcome.results = results
  if (results.length === 1) outcome.idempotencyKey = results[0].idempotencyKey
  if (!results.length) {
    outcome.ok = true
    outcome.notice = `Shard ${settings.shard?.index}/${settings.shard?.count} holds no linked account: nothing to fire.`
    return outcome
  }

  if (settings.dryRun) {
    outcome.printedRequest = dryRunPrintout(settings, results, payloadJson)
    for (const result of results) {
      Object.assign(result, { ok: true, message: 'Dry run: nothing was sent' })
    }
    outcome.ok = true
    return outcome
  }

  const started = clock.now()
  const events = once(() => deps.client.listEvents())
  const waits = await triggerEach(results, settings, payloadJson, deps, events)
  outcome.durationMs = clock.now() - started
  if (settings.wait) {
    await Promise.all(waits)
    // An account whose trigger was refused or not sent had no execution to wait for.
    outcome.executionStatus = worstStatus(results.map(r => (r.executionStatus ??= 'NONE')))
  }
  outcome.attempts = results.reduce((sum, result) => sum + result.attempts, 0)
  outcome.ok = results.every(result => result.ok)
  return outcome
}

/**
 * Triggers every account, `concurrency` at a time, until an org-wide refusal leaves the rest not
 * sent. With wait, each accepted account starts waiting at once; the waits are returned.
 */
async function triggerEach(
  results: AccountResult[],
  settings: FireSettings,
  payloadJson: string,
  deps: FireDeps,
  events: () => Promise<Attempted<RefoldEvent[]>>
): Promise<Promise<void>[]> {
  const progress = progressLine(results.length, deps.clock, deps.log)
  const waits: Promise<void>[] = []
  let orgRefusal: string | undefined
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < results.length) {
      const result = results[next++]
      if (orgRefusal) {
        result.notSent = orgRefusal
        result.message = `not sent: ${orgRefusal}`
        continue
      }
      const answer = await triggerOne(result, settings, payloadJson, deps, events)
      orgRefusal ??= orgWideRefusal(result)
      // A lone account's failure is the step's error line; no need to say it twice.
      if (result.ok || results.length > 1) deps.log.info(accountLine(settings.event, result))
      progress(results)
      if (answer && settings.wait) waits.push(waitOne(result, answer, settings, deps, events))
    }
  }
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, results.length) }, worker))
  return waits
}

/** The request the first account would get, and the other accounts named (up to a bound). */
function dryRunPrintout(
  settings: FireSettings,
  results: readonly AccountResult[],
  payloadJson: string
): string {
  const [first, ...others] = results
  const printed = printRequest(
    triggerRequest(settings, first.linkedAccountId, first.idempotencyKey, payloadJson)
  )
  if (!others.length) return printed
  const named = others
    .slice(0, DRY_RUN_NAMED)
    .map(result => result.linkedAccountId)
    .join(', ')
  const more = others.length > DRY_RUN_NAMED ? `, and ${others.length - DRY_RUN_NAMED} more` : ''
  return `${printed}\n\nThe same for ${others.length} more linked accounts: ${named}${more}`
}

/** The accounts of this run: the list, or every account of the org, then this job's shard. */
async function accountsToFire(settings: FireSettings, deps: FireDeps): Promise<string[]> {
  const all =
    settings.accounts.kind === 'list' ? settings.accounts.accounts : await everyLinkedAccount(deps)
  return settings.shard ? shardSlice(all, settings.shard.index, settings.shard.count) : all
}

/** Every page of GET /linked-account, read before anything is fired; sorted by code point. */
async function everyLinkedAccount(deps: FireDeps): Promise<string[]> {
  const accounts = new Set<string>()
  let page = 1
  for (let read = 0; read < MAX_ACCOUNT_PAGES; read++) {
    let listed
    try {
      listed = (await deps.client.listLinkedAccounts(page, ACCOUNTS_PAGE_SIZE)).value
    } catch (error) {
      throw new Error(
        `Could not list the org's linked accounts for linked_account_id "*", so no event was ` +
          `fired: ${(error as Error).message}${orgKeyHint(error)}`,
        { cause: error }
      )
    }
    for (const account of listed.accounts) accounts.add(account)
    if (!listed.hasNextPage) break
    if (read + 1 === MAX_ACCOUNT_PAGES) {
      // Firing a partial list would look like a success for accounts that were never named.
      throw new Error(
        `The org's linked accounts did not end within ${MAX_ACCOUNT_PAGES} pages of ` +
          `${ACCOUNTS_PAGE_SIZE}, so no event was fired; name the accounts instead of "*".`
      )
    }
    page = pageAfter(page, listed)
  }
  if (!accounts.size) {
    throw new Error(
      'The org has no linked accounts, so linked_account_id "*" names none and no event was fired.'
    )
  }
  deps.log.info(`Listed ${accounts.size} linked accounts of the org.`)
  return [...accounts].sort(compareCodePoints)
}

/** The trigger for one account, retried as the policy allows; fills in `result`. */
async function triggerOne(
  result: AccountResult,
  settings: FireSettings,
  payloadJson: string,
  deps: FireDeps,
  events: () => Promise<Attempted<RefoldEvent[]>>
): Promise<TriggerAnswer | undefined> {
  const started = deps.clock.now()
  const request = triggerRequest(
    settings,
    result.linkedAccountId,
    result.idempotencyKey,
    payloadJson
  )
  try {
    const { value: answer, attempts } = await deps.client.trigger(request, settings.event)
    Object.assign(result, {
      ok: true,
      statusCode: answer.status,
      message: answer.message ?? '',
      response: answer.body,
      attempts: attempts.length,
      attemptLog: attempts
    })
    return answer
  } catch (error) {
    if (!(error instanceof CallFailed)) throw error
    const { last } = error
    const api = last instanceof RefoldApiError ? last.details : undefined
    const hints = api ? await hintsFor(last as RefoldApiError, settings, events) : []
    Object.assign(result, {
      statusCode: api?.status ?? null,
      message: api?.refoldMessage ?? error.message,
      errorCode: api?.errorCode ?? null,
      httpErrorType: api?.httpErrorType ?? null,
      response: api?.body ?? '',
      attempts: error.attempts.length,
      attemptLog: error.attempts,
      hints,
      failure: hints.length ? error.withHint(hints.join(' ')) : error
    })
    return undefined
  } finally {
    result.durationMs = deps.clock.now() - started
  }
}

/** What to check after a refusal; after a 404 INVALID_EVENT, the closest event names too. */
async function hintsFor(
  error: RefoldApiError,
  settings: FireSettings,
  events: () => Promise<Attempted<RefoldEvent[]>>
): Promise<string[]> {
  const hints = [hintFor(error, settings.apiKey)].filter((hint): hint is string => !!hint)
  if (error.status === 404 && error.details.errorCode === 'INVALID_EVENT') {
    // Best effort and only after the failure: the happy path sends exactly one request.
    const names = await events().then(
      ({ value }) => value.map(event => event.name),
      () => []
    )
    const closest = closestEventNames(settings.event, names)
    if (closest.length) {
      hints.push(`Closest event names: ${closest.map(name => JSON.stringify(name)).join(', ')}.`)
    }
  }
  return hints
}

async function waitOne(
  result: AccountResult,
  answer: TriggerAnswer,
  settings: FireSettings,
  deps: FireDeps,
  events: () => Promise<Attempted<RefoldEvent[]>>
): Promise<void> {
  let wait: WaitResult
  try {
    wait = await waitForExecutions(
      {
        client: deps.client,
        settings,
        events,
        clock: deps.clock,
        log: deps.log,
        signal: new AbortController().signal
      },
      result.linkedAccountId,
      answer,
      ''
    )
  } catch (error) {
    // The event was fired, so the outcome must still say so: a broken wait is a failed wait.
    wait = waitBroke(settings, error)
  }
  result.wait = wait
  result.executionStatus = wait.status
  if (wait.hint) result.hints.push(wait.hint)
  if (!wait.ok) {
    result.ok = false
    result.message = wait.headline
    result.failure = new WaitError(wait.headline)
  }
}

/** A refusal that holds for every account of the org: firing the rest would only repeat it. */
function orgWideRefusal(result: AccountResult): string | undefined {
  if (result.statusCode === 401)
    return `Refold refused the api key (HTTP 401) for ${result.linkedAccountId}`
  if (result.statusCode === 404 && result.errorCode === 'INVALID_EVENT') {
    return `Refold does not know the event (HTTP 404 INVALID_EVENT) for ${result.linkedAccountId}`
  }
  return undefined
}

function orgKeyHint(error: unknown): string {
  const last = error instanceof CallFailed ? error.last : undefined
  return last instanceof RefoldApiError && last.status === 401 ? `. ${ORG_KEY_HINT}` : ''
}

/** One log line per account as it finishes. */
function accountLine(event: string, result: AccountResult): string {
  const tries = `${result.attempts} attempt${result.attempts === 1 ? '' : 's'}, ${result.durationMs} ms`
  if (result.ok) {
    return (
      `Refold accepted event "${event}" for ${result.linkedAccountId} ` +
      `(HTTP ${result.statusCode} after ${tries})` +
      (result.message ? `: ${forLog(result.message)}` : '')
    )
  }
  return `Refold did not accept event "${event}" for ${result.linkedAccountId} (${tries}): ${forLog(result.failure?.message ?? result.message)}`
}

/** For long runs, a line at most every 5 s: how many fired, accepted, failed, the rate, time left. */
function progressLine(
  total: number,
  clock: Clock,
  log: Log
): (results: readonly AccountResult[]) => void {
  const started = clock.now()
  let last = started
  return results => {
    const now = clock.now()
    if (total < 2 || now - last < PROGRESS_EVERY_MS) return
    last = now
    const done = results.filter(r => r.attempts > 0 || r.notSent)
    const accepted = done.filter(r => r.ok).length
    const rate = done.length / ((now - started) / 1000)
    const left = rate > 0 ? Math.ceil((total - done.length) / rate) : undefined
    log.info(
      `fired ${done.length}/${total} · ${accepted} accepted · ${done.length - accepted} failed · ` +
        `${rate.toFixed(1)}/s${left === undefined ? '' : ` · about ${left} s left`}`
    )
  }
}

/** The worst of several accounts' statuses: FAILED, then TIMED_OUT, then NONE, then COMPLETED. */
function worstStatus(statuses: readonly ExecutionStatus[]): ExecutionStatus {
  return STATUS_ORDER.find(status => statuses.includes(status)) ?? 'NONE'
}

function newResult(linkedAccountId: string, idempotencyKey: string): AccountResult {
  return {
    linkedAccountId,
    ok: false,
    statusCode: null,
    message: '',
    errorCode: null,
    httpErrorType: null,
    response: '',
    attempts: 0,
    idempotencyKey,
    executionStatus: null,
    attemptLog: [],
    durationMs: 0,
    hints: []
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined
  return () => (made ??= make())
}
