// One run's triggers and waits, host-free: the accounts to fire for → one trigger each (→ the
// executions it started) → an Outcome value. Each account's trigger returns what happened, its
// wait returns what it saw, and accountResult folds the two once. It logs as it goes but decides
// nothing about exit codes: the doors do.
import { accountKey, compareCodePoints, shardSlice, type KeyRule } from './accounts.js'
import { pageAfter, type RefoldEvent } from './answers.js'
import type { RefoldClient, TriggerAnswer, TriggerParts } from './client.js'
import { CallFailed, NotStarted, RefoldApiError, WaitError, type AttemptRecord } from './errors.js'
import { closestEventsHint, hintFor, ORG_KEY_HINT } from './hints.js'
import { Inputs } from './names.js'
import type { Naming } from './naming.js'
import { printRequest, triggerRequest } from './request.js'
import { ABORTED, untilAborted, type Attempted, type Clock } from './retry.js'
import type { Settings } from './settings.js'
import { forLog } from './untrusted.js'
import {
  notWaited,
  waitBroke,
  waitForExecutions,
  type DurationsSeen,
  type ExecutionStatus,
  type WaitResult
} from './wait.js'

/** The slice of Settings the triggers and waits need. */
export type FireSettings = Pick<
  Settings,
  | 'apiKey'
  | 'baseUrl'
  | 'event'
  | 'configId'
  | 'slug'
  | 'idempotencyKey'
  | 'dryRun'
  | 'wait'
  | 'waitTimeoutMs'
  | 'waitIntervalMs'
  | 'waitSettleMs'
  | 'expectedWorkflows'
  | 'stopUnfinished'
  | 'preflight'
  | 'concurrency'
>

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
  /** Set when the trigger was never sent, or its answer never came: the reason. */
  notSent?: string
  wait?: WaitResult
}

export interface Log {
  info(line: string): void
  warning(line: string): void
  notice(line: string): void
}

/** Everything one run's triggers and waits share, passed as one value. */
export interface RunContext {
  settings: FireSettings
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
  /** Aborted when the run is cancelled: no new request starts. */
  signal: AbortSignal
  /** Aborted once a cancelled run has given its requests in flight their grace. */
  graceOver: AbortSignal
  /** The org's events list, read at most once per run. */
  events: () => Promise<Attempted<RefoldEvent[]>>
  /** How every account's Idempotency-Key is made. */
  keys: KeyRule
  /** The shared part of every account's instance_tag: unique per run attempt. */
  tagPrefix: string
  /** The payload, serialized once per run and shared by every account's trigger. */
  payloadJson: string
  /** How the door's user names each setting, for messages. */
  naming: Naming
  /** What the waits learn of workflow durations, shared so a fan-out polls little. */
  durations: DurationsSeen
  /** Failed-execution details the run may still read (the summary shows that many). */
  detailReads: { left: number }
}

/** What the triggers of a run produced. */
export interface Fired {
  results: AccountResult[]
  /** From the first trigger to the end of the last. */
  durationMs: number
}

const ACCOUNTS_PAGE_SIZE = 100
/** Pages of linked accounts read at most: 1,000 pages of 100 is far past any org's customers. */
const MAX_ACCOUNT_PAGES = 1000
const PROGRESS_EVERY_MS = 5000
/** Accounts a dry run names beside the request it prints; all are in the `results` output. */
const DRY_RUN_NAMED = 20
export const CANCELLED = 'cancelled'

/**
 * Triggers every account, `concurrency` accounts at a time (the client's limiter bounds the
 * requests themselves), until an org-wide refusal or a cancel leaves the rest not sent. With wait,
 * each accepted account starts waiting at once, and its result comes when the wait ends.
 */
