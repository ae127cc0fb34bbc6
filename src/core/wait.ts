// Waiting for the workflow executions an accepted event started, and the gate's verdict on them.
// The trigger answer names no execution, so they are found by correlation: the same event id, the
// same config when one was given, our `instance_tag` when Refold carries it back, else created at
// or after the answer's Date (the server's clock). Best effort by nature; see docs/correlation.md.
import {
  pageAfter,
  readExecution,
  type Execution,
  type ListedExecution,
  type RefoldEvent
} from './answers.js'
import type { ExecutionQuery, RefoldClient, TriggerAnswer } from './client.js'
import { CallFailed, RefoldApiError } from './errors.js'
import { ORG_KEY_HINT } from './hints.js'
import { ABORTED, sleepUnlessAborted, untilAborted, type Attempted, type Clock } from './retry.js'
import type { Settings } from './settings.js'
import { forLog } from './untrusted.js'

export type ExecutionStatus = 'COMPLETED' | 'FAILED' | 'TIMED_OUT' | 'NONE' | 'CANCELLED'

/** Which rule matched the executions seen: our `instance_tag`, the time window, or both. */
export type Correlation = 'tag' | 'time' | 'tag+time'

/** One execution as the `executions` output lists it. */
export interface ExecutionSummary {
  id: string
  /** `associated_workflow.name`, else the execution's own name. */
  workflow: string
  /** Upper-cased; `status missing` when the execution carried none that could be read. */
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

/** A stop asked of Refold for an execution still in progress when the wait ran out or was cancelled. */
export interface StoppedExecution {
  id: string
  workflow: string
  /** Refold accepted the stop. */
  ok: boolean
  /** Why the stop failed. */
  error?: string
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
  /** HTTP requests the wait made: every page, detail, stop and retry; not the events list. */
  requests: number
  /** Which rule matched the executions seen; undefined when none was seen. */
  correlation?: Correlation
  /** The stops asked (`stop_unfinished`), one per execution still in progress; else empty. */
  stopped: StoppedExecution[]
}

export interface WaitContext {
  client: Pick<RefoldClient, 'listExecutions' | 'getExecution' | 'stopExecution'>
  settings: Pick<
    Settings,
    | 'event'
    | 'configId'
    | 'slug'
    | 'waitTimeoutMs'
    | 'waitIntervalMs'
    | 'waitSettleMs'
    | 'expectedWorkflows'
    | 'stopUnfinished'
  >
  /** The org's events list, read once per run and shared by every account's wait. */
  events: () => Promise<Attempted<RefoldEvent[]>>
  clock: Clock
  log: { info(line: string): void; warning(line: string): void }
  /** Aborted when the run is cancelled (SIGINT/SIGTERM, or the library's signal). */
  signal: AbortSignal
  /**
   * What the run's waits learned of how long each workflow takes. Give every account's wait the
   * same one, so a fan-out times its polls from the first workflows that finish; without it, a
   * wait learns from its own executions only.
   */
  durations?: DurationsSeen
  /**
   * Failed executions whose detail may still be read, shared by every account's wait: the
   * summary shows at most that many, so a fan-out reads no more. Default: MAX_DETAILS per wait.
   */
  detailReads?: { left: number }
}

/**
 * How long each workflow took, across the waits of one run, and which of its executions are in
 * progress. A wait whose execution is younger than one still in progress elsewhere leaves the
 * timing to that older one's wait and polls once its duration is known: the fan-out then costs
 * about two polls per account, not one per doubling step.
 */
export class DurationsSeen {
  private readonly workflows = new Map<
    string,
    { longest?: number; running: Map<string, number>; changed: AbortController }
  >()

  /** The longest duration seen for `workflow`, in ms. */
  longest(workflow: string): number | undefined {
    return this.workflows.get(workflow)?.longest
  }

  /** An execution of `workflow` seen in progress; `created` on the server's clock. */
  running(workflow: string, id: string, created: number): void {
    this.entry(workflow).running.set(id, created)
  }

  /** An execution of `workflow` seen finished, having taken `durationMs` at most. */
  finished(workflow: string, id: string, durationMs: number): void {
    const entry = this.entry(workflow)
    entry.running.delete(id)
    const first = entry.longest === undefined
    entry.longest = Math.max(entry.longest ?? 0, durationMs)
    if (first) this.changed(entry)
  }

