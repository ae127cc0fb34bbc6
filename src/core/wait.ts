// Waiting for the workflow executions an accepted event started. The trigger answer names no
// execution, so they are found by correlation: same event id, created at or after the answer's
// Date (the server's clock), same config when one was given. Best effort by nature; see README.
import { pageAfter, type Execution, type RefoldEvent } from './answers.js'
import type { ExecutionQuery, RefoldClient, TriggerAnswer } from './client.js'
import { CallFailed, RefoldApiError } from './errors.js'
import { ORG_KEY_HINT } from './hints.js'
import type { Attempted, Clock } from './retry.js'
import type { Settings } from './settings.js'
import { forLog } from './untrusted.js'

export type ExecutionStatus = 'COMPLETED' | 'FAILED' | 'TIMED_OUT' | 'NONE'

/** One execution as the `executions` output lists it. */
export interface ExecutionSummary {
  id: string
  /** `associated_workflow.name`, else the execution's own name. */
  workflow: string
  status: string
  created_at: string
  /** Not in the output; shown in the job summary. */
  finished_at?: string
  /** `created_at` to `finished_at`, when both are known. Not in the output. */
  durationMs?: number
}

/** What `GET /execution/{id}` told about a failed execution, for the job summary. */
export interface FailedExecution {
  id: string
  /** As in ExecutionSummary. */
  workflow: string
  /** The detail's own name, status and error text, each when it has one. */
  name?: string
  status?: string
  error?: string
  /** The first node that failed, with its error when it carries one. */
  failedNode?: { name: string; error?: string }
}

export interface WaitResult {
  /** Every execution seen completed, and the wait ran to its end. */
  ok: boolean
  status: ExecutionStatus
  /** Oldest first. */
  executions: ExecutionSummary[]
  /** One line for the log, the summary heading and, on failure, the error. */
  headline: string
  /** From the start of the wait (the trigger's answer) to its verdict, on the run's clock. */
  durationMs: number
  /** The detail of up to 5 failed executions; one whose detail could not be read is left out. */
  details: FailedExecution[]
  /** What the author should check, when a list call was refused in a way a setting can fix. */
  hint?: string
  /** Polls of the executions list (each reads every page). */
  polls: number
  /** HTTP requests the wait made: every page, detail and retry; the events list is not counted. */
  requests: number
}

const IN_PROGRESS = new Set(['RUNNING', 'QUEUED', 'STOPPING'])
const SUCCEEDED = new Set(['COMPLETED', 'DUPLICATE'])
const PAGE_SIZE = 50
/** Pages are read newest first, so if this bound is ever hit, what is dropped is the oldest. */
const MAX_PAGES = 20
/** Most workflows are short: look soon, then back off to `wait_interval`. */
const FIRST_POLL_MS = 1000
/** After everything seen finished, the poll that makes sure no other execution is starting. */
const CONFIRM_POLL_MS = 2000
/** `start_date` is this much before t0, so a server clock a little behind ours still lists them. */
const START_DATE_MARGIN_MS = 60_000
const MAX_DETAILS = 5

type WaitSettings = Pick<
  Settings,
  'event' | 'configId' | 'slug' | 'waitTimeoutMs' | 'waitIntervalMs'
>

type WaitClient = Pick<RefoldClient, 'listExecutions' | 'getExecution'>

/** Requests made, counted from every call's attempts, failed calls included. */
interface Tally {
  polls: number
  requests: number
}

/**
 * Waits for the executions the trigger for `account` started. `events` is the org's events list,
 * read once per run however many accounts wait. Polls come 1 s after the trigger, then 2, 4, 8 …
 * s apart up to `wait_interval`; once everything seen finished, one more poll `min(2 s,
 * wait_interval)` later makes sure no other execution started.
 */
