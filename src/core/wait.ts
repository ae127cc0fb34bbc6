// Waiting for the workflow executions an accepted event started. The trigger answer names no
// execution, so they are found by correlation: same event id, created at or after the answer's
// Date (the server's clock), same config when one was given. Best effort by nature; see README.
import type { Execution, RefoldEvent } from './answers.js'
import type { RefoldClient, TriggerAnswer } from './client.js'
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
}

export interface WaitResult {
  /** Every execution seen completed, and the wait ran to its end. */
  ok: boolean
  status: ExecutionStatus
  executions: ExecutionSummary[]
  /** One line for the log, the summary heading and, on failure, the error. */
  headline: string
}

const IN_PROGRESS = new Set(['RUNNING', 'QUEUED', 'STOPPING'])
const SUCCEEDED = new Set(['COMPLETED', 'DUPLICATE'])
const PAGE_SIZE = 50
/** Pages are read newest first, so if this bound is ever hit, what is dropped is the oldest. */
const MAX_PAGES = 20

type WaitSettings = Pick<
  Settings,
  'event' | 'configId' | 'slug' | 'waitTimeoutMs' | 'waitIntervalMs'
>

/**
 * Waits for the executions the trigger for `account` started. `events` is the org's events list,
 * read once per run however many accounts wait.
 */
export async function waitForExecutions(
  client: Pick<RefoldClient, 'listExecutions'>,
  settings: WaitSettings,
  account: string,
  answer: Pick<TriggerAnswer, 'headers'>,
  events: () => Promise<Attempted<RefoldEvent[]>>,
  clock: Clock,
  log: { info(line: string): void }
): Promise<WaitResult> {
  const deadline = clock.now() + settings.waitTimeoutMs
  // The server's clock, so a runner whose clock drifts still ignores older executions.
  const serverDate = Date.parse(String(answer.headers.date ?? ''))
  const since = Number.isNaN(serverDate) ? clock.now() - 1000 : serverDate
  const seen = new Map<string, ExecutionSummary>()
  const verdict = (status: ExecutionStatus, reason?: string): WaitResult =>
    describe(status, [...seen.values()], settings, reason)

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
    return verdict('NONE', `could not look up the event's id: ${failureText(error)}`)
  }
  log.info(
    `Waiting up to ${settings.waitTimeoutMs / 1000} s for the workflow executions of "${settings.event}" ` +
      `(polling every ${settings.waitIntervalMs / 1000} s)`
  )

  let settledPolls = 0
  for (;;) {
    let executions: Execution[]
    try {
      executions = await listSince(client, account, since, settings.slug)
    } catch (error) {
      return verdict(statusOf(seen), `could not poll the executions: ${failureText(error)}`)
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
    const left = deadline - clock.now()
    if (left <= 0) return verdict(statusOf(seen))
    await clock.sleep(Math.min(settings.waitIntervalMs, left))
  }
}

/** The wait's result when there was nothing to wait for: the event was not accepted. */
export function notWaited(settings: Pick<Settings, 'event'>): WaitResult {
  return {
    ok: false,
    status: 'NONE',
    executions: [],
    headline: `Event "${settings.event}" was not accepted, so no execution was waited for`
  }
}

/** FAILED wins over everything; then nothing seen, still running, or all succeeded. */
function statusOf(seen: Map<string, ExecutionSummary>): ExecutionStatus {
  const all = [...seen.values()]
  if (all.some(e => isFailed(e.status))) return 'FAILED'
  if (!all.length) return 'NONE'
  return all.some(e => IN_PROGRESS.has(e.status)) ? 'TIMED_OUT' : 'COMPLETED'
}

/** Every execution listed since t0's day, newest first. */
async function listSince(
  client: Pick<RefoldClient, 'listExecutions'>,
  account: string,
  since: number,
  slug: string | undefined
): Promise<Execution[]> {
  const startDate = new Date(since).toISOString().slice(0, 10)
  const executions: Execution[] = []
  let page = 1
  for (let read = 0; read < MAX_PAGES; read++) {
    const { value: result } = await client.listExecutions(account, {
      page,
      limit: PAGE_SIZE,
      startDate,
      slug
    })
    executions.push(...result.docs)
    if (!result.hasNextPage) break
    page = result.nextPage && result.nextPage > page ? result.nextPage : page + 1
  }
  return executions
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
  return {
    id: execution._id,
    workflow: execution.associated_workflow?.name ?? execution.name ?? '(unnamed workflow)',
    status: execution.status,
    created_at: execution.createdAt,
    finished_at: execution.completion_time
  }
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
): WaitResult {
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

function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