  /** A wait that ends no longer times the executions it saw in progress. */
  withdraw(workflow: string, id: string): void {
    const entry = this.workflows.get(workflow)
    if (entry?.running.delete(id) && entry.longest === undefined) this.changed(entry)
  }

  /** Whether an execution of `workflow` created before `created` is in progress, as last seen. */
  olderRunning(workflow: string, created: number): boolean {
    for (const other of this.workflows.get(workflow)?.running.values() ?? []) {
      if (other < created) return true
    }
    return false
  }

  /** Aborted when `workflow`'s duration becomes known, or an execution timing it is withdrawn. */
  signal(workflow: string): AbortSignal {
    return this.entry(workflow).changed.signal
  }

  private entry(workflow: string) {
    let entry = this.workflows.get(workflow)
    if (!entry) {
      entry = { running: new Map(), changed: new AbortController() }
      this.workflows.set(workflow, entry)
    }
    return entry
  }

  private changed(entry: { changed: AbortController }): void {
    entry.changed.abort()
    entry.changed = new AbortController()
  }
}

const IN_PROGRESS = new Set(['RUNNING', 'QUEUED', 'STOPPING'])
const SUCCEEDED = new Set(['COMPLETED', 'DUPLICATE'])
const STATUS_MISSING = 'status missing'
const PAGE_SIZE = 50
/** Pages are read newest first, so if this bound is ever hit, what is dropped is the oldest. */
const MAX_PAGES = 20
/** Most workflows are short: look soon, then back off to `wait_interval`. */
const FIRST_POLL_MS = 1000
/** A poll timed from a duration seen comes this long after the expected finish. */
const FINISH_MARGIN_MS = 1000
/** `start_date` is this much before t0, so a server clock a little behind ours still lists them. */
const START_DATE_MARGIN_MS = 60_000
export const MAX_DETAILS = 5

/** Requests made, counted from every call's attempts, failed calls included. */
interface Tally {
  polls: number
  requests: number
}

/** A matched execution as the wait keeps it. */
interface Seen {
  summary: ExecutionSummary
  rule: 'tag' | 'time'
  /** The workflow's id, else its name: what durations are learned by. */
  workflow: string
  /** On the server's clock. */
  created: number
}

/** How the wait ended: its own verdict, wait_timeout, the run's cancel, or a call that failed. */
type Ending =
  { by: 'verdict' | 'deadline' | 'cancel' } | { by: 'failure'; reason: string; hint?: string }

/**
 * Waits for the executions the trigger for `account` started, tagged `instanceTag` (empty: none
 * was sent). The verdict comes once at least one execution was seen and every one seen finished:
 * with `expected_workflows`, when that many were seen; else on a poll made `wait_settle` after
 * the trigger that finds nothing new. Polls come 1 s after the trigger, then 2, 4, 8 … s apart
 * up to `wait_interval`, none before `wait_settle` once an execution was seen, and none before a
 * running workflow is expected to finish, from the durations seen.
 */
export async function waitForExecutions(
  ctx: WaitContext,
  account: string,
  answer: Pick<TriggerAnswer, 'headers'>,
  instanceTag: string
): Promise<WaitResult> {
  const wait = new AccountWait(ctx, account, answer, instanceTag)
  try {
    return await wait.run()
  } finally {
    wait.withdraw()
  }
}

class AccountWait {
  private readonly started: number
  private readonly deadline: number
  private readonly settleAt: number
  /** t0: the server's clock when it accepted the trigger. */
  private readonly since: number
  private readonly durations: DurationsSeen
  private readonly seen = new Map<string, Seen>()
  private readonly warned = new Set<string>()
  private readonly tally: Tally = { polls: 0, requests: 0 }
  private startDate: string | undefined
  private eventId = ''
  private lastPoll: number
  private warnedExtra = false

  constructor(
    private readonly ctx: WaitContext,
    private readonly account: string,
    answer: Pick<TriggerAnswer, 'headers'>,
    private readonly tag: string
  ) {
    const { clock, settings } = ctx
    this.started = clock.now()
    this.lastPoll = this.started
    this.deadline = this.started + settings.waitTimeoutMs
    this.settleAt = this.started + settings.waitSettleMs
    // The server's clock, so a runner whose clock drifts still ignores older executions.
    const serverDate = Date.parse(String(answer.headers.date ?? ''))
    this.since = Number.isNaN(serverDate) ? this.started - 1000 : serverDate
    this.startDate = new Date(this.since - START_DATE_MARGIN_MS).toISOString()
    this.durations = ctx.durations ?? new DurationsSeen()
  }