export async function waitForExecutions(
  client: WaitClient,
  settings: WaitSettings,
  account: string,
  answer: Pick<TriggerAnswer, 'headers'>,
  events: () => Promise<Attempted<RefoldEvent[]>>,
  clock: Clock,
  log: { info(line: string): void }
): Promise<WaitResult> {
  const started = clock.now()
  const deadline = started + settings.waitTimeoutMs
  // The server's clock, so a runner whose clock drifts still ignores older executions.
  const serverDate = Date.parse(String(answer.headers.date ?? ''))
  const since = Number.isNaN(serverDate) ? started - 1000 : serverDate
  const seen = new Map<string, ExecutionSummary>()
  const tally: Tally = { polls: 0, requests: 0 }
  const verdict = async (
    status: ExecutionStatus,
    reason?: string,
    hint?: string
  ): Promise<WaitResult> => {
    const durationMs = clock.now() - started
    const executions = [...seen.values()].sort(
      (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at)
    )
    const details = await readFailures(client, account, executions, tally, log)
    const result = describe(status, executions, settings, reason)
    return { ...result, durationMs, details, ...(hint ? { hint } : {}), ...tally }
  }

  let eventId: string
  try {
    const event = (await events()).value.find(e => e.name === settings.event)
    if (!event) {
      return verdict(
        'NONE',
        `event "${settings.event}" is not in the events list, so its executions cannot be found`
      )
    }
    eventId = event._id
  } catch (error) {
    const hint = orgKeyHint(error)
    return verdict('NONE', `could not look up the event's id: ${failureText(error, hint)}`, hint)
  }
  log.info(
    `Waiting up to ${settings.waitTimeoutMs / 1000} s for the workflow executions of "${settings.event}" ` +
      `(polling from 1 s after the trigger, backing off to every ${settings.waitIntervalMs / 1000} s)`
  )

  let startDate: string | undefined = new Date(since - START_DATE_MARGIN_MS).toISOString()
  /** Refold may not take start_date as the spec defines it: then list without it. */
  const poll = async (): Promise<Execution[]> => {
    tally.polls++
    try {
      return await listSince(client, account, { startDate, slug: settings.slug }, tally)
    } catch (error) {
      if (startDate === undefined || !isQueryRefusal(error)) throw error
      log.info(
        `Refold refused the executions query with start_date (HTTP ${error.last.status}); ` +
          'polling without it for the rest of the wait'
      )
      startDate = undefined
      tally.polls++
      return await listSince(client, account, { slug: settings.slug }, tally)
    }
  }

  const interval = settings.waitIntervalMs
  let backoff = Math.min(FIRST_POLL_MS, interval)
  let pause = backoff
  let settledPolls = 0
  for (;;) {
    await clock.sleep(Math.max(0, Math.min(pause, deadline - clock.now())))
    let executions: Execution[]
    try {
      executions = await poll()
    } catch (error) {
      const hint = orgKeyHint(error)
      return verdict(
        statusOf(seen),
        `could not poll the executions: ${failureText(error, hint)}`,
        hint
      )
    }
    const before = seen.size
    for (const execution of executions) {
      if (!belongsToEvent(execution, eventId, since, settings.configId)) continue
      const summary = summarize(execution)
      if (seen.get(summary.id)?.status !== summary.status) {
        log.info(
          `Execution ${forLog(summary.id)} (${forLog(summary.workflow)}): ${forLog(summary.status)}`
        )
      }
      seen.set(summary.id, summary)
    }
    const allFinished = seen.size > 0 && [...seen.values()].every(e => !IN_PROGRESS.has(e.status))
    // Finished only when one more poll after everything finished shows no new execution, since
    // workflows of one event can start a little apart.
    settledPolls = allFinished && seen.size === before ? settledPolls + 1 : allFinished ? 1 : 0
    if (settledPolls >= 2) return verdict(statusOf(seen))
    if (clock.now() >= deadline) return verdict(statusOf(seen))
    if (settledPolls === 1) {
      pause = Math.min(CONFIRM_POLL_MS, interval)
    } else {
      backoff = Math.min(backoff * 2, interval)
      pause = backoff
    }
  }
}

/** The wait's result when there was nothing to wait for: the event was not accepted. */
export function notWaited(settings: Pick<Settings, 'event'>): WaitResult {
  return {
    ok: false,
    status: 'NONE',
    executions: [],
    headline: `Event "${settings.event}" was not accepted, so no execution was waited for`,
    durationMs: 0,
    details: [],
    polls: 0,
    requests: 0
  }
}

/** The wait's result when it broke on a bug: the event was fired, so the outputs still say so. */
export function waitBroke(settings: Pick<Settings, 'event'>, error: unknown): WaitResult {
  return {
    ...notWaited(settings),
    headline:
      `Event "${settings.event}": stopped waiting for its executions: ` +
      `unexpected error: ${failureText(error)}`
  }
}

/** FAILED wins over everything; then nothing seen, still running, or all succeeded. */
function statusOf(seen: Map<string, ExecutionSummary>): ExecutionStatus {
  const all = [...seen.values()]
  if (all.some(e => isFailed(e.status))) return 'FAILED'
  if (!all.length) return 'NONE'
  return all.some(e => IN_PROGRESS.has(e.status)) ? 'TIMED_OUT' : 'COMPLETED'
}

/** Every execution the query lists, newest first, page after page. */
async function listSince(
  client: WaitClient,
  account: string,
  query: Pick<ExecutionQuery, 'startDate' | 'slug'>,
  tally: Tally
): Promise<Execution[]> {
  const executions: Execution[] = []
  let page = 1
  for (let read = 0; read < MAX_PAGES; read++) {
    const result = await counted(
      tally,
      client.listExecutions(account, { page, limit: PAGE_SIZE, ...query })
    )
    executions.push(...result.docs)
    if (!result.hasNextPage) break
    page = pageAfter(page, result)
  }
  return executions
}

async function counted<T>(tally: Tally, call: Promise<Attempted<T>>): Promise<T> {
  try {
    const { value, attempts } = await call
    tally.requests += attempts.length
    return value
  } catch (error) {
    if (error instanceof CallFailed) tally.requests += error.attempts.length
    throw error
  }
}