export async function fireAll(ctx: RunContext, accounts: readonly string[]): Promise<Fired> {
  const progress = progressLine(accounts.length, ctx.clock, ctx.log)
  const results: Promise<AccountResult>[] = []
  const started = ctx.clock.now()
  let orgRefusal: string | undefined
  await inTurn(accounts, ctx.settings.concurrency, async (account, index) => {
    const key = accountKey(ctx.keys, account)
    const stop = orgRefusal ?? (ctx.signal.aborted ? CANCELLED : undefined)
    const trigger = stop ? notSent(stop) : await triggerOne(ctx, account, key)
    orgRefusal ??= orgWideRefusal(account, trigger)
    // What the trigger alone says, for the progress and the account's log line.
    const triggered = accountResult(account, key, trigger)
    progress(triggered)
    // A lone account's failure is the step's error line; no need to say it twice.
    if (trigger.kind !== 'not-sent' && (triggered.ok || accounts.length > 1)) {
      ctx.log.info(accountLine(ctx.settings.event, triggered))
    }
    results[index] = settle(ctx, account, key, trigger)
  })
  const durationMs = ctx.clock.now() - started
  return { results: await Promise.all(results), durationMs }
}

/** The account's result, once its wait (with wait) has seen what it saw. */
async function settle(
  ctx: RunContext,
  account: string,
  key: string,
  trigger: Trigger
): Promise<AccountResult> {
  if (!ctx.settings.wait) return accountResult(account, key, trigger)
  // An account whose trigger was not accepted had nothing to wait for: its status is NONE.
  const wait =
    trigger.kind === 'accepted'
      ? await waitOne(ctx, account, trigger.answer)
      : notWaited(ctx.settings)
  return accountResult(account, key, trigger, wait)
}

/** Every account's result in a dry run: nothing sent, and the request the first would get. */
export function dryRun(
  ctx: RunContext,
  accounts: readonly string[]
): { results: AccountResult[]; printedRequest: string } {
  const results = accounts.map(account =>
    accountResult(account, accountKey(ctx.keys, account), { kind: 'dry-run' })
  )
  const [first, ...others] = results
  const printed = printRequest(
    // The function the client sends with, so what a dry run shows cannot drift from what is sent.
    triggerRequest(ctx.settings, triggerParts(ctx, first.linkedAccountId, first.idempotencyKey))
  )
  if (!others.length) return { results, printedRequest: printed }
  const named = others
    .slice(0, DRY_RUN_NAMED)
    .map(result => result.linkedAccountId)
    .join(', ')
  const more = others.length > DRY_RUN_NAMED ? `, and ${others.length - DRY_RUN_NAMED} more` : ''
  return {
    results,
    printedRequest: `${printed}\n\nThe same for ${others.length} more linked accounts: ${named}${more}`
  }
}

/** Every account's result when none was sent, for `reason`. */
export function notSentAll(
  ctx: Pick<RunContext, 'keys'>,
  accounts: readonly string[],
  reason: string
): AccountResult[] {
  return accounts.map(account =>
    accountResult(account, accountKey(ctx.keys, account), notSent(reason))
  )
}

/** Every page of GET /linked-account, read before anything is fired; sorted by code point. */
export async function everyLinkedAccount(
  ctx: Pick<RunContext, 'client' | 'log' | 'naming' | 'signal' | 'graceOver'>
): Promise<string[]> {
  const every = `${ctx.naming.setting(Inputs.LinkedAccountId)} "*"`
  const accounts = new Set<string>()
  let page = 1
  let total: number | undefined
  const cancelled = (): Error =>
    new Error(`Cancelled while listing the org's linked accounts for ${every}: no event was fired.`)
  for (let read = 0; read < MAX_ACCOUNT_PAGES; read++) {
    if (ctx.signal.aborted) throw cancelled()
    let listed
    try {
      const answered = await untilAborted(
        ctx.client.listLinkedAccounts(page, ACCOUNTS_PAGE_SIZE),
        ctx.graceOver
      )
      if (answered === ABORTED) throw cancelled()
      listed = answered.value
    } catch (error) {
      if (ctx.signal.aborted) throw cancelled()
      throw new Error(
        `Could not list the org's linked accounts for ${every}, so no event was ` +
          `fired: ${(error as Error).message}${orgKeyHint(error)}`,
        { cause: error }
      )
    }
    for (const account of listed.accounts) accounts.add(account)
    total ??= listed.totalDocs
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
      `The org has no linked accounts, so ${every} names none and no event was fired.`
    )
  }
  if (total !== undefined && total !== accounts.size) {
    // A list that ends early (or says more than it holds) would fire some customers and not others.
    throw new Error(
      `The org's linked-account list contradicts itself: its pages say ${total} accounts in all ` +
        `(totalDocs) but ${accounts.size} were listed, so no event was fired. Try again, or name the accounts.`
    )
  }
  ctx.log.info(`Listed ${accounts.size} linked accounts of the org.`)
  return [...accounts].sort(compareCodePoints)
}