  async run(): Promise<WaitResult> {
    const { settings, clock, signal, log } = this.ctx
    try {
      const events = await untilAborted(this.ctx.events(), signal)
      if (events === ABORTED) return this.end({ by: 'cancel' })
      const event = events.value.find(e => e.name === settings.event)
      if (!event) {
        const reason = `event "${settings.event}" is not in the events list, so its executions cannot be found`
        return this.end({ by: 'failure', reason })
      }
      this.eventId = event._id
    } catch (error) {
      const hint = orgKeyHint(error)
      const reason = `could not look up the event's id: ${failureText(error, hint)}`
      return this.end({ by: 'failure', reason, hint })
    }
    const expected = settings.expectedWorkflows
    log.info(
      `Waiting up to ${settings.waitTimeoutMs / 1000} s for the workflow executions of "${settings.event}" ` +
        `(polling from 1 s after the trigger, backing off to every ${settings.waitIntervalMs / 1000} s; ` +
        (expected === undefined
          ? `no verdict before ${settings.waitSettleMs / 1000} s after the trigger)`
          : `until ${expected} workflow execution${expected === 1 ? ' has' : 's have'} finished)`)
    )

    let gap = Math.min(FIRST_POLL_MS, settings.waitIntervalMs)
    for (;;) {
      for (;;) {
        const { at, watch } = this.plan(gap)
        const now = clock.now()
        if (at <= now) break
        await this.sleep(at - now, watch)
        if (signal.aborted) return this.end({ by: 'cancel' })
        if (clock.now() >= at) break
      }
      const pollStarted = clock.now()
      let listed: ListedExecution[] | typeof ABORTED
      try {
        listed = await untilAborted(this.poll(), signal)
      } catch (error) {
        const hint = orgKeyHint(error)
        const reason = `could not poll the executions: ${failureText(error, hint)}`
        return this.end({ by: 'failure', reason, hint })
      }
      if (listed === ABORTED) return this.end({ by: 'cancel' })
      this.lastPoll = clock.now()
      const foundNew = this.absorb(listed)
      if (this.decided(pollStarted, foundNew)) return this.end({ by: 'verdict' })
      if (clock.now() >= this.deadline) return this.end({ by: 'deadline' })
      gap = Math.min(gap * 2, settings.waitIntervalMs)
    }
  }

  /** Sleeps `ms`, or less: until the run is cancelled or one of `watch` aborts. */
  private async sleep(ms: number, watch: AbortSignal[]): Promise<void> {
    const wake = new AbortController()
    const signals = [this.ctx.signal, ...watch]
    const stop = (): void => wake.abort()
    for (const signal of signals) signal.addEventListener('abort', stop, { once: true })
    if (signals.some(signal => signal.aborted)) stop()
    try {
      await sleepUnlessAborted(this.ctx.clock, ms, wake.signal)
    } finally {
      // The run's signal outlives this sleep: leave no listener on it.
      for (const signal of signals) signal.removeEventListener('abort', stop)
    }
  }

  /** The executions this wait saw in progress no longer time anyone else's polls. */
  withdraw(): void {
    for (const [id, seen] of this.seen) {
      if (IN_PROGRESS.has(seen.summary.status)) this.durations.withdraw(seen.workflow, id)
    }
  }

  /**
   * When to poll next, `gap` after the last poll at the earliest, and the signals that may bring
   * that forward. Once something was seen, no poll before wait_settle (none could give the
   * verdict) unless wait_interval is shorter; and none before the earliest expected finish of the
   * running executions when every one of them has one: from the longest duration seen of its
   * workflow, or, while an older execution of its workflow is in progress elsewhere, once that
   * one's duration is known. Only the last may leave more than wait_interval between polls.
   */
  private plan(gap: number): { at: number; watch: AbortSignal[] } {
    const { expectedWorkflows, waitIntervalMs } = this.ctx.settings
    let at = this.lastPoll + gap
    const all = [...this.seen.values()]
    if (all.length && expectedWorkflows === undefined) {
      at = Math.max(at, Math.min(this.settleAt, this.lastPoll + waitIntervalMs))
    }
    const watch: AbortSignal[] = []
    let earliest = Infinity
    let unknown = false
    const running = all.filter(s => IN_PROGRESS.has(s.summary.status))
    for (const seen of running) {
      const longest = this.durations.longest(seen.workflow)
      if (longest !== undefined) {
        const finish = this.onOurClock(seen.created + longest) + FINISH_MARGIN_MS
        // Still running after its expected finish: nothing tells when it ends.
        if (finish > this.lastPoll) earliest = Math.min(earliest, finish)
        else unknown = true
      } else if (this.durations.olderRunning(seen.workflow, seen.created)) {
        watch.push(this.durations.signal(seen.workflow))
      } else {
        unknown = true
      }
    }
    if (running.length && !unknown) at = Math.max(at, earliest)
    return { at: Math.min(at, this.deadline), watch }
  }