/** A 400 or 422 to the executions query: the server does not take its `start_date`. */
function isQueryRefusal(error: unknown): error is CallFailed & { last: RefoldApiError } {
  return (
    error instanceof CallFailed &&
    error.last instanceof RefoldApiError &&
    [400, 422].includes(error.last.status)
  )
}

/** On a 401 from a list, the likely cause: a key that may fire events but not list. */
function orgKeyHint(error: unknown): string | undefined {
  return error instanceof CallFailed &&
    error.last instanceof RefoldApiError &&
    error.last.status === 401
    ? ORG_KEY_HINT
    : undefined
}

/**
 * What the detail of each failed execution (the first few) tells. Best effort: a detail that
 * cannot be read is logged and left out, and changes nothing else.
 */
async function readFailures(
  client: WaitClient,
  account: string,
  executions: ExecutionSummary[],
  tally: Tally,
  log: { info(line: string): void }
): Promise<FailedExecution[]> {
  const details: FailedExecution[] = []
  for (const execution of executions.filter(e => isFailed(e.status)).slice(0, MAX_DETAILS)) {
    const { id, workflow } = execution
    try {
      const detail = await counted(tally, client.getExecution(account, id))
      const failure: FailedExecution = { id, workflow }
      if (detail.name) failure.name = detail.name
      if (detail.status) failure.status = detail.status
      if (detail.error) failure.error = detail.error
      if (detail.failedNode) failure.failedNode = { ...detail.failedNode }
      details.push(failure)
      const node = failure.failedNode
      const at = node
        ? ` at ${forLog(node.name)}${node.error ? `: ${forLog(node.error)}` : ''}`
        : ''
      if (failure.error || node) {
        log.info(
          `Execution ${forLog(id)} (${forLog(workflow)}) failed` +
            (failure.error ? `: ${forLog(failure.error)}` : '') +
            at
        )
      }
    } catch (error) {
      log.info(`Could not read the detail of execution ${forLog(id)}: ${failureText(error)}`)
    }
  }
  return details
}

function belongsToEvent(
  execution: Execution,
  eventId: string,
  since: number,
  configId: string | undefined
): boolean {
  const created = Date.parse(execution.createdAt)
  // The Date header has whole seconds, so an execution created in the same second counts.
  if (Number.isNaN(created) || created < since - (since % 1000)) return false
  if (execution.associated_event_id !== eventId && execution.custom_trigger_id !== eventId)
    return false
  return !configId || execution.config_id === configId
}

function summarize(execution: Execution): ExecutionSummary {
  const summary: ExecutionSummary = {
    id: execution._id,
    workflow: execution.associated_workflow?.name ?? execution.name ?? '(unnamed workflow)',
    status: execution.status,
    created_at: execution.createdAt,
    finished_at: execution.completion_time
  }
  const durationMs = Date.parse(execution.completion_time ?? '') - Date.parse(execution.createdAt)
  if (!Number.isNaN(durationMs) && durationMs >= 0) summary.durationMs = durationMs
  return summary
}

function isFailed(status: string): boolean {
  return !IN_PROGRESS.has(status) && !SUCCEEDED.has(status)
}

/** The verdict in one line; `reason` says why the wait ended before its time (it then fails). */
function describe(
  status: ExecutionStatus,
  executions: ExecutionSummary[],
  settings: WaitSettings,
  reason?: string
): Pick<WaitResult, 'ok' | 'status' | 'executions' | 'headline'> {
  const event = `"${settings.event}"`
  const list = (items: ExecutionSummary[]): string =>
    items.map(e => `${e.workflow} (${e.status})`).join(', ')
  const failed = executions.filter(e => isFailed(e.status))
  const running = executions.filter(e => IN_PROGRESS.has(e.status))
  const count = `${executions.length} workflow execution${executions.length === 1 ? '' : 's'}`
  const seconds = settings.waitTimeoutMs / 1000
  const headlines: Record<ExecutionStatus, string> = {
    COMPLETED: `Event ${event}: all ${count} completed`,
    FAILED: `Event ${event}: ${failed.length} of ${count} failed: ${list(failed)}`,
    TIMED_OUT: `Event ${event}: still running after ${seconds} s: ${list(running)}`,
    NONE:
      `Event ${event}: no workflow execution appeared within ${seconds} s ` +
      `(is a workflow attached to this event for this linked account${settings.slug ? ' and slug' : ''}?)`
  }
  if (!reason)
    return { ok: status === 'COMPLETED', status, executions, headline: headlines[status] }
  const sofar = executions.length ? ` (so far: ${list(executions)})` : ''
  return {
    ok: false,
    status,
    executions,
    headline: `Event ${event}: stopped waiting for its executions: ${reason}${sofar}`
  }
}

/** The failure's message; with a hint, it ends with it. */
function failureText(error: unknown, hint?: string): string {
  if (hint && error instanceof CallFailed) return error.withHint(hint).message
  return error instanceof Error ? error.message : String(error)
}