/** The accounts of this job's shard, in the order given. */
export function shardOf(accounts: readonly string[], shard: Settings['shard']): readonly string[] {
  return shard ? shardSlice(accounts, shard.index, shard.count) : accounts
}

/** What the trigger for one account did. */
type Trigger =
  | { kind: 'accepted'; answer: TriggerAnswer; attempts: AttemptRecord[]; durationMs: number }
  | { kind: 'refused'; error: CallFailed; hints: string[]; durationMs: number }
  /** Sent, but the run was cancelled before its answer came. */
  | { kind: 'unknown'; durationMs: number }
  | { kind: 'not-sent'; reason: string }
  | { kind: 'dry-run' }

/** Unique per run attempt and account, the same on every retry. */
function instanceTag(ctx: RunContext, account: string): string {
  return `${ctx.tagPrefix}/${encodeURIComponent(account)}`
}

function notSent(reason: string): Trigger {
  return { kind: 'not-sent', reason }
}

function triggerParts(ctx: RunContext, account: string, idempotencyKey: string): TriggerParts {
  const { event, configId, slug } = ctx.settings
  return {
    event,
    configId,
    slug,
    account,
    idempotencyKey,
    instanceTag: instanceTag(ctx, account),
    payloadJson: ctx.payloadJson
  }
}

/** The trigger for one account, retried as the policy allows, or cut short by a cancel. */
async function triggerOne(ctx: RunContext, account: string, key: string): Promise<Trigger> {
  const started = ctx.clock.now()
  const durationMs = (): number => ctx.clock.now() - started
  const sent = ctx.client.trigger(triggerParts(ctx, account, key), ctx.signal)
  // Past the grace the answer no longer matters; its late failure must not go unhandled.
  sent.catch(() => undefined)
  try {
    const answered = await untilAborted(sent, ctx.graceOver)
    if (answered === ABORTED) return { kind: 'unknown', durationMs: durationMs() }
    if (!answered.value.body.trim()) {
      ctx.log.warning(
        `Refold answered ${answered.value.status} with an empty body for ${account}: taken as accepted.`
      )
    }
    return { kind: 'accepted', ...answered, answer: answered.value, durationMs: durationMs() }
  } catch (error) {
    if (error instanceof NotStarted) {
      // Never sent, or sent before and its retry kept back: then nobody knows what Refold did.
      return error.attemptsBefore.length
        ? { kind: 'unknown', durationMs: durationMs() }
        : notSent(CANCELLED)
    }
    if (!(error instanceof CallFailed)) throw error
    const hints = error.last instanceof RefoldApiError ? await hintsFor(ctx, error.last) : []
    return { kind: 'refused', error, hints, durationMs: durationMs() }
  }
}

/** What to check after a refusal; after a 404 INVALID_EVENT, the closest event names too. */
async function hintsFor(ctx: RunContext, error: RefoldApiError): Promise<string[]> {
  const hints = [hintFor(error, ctx.settings.apiKey, ctx.naming)].filter(
    (hint): hint is string => !!hint
  )
  if (error.status === 404 && error.details.errorCode === 'INVALID_EVENT') {
    // Best effort and only after the failure: the happy path sends exactly one request.
    const names = await ctx.events().then(
      ({ value }) => value.map(event => event.name),
      () => []
    )
    const closest = closestEventsHint(ctx.settings.event, names)
    if (closest) hints.push(closest)
  }
  return hints
}

async function waitOne(
  ctx: RunContext,
  account: string,
  answer: TriggerAnswer
): Promise<WaitResult> {
  try {
    return await waitForExecutions(ctx, account, answer, instanceTag(ctx, account))
  } catch (error) {
    // The event was fired, so the outcome must still say so: a broken wait is a failed wait.
    return waitBroke(ctx.settings, error)
  }
}