  /** Whether the poll that started at `pollStarted` gives the verdict. */
  private decided(pollStarted: number, foundNew: boolean): boolean {
    const all = [...this.seen.values()]
    if (!all.length || all.some(s => IN_PROGRESS.has(s.summary.status))) return false
    const expected = this.ctx.settings.expectedWorkflows
    if (expected !== undefined) return all.length >= expected
    return pollStarted >= this.settleAt && !foundNew
  }

  /** Every execution the query lists, newest first; without start_date once Refold refused it. */
  private async poll(): Promise<ListedExecution[]> {
    this.tally.polls++
    try {
      return await this.list()
    } catch (error) {
      if (this.startDate === undefined || !isQueryRefusal(error)) throw error
      this.ctx.log.info(
        `Refold refused the executions query with start_date (HTTP ${error.last.status}); ` +
          'polling without it for the rest of the wait'
      )
      this.startDate = undefined
      this.tally.polls++
      return await this.list()
    }
  }

  private async list(): Promise<ListedExecution[]> {
    const query: Pick<ExecutionQuery, 'startDate' | 'slug'> = {
      startDate: this.startDate,
      slug: this.ctx.settings.slug
    }
    const listed: ListedExecution[] = []
    let page = 1
    for (let read = 0; read < MAX_PAGES; read++) {
      const result = await counted(
        this.tally,
        this.ctx.client.listExecutions(this.account, { page, limit: PAGE_SIZE, ...query })
      )
      listed.push(...result.docs)
      if (!result.hasNextPage) break
      page = pageAfter(page, result)
    }
    return listed
  }

  /**
   * Takes in what a poll listed: only the executions that match are read further, so nothing of
   * another event or run decides anything. Returns whether one was seen for the first time.
   */
  private absorb(listed: ListedExecution[]): boolean {
    const { log, settings } = this.ctx
    const polledAt = this.since + (this.lastPoll - this.started)
    let foundNew = false
    for (const doc of listed) {
      const rule = this.ruleFor(doc)
      if (!rule) continue
      const execution = readExecution(doc)
      if (typeof execution === 'string') {
        this.ignore(doc, execution)
        continue
      }
      // The Date header has whole seconds, so an execution created in the same second counts.
      if (execution.created < this.since - (this.since % 1000)) continue
      const summary = summarize(execution)
      const previous = this.seen.get(summary.id)
      if (!previous) foundNew = true
      if (previous?.summary.status !== summary.status) {
        log.info(
          `Execution ${forLog(summary.id)} (${forLog(summary.workflow)}): ${forLog(summary.status)}`
        )
      }
      const workflow = execution.associated_workflow?._id ?? summary.workflow
      this.seen.set(summary.id, { summary, rule, workflow, created: execution.created })
      if (IN_PROGRESS.has(summary.status)) {
        this.durations.running(workflow, summary.id, execution.created)
      } else {
        const took = summary.durationMs ?? Math.max(0, polledAt - execution.created)
        this.durations.finished(workflow, summary.id, took)
      }
    }
    const expected = settings.expectedWorkflows
    if (expected !== undefined && this.seen.size > expected && !this.warnedExtra) {
      this.warnedExtra = true
      log.warning(
        `Event "${settings.event}": ${this.seen.size} workflow executions appeared, more than the ` +
          `${expected} expected (expected_workflows); every one of them is gated`
      )
    }
    return foundNew
  }

  /** Which rule makes `doc` one of ours: its tag when it carries one, else the time window. */
  private ruleFor(doc: ListedExecution): Seen['rule'] | undefined {
    if (doc.associated_event_id !== this.eventId && doc.custom_trigger_id !== this.eventId) {
      return undefined
    }
    const configId = this.ctx.settings.configId
    if (configId && doc.config_id !== configId) return undefined
    if (doc.instance_tag) return doc.instance_tag === this.tag ? 'tag' : undefined
    return 'time'
  }

  /** A matching execution that cannot be read: said once, then left out. */
  private ignore(doc: ListedExecution, problem: string): void {
    const key = doc._id ?? ''
    if (this.warned.has(key)) return
    this.warned.add(key)
    const event = `event "${this.ctx.settings.event}"`
    this.ctx.log.warning(
      doc._id
        ? `Ignored execution ${forLog(doc._id)} of ${event}: it ${problem}`
        : `Ignored an execution of ${event} that ${problem}`
    )
  }

  private onOurClock(serverTime: number): number {
    return this.started + (serverTime - this.since)
  }

  private async end(ending: Ending): Promise<WaitResult> {
    const { clock, settings, log } = this.ctx
    const durationMs = clock.now() - this.started
    const seen = [...this.seen.values()].sort((a, b) => a.created - b.created)
    const executions = seen.map(s => s.summary)
    const status: ExecutionStatus =
      ending.by === 'cancel' ? 'CANCELLED' : statusOf(executions, settings.expectedWorkflows)
    const outOfTime = ending.by === 'cancel' || ending.by === 'deadline'
    const stopped = outOfTime && settings.stopUnfinished ? await this.stop(executions) : []
    // After a cancel, the time left belongs to writing down what happened.
    const details = ending.by === 'cancel' ? [] : await this.readFailures(executions)
    const correlation = correlationOf(seen)
    if (correlation) {
      const by = (rule: Seen['rule']) => seen.filter(s => s.rule === rule).length
      const parts = [
        by('tag') && `${by('tag')} by instance_tag`,
        by('time') && `${by('time')} by the time window (created at or after the trigger's Date)`
      ].filter(Boolean)
      log.info(`Executions of "${settings.event}" matched ${parts.join(', ')}`)
    }
    const reason = ending.by === 'failure' ? ending.reason : undefined
    return {
      ...describe(status, executions, settings, stopped, reason),
      durationMs,
      details,
      ...(ending.by === 'failure' && ending.hint ? { hint: ending.hint } : {}),
      ...this.tally,
      ...(correlation ? { correlation } : {}),
      stopped
    }
  }

  /** Asks Refold to stop every execution still in progress, once each; the run's cancel bounds it. */
  private async stop(executions: ExecutionSummary[]): Promise<StoppedExecution[]> {
    const { client, log } = this.ctx
    const unfinished = executions.filter(e => IN_PROGRESS.has(e.status))
    return Promise.all(
      unfinished.map(async ({ id, workflow }): Promise<StoppedExecution> => {
        const name = `execution ${forLog(id)} (${forLog(workflow)})`
        try {
          await counted(this.tally, client.stopExecution(this.account, id))
          log.info(`Asked Refold to stop ${name}`)
          return { id, workflow, ok: true }
        } catch (error) {
          const text = failureText(error)
          log.warning(`Could not stop ${name}: ${text}`)
          return { id, workflow, ok: false, error: text }
        }
      })
    )
  }