/** One account's result, folded once from its trigger and, with wait, what the wait saw. */
export function accountResult(
  linkedAccountId: string,
  idempotencyKey: string,
  trigger: Trigger,
  wait?: WaitResult
): AccountResult {
  const base: AccountResult = {
    linkedAccountId,
    ok: false,
    statusCode: null,
    message: '',
    errorCode: null,
    httpErrorType: null,
    response: '',
    attempts: 0,
    idempotencyKey,
    executionStatus: wait?.status ?? null,
    attemptLog: [],
    durationMs: 0,
    hints: []
  }
  switch (trigger.kind) {
    case 'dry-run':
      return { ...base, ok: true, message: 'Dry run: nothing was sent' }
    case 'not-sent':
      return { ...base, message: `not sent: ${trigger.reason}`, notSent: trigger.reason }
    case 'unknown':
      return {
        ...base,
        message: `unknown: ${CANCELLED} in flight`,
        notSent: `${CANCELLED} in flight`,
        durationMs: trigger.durationMs
      }
    case 'refused': {
      const { error, hints } = trigger
      const api = error.last instanceof RefoldApiError ? error.last.details : undefined
      return {
        ...base,
        statusCode: api?.status ?? null,
        message: api?.refoldMessage ?? error.message,
        errorCode: api?.errorCode ?? null,
        httpErrorType: api?.httpErrorType ?? null,
        response: api?.body ?? '',
        attempts: error.attempts.length,
        attemptLog: error.attempts,
        durationMs: trigger.durationMs,
        hints,
        failure: hints.length ? error.withHint(hints.join(' ')) : error
      }
    }
    case 'accepted': {
      const { answer } = trigger
      const accepted: AccountResult = {
        ...base,
        ok: true,
        statusCode: answer.status,
        message: answer.message ?? '',
        response: answer.body,
        attempts: trigger.attempts.length,
        // A copy of exact size: the list grew by push, and its spare room would otherwise stay
        // with every account's result for the rest of the run (about 150 bytes each).
        attemptLog: [...trigger.attempts],
        durationMs: trigger.durationMs
      }
      if (!wait) return accepted
      return {
        ...accepted,
        wait,
        hints: wait.hint ? [wait.hint] : [],
        ...(wait.ok
          ? {}
          : { ok: false, message: wait.headline, failure: new WaitError(wait.headline) })
      }
    }
  }
}

/** A refusal that holds for every account of the org: firing the rest would only repeat it. */
function orgWideRefusal(account: string, trigger: Trigger): string | undefined {
  if (trigger.kind !== 'refused' || !(trigger.error.last instanceof RefoldApiError))
    return undefined
  const { status, details } = trigger.error.last
  if (status === 401) return `Refold refused the api key (HTTP 401) for ${account}`
  if (status === 404 && details.errorCode === 'INVALID_EVENT') {
    return `Refold does not know the event (HTTP 404 INVALID_EVENT) for ${account}`
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
function progressLine(total: number, clock: Clock, log: Log): (result: AccountResult) => void {
  const started = clock.now()
  let last = started
  let done = 0
  let accepted = 0
  return result => {
    done++
    if (result.ok) accepted++
    const now = clock.now()
    if (total < 2 || now - last < PROGRESS_EVERY_MS) return
    last = now
    const rate = done / ((now - started) / 1000)
    const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined
    log.info(
      `fired ${done}/${total} · ${accepted} accepted · ${done - accepted} failed · ` +
        `${rate.toFixed(1)}/s${left === undefined ? '' : ` · about ${left} s left`}`
    )
  }
}

/**
 * Calls `each` for every item, at most `limit` at a time, in order. Bounded on purpose: only the
 * accounts in progress hold memory, and an account not yet started can still be left unsent when
 * the run is cancelled or refused org-wide.
 */
async function inTurn<T>(
  items: readonly T[],
  limit: number,
  each: (item: T, index: number) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      await each(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