  /**
   * What the detail of each failed execution (the first few) tells. Best effort: a detail that
   * cannot be read is logged and left out, and changes nothing else.
   */
  private async readFailures(executions: ExecutionSummary[]): Promise<FailedExecution[]> {
    const { client, log } = this.ctx
    const budget = this.ctx.detailReads ?? { left: MAX_DETAILS }
    const details: FailedExecution[] = []
    for (const execution of executions.filter(e => isFailed(e.status)).slice(0, MAX_DETAILS)) {
      if (budget.left <= 0) break
      budget.left--
      const { id, workflow } = execution
      try {
        const detail = await counted(this.tally, client.getExecution(this.account, id))
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
    requests: 0,
    stopped: []
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

/**
 * FAILED wins over everything; then nothing seen, still running or fewer than expected, or all
 * succeeded.
 */
function statusOf(executions: ExecutionSummary[], expected: number | undefined): ExecutionStatus {
  if (executions.some(e => isFailed(e.status))) return 'FAILED'
  if (!executions.length) return 'NONE'
  if (executions.some(e => IN_PROGRESS.has(e.status))) return 'TIMED_OUT'
  return expected !== undefined && executions.length < expected ? 'TIMED_OUT' : 'COMPLETED'
}

function correlationOf(seen: Seen[]): Correlation | undefined {
  const tag = seen.some(s => s.rule === 'tag')
  const time = seen.some(s => s.rule === 'time')
  return tag && time ? 'tag+time' : tag ? 'tag' : time ? 'time' : undefined
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

function summarize(execution: Execution): ExecutionSummary {
  const summary: ExecutionSummary = {
    id: execution._id,
    workflow: execution.associated_workflow?.name ?? execution.name ?? '(unnamed workflow)',
    status: execution.status ?? STATUS_MISSING,
    created_at: execution.createdAt,
    finished_at: execution.completion_time
  }
  const durationMs = (execution.finished ?? NaN) - execution.created
  if (!Number.isNaN(durationMs) && durationMs >= 0) summary.durationMs = durationMs
  return summary
}

/** A status that is neither in progress nor a success (upper-cased, as executions are reported). */
export function isFailed(status: string): boolean {
  return !IN_PROGRESS.has(status) && !SUCCEEDED.has(status)
}

/**
 * The verdict in one line; `reason` says why the wait ended before its time (it then fails). The
 * stops asked, when any, close it.
 */
function describe(
  status: ExecutionStatus,
  executions: ExecutionSummary[],
  settings: WaitContext['settings'],
  stopped: StoppedExecution[],
  reason?: string
): Pick<WaitResult, 'ok' | 'status' | 'executions' | 'headline'> {
  const event = `Event "${settings.event}"`
  const failed = executions.filter(e => isFailed(e.status))
  const count = `${executions.length} workflow execution${executions.length === 1 ? '' : 's'}`
  const seconds = settings.waitTimeoutMs / 1000
  const expected = settings.expectedWorkflows
  const short =
    expected !== undefined && executions.length < expected
      ? `saw ${executions.length} of ${expected} expected workflows`
      : undefined
  const sofar = executions.length ? ` (so far: ${listed(executions)})` : ''
  const headlines: Record<ExecutionStatus, () => string> = {
    COMPLETED: () => `${event}: all ${count} completed`,
    FAILED: () =>
      `${event}: ${failed.length} of ${count} failed: ${listed(failed)}${short ? ` (${short})` : ''}`,
    TIMED_OUT: () => timedOut(event, executions, settings, short),
    NONE: () =>
      `${event}: no workflow execution appeared within ${seconds} s ` +
      `(is a workflow attached to this event for this linked account${settings.slug ? ' and slug' : ''}?)`,
    CANCELLED: () => `${event}: cancelled while waiting for its executions${sofar}`
  }
  const headline = reason
    ? `${event}: stopped waiting for its executions: ${reason}${sofar}`
    : headlines[status]()
  return {
    ok: !reason && status === 'COMPLETED',
    status,
    executions,
    headline: headline + stopsDone(stopped)
  }
}

/** Ran out of time: what is still running, or how many of those expected appeared, and what to do. */
function timedOut(
  event: string,
  executions: ExecutionSummary[],
  settings: WaitContext['settings'],
  short: string | undefined
): string {
  const seconds = settings.waitTimeoutMs / 1000
  const running = executions.filter(e => IN_PROGRESS.has(e.status))
  if (!running.length) {
    return (
      `${event}: ${short} within ${seconds} s: ${listed(executions)}; ` +
      'raise wait_timeout, or check expected_workflows'
    )
  }
  const advice = settings.stopUnfinished
    ? 'raise wait_timeout'
    : 'raise wait_timeout, or set stop_unfinished to stop what is still running when it runs out'
  return (
    `${event}: still running after ${seconds} s: ${listed(running)}` +
    `${short ? ` (${short})` : ''}; ${advice}`
  )
}

function stopsDone(stopped: StoppedExecution[]): string {
  if (!stopped.length) return ''
  const failed = stopped.filter(s => !s.ok)
  return (
    `; stopped ${stopped.length - failed.length} of ${stopped.length} unfinished` +
    (failed.length ? ` (could not stop: ${failed.map(s => s.workflow).join(', ')})` : '')
  )
}

function listed(executions: ExecutionSummary[]): string {
  return executions.map(e => `${e.workflow} (${e.status})`).join(', ')
}

/** The failure's message; with a hint, it ends with it. */
function failureText(error: unknown, hint?: string): string {
  if (hint && error instanceof CallFailed) return error.withHint(hint).message
  return error instanceof Error ? error.message : String(error)
}
