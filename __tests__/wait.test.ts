// Unit tests for waitForExecutions on the shared model of Refold (test/refold-model.js, the one the
// fake server serves), driven by a virtual clock whose sleep advances time instantly. The model's
// clock is the server's: it starts at the trigger's Date, far from the runner's.
import { describe, it, expect, jest } from '@jest/globals'
import type { RefoldEvent } from '../src/core/answers.js'
import { ORG_KEY_HINT } from '../src/core/hints.js'
import type { Clock } from '../src/core/retry.js'
import {
  DurationsSeen,
  notWaited,
  waitBroke,
  waitForExecutions,
  type WaitContext,
  type WaitResult
} from '../src/core/wait.js'
import {
  createRefoldModel,
  type RefoldModelOptions,
  type ScheduledExecution,
  type WorkflowStep
} from '../test/refold-model.js'
import {
  callFailed,
  recordingLog,
  settingsFor,
  virtualClock,
  type VirtualClock
} from './helpers/common.js'
import { refusalAnswer, MODEL, modelClient, type ModelClient } from './helpers/model-client.js'

const EVENT = 'Release Published'
const EVENT_ID = 'evt-release'
const ACCOUNT = 'acct-0001'
/** The server's clock when it answered the trigger: the Date header, whole seconds. */
const T0 = Date.parse('2024-03-05T12:00:00Z')
const DATE_HEADER = new Date(T0).toUTCString()
/** The runner's clock: deliberately far from the server's. */
const RUNNER_START = Date.parse('2031-07-20T08:30:00Z')
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

const iso = (ms: number): string => new Date(ms).toISOString()

/** A status from `afterMs` (virtual ms since the wait started) on; see WorkflowStep. */
type Step = WorkflowStep

/**
 * An execution for ACCOUNT of EVENT created 2 s after t0, whose workflow is `workflow`. It is
 * listed from its first step on, or from `appearsAt` when that is later.
 */
function execution(
  id: string,
  workflow: string,
  steps: Step[] | string,
  overrides: Record<string, unknown> = {},
  appearsAt = 0
): ScheduledExecution {
  const given = typeof steps === 'string' ? [{ afterMs: 0, status: steps }] : steps
  return {
    doc: {
      _id: id,
      name: `${workflow} run`,
      associated_event_id: EVENT_ID,
      associated_workflow: { _id: `wf-${id}`, name: workflow },
      linked_account_id: ACCOUNT,
      createdAt: iso(T0 + 2000),
      ...overrides
    } as ScheduledExecution['doc'],
    steps: given.map((step, i) =>
      i === 0 ? { ...step, afterMs: Math.max(step.afterMs, appearsAt) } : step
    )
  }
}

interface RunOptions {
  executions?: ScheduledExecution[]
  events?: RefoldEvent[]
  pageSize?: number
  configId?: string
  slug?: string
  retries?: number
  waitTimeoutMs?: number
  waitIntervalMs?: number
  waitSettleMs?: number
  expectedWorkflows?: number
  stopUnfinished?: boolean
  /** The tag the trigger sent; default: none. */
  instanceTag?: string
  /** The trigger answer's Date header; null: none. */
  date?: string | null
  runnerStart?: number
  startDate?: RefoldModelOptions['startDate']
  detailErrors?: boolean
  /** Aborted to cancel the run. */
  cancel?: AbortController
  /** Virtual ms after the wait's start at which `cancel` is aborted (during a sleep). */
  cancelAt?: number
  durations?: DurationsSeen
  /** What a stop answers; default: Refold's 200. */
  stop?: WaitContext['client']['stopExecution']
  /** Script the client's answers before the wait starts. */
  arrange?: (client: ModelClient) => void
}

const stopAccepted: WaitContext['client']['stopExecution'] = async () => ({
  value: { status: 200, body: '{"message":"Stopping instance"}', headers: {} },
  attempts: [{ outcome: 'HTTP 200' }]
})

async function run(options: RunOptions = {}) {
  const date = options.date === undefined ? DATE_HEADER : options.date
  const serverStart = Number.isNaN(Date.parse(date ?? '')) ? T0 : Date.parse(date ?? '')
  const time = virtualClock({ start: options.runnerStart ?? RUNNER_START })
  const model = createRefoldModel({
    now: () => serverStart + time.elapsed(),
    events: options.events ?? [
      { _id: 'evt-other', name: 'Deployment Created' },
      { _id: EVENT_ID, name: EVENT }
    ],
    workflows: {},
    executions: options.executions ?? [],
    maxPageSize: options.pageSize,
    startDate: options.startDate,
    detailErrors: options.detailErrors
  })
  const client = modelClient(model, { clock: time, retries: options.retries })
  options.arrange?.(client)
  const stopExecution = jest.fn(options.stop ?? stopAccepted)
  const log = recordingLog()
  const cancel = options.cancel ?? new AbortController()
  const clock =
    options.cancelAt === undefined ? time : cancellingClock(time, cancel, options.cancelAt)
  const ctx: WaitContext = {
    client: { ...client, stopExecution },
    settings: settingsFor({
      event: EVENT,
      configId: options.configId,
      slug: options.slug,
      waitTimeoutMs: options.waitTimeoutMs ?? 60_000,
      waitIntervalMs: options.waitIntervalMs ?? 10_000,
      waitSettleMs: options.waitSettleMs ?? 10_000,
      expectedWorkflows: options.expectedWorkflows,
      stopUnfinished: options.stopUnfinished ?? false
    }),
    events: () => client.listEvents(),
    clock,
    log,
    signal: cancel.signal,
    durations: options.durations
  }
  const answer = { headers: date === null ? {} : { date } }
  const result = await waitForExecutions(ctx, ACCOUNT, answer, options.instanceTag ?? '')
  /** Polls made: each poll starts by reading page 1. */
  const polls = client.queries.filter(q => q.page === 1).length
  const infoLines = log.info.mock.calls.map(([line]) => line)
  const warnings = log.warning.mock.calls.map(([line]) => line)
  const sent = (route: string) =>
    client.requests.filter(r => model.route(r.method, r.path) === route)
  return {
    result,
    client,
    model,
    log,
    polls,
    infoLines,
    warnings,
    sent,
    stopExecution,
    serverStart,
    ...time
  }
}

/** `time`, aborting `cancel` once `at` virtual ms have passed: a cancel that lands mid-sleep. */
function cancellingClock(time: VirtualClock, cancel: AbortController, at: number): Clock {
  return {
    ...time,
    sleep: async (ms: number) => {
      const left = at - time.elapsed()
      if (cancel.signal.aborted || left > ms) return time.sleep(ms)
      await time.sleep(Math.max(0, left))
      cancel.abort()
    }
  }
}

const running = (until: number, then: string): Step[] => [
  { afterMs: 0, status: 'RUNNING' },
  { afterMs: until, status: then }
]

describe('waitForExecutions', () => {
  describe('completes', () => {
    it('waits for a RUNNING execution to become COMPLETED, and lists it in the executions output', async () => {
      const { result, elapsed, polls } = await run({
        executions: [execution('ex-1', 'Publish Docs', running(15_000, 'COMPLETED'))]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions).toHaveLength(1)
      expect(result.executions[0]).toMatchObject({
        id: 'ex-1',
        workflow: 'Publish Docs',
        status: 'COMPLETED',
        created_at: iso(T0 + 2000),
        finished_at: iso(T0 + 15_000),
        durationMs: 13_000
      })
      expect(result.headline).toContain(`"${EVENT}"`)
      expect(result.headline).toMatch(/completed/)
      // Polls at 1, 10 (wait_settle), 14 s see RUNNING; 22 s sees it COMPLETED and nothing new.
      expect(polls).toBe(4)
      expect(result.polls).toBe(4)
      expect(elapsed()).toBe(22_000)
      expect(result.durationMs).toBe(22_000)
    })

    it('gives the verdict on the first poll wait_settle after the trigger for an execution already finished', async () => {
      const { result, polls, elapsed } = await run({
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(polls).toBe(2)
      expect(elapsed()).toBe(10_000)
    })

    it("takes the workflow from associated_workflow.name, else the execution's name", async () => {
      const { result } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', 'COMPLETED'),
          execution('ex-2', 'ignored', 'COMPLETED', {
            name: 'Sync CRM',
            associated_workflow: undefined
          }),
          execution('ex-3', 'ignored', 'COMPLETED', {
            name: 'Notify Slack',
            associated_workflow: { _id: 'wf-3' }
          })
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => [e.id, e.workflow])).toEqual([
        ['ex-1', 'Publish Docs'],
        ['ex-2', 'Sync CRM'],
        ['ex-3', 'Notify Slack']
      ])
      for (const entry of result.executions) {
        expect(Object.keys(entry)).toEqual(
          expect.arrayContaining(['id', 'workflow', 'status', 'created_at'])
        )
      }
    })

    it('counts DUPLICATE as success', async () => {
      const { result } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', running(5_000, 'DUPLICATE')),
          execution('ex-2', 'Sync CRM', 'COMPLETED')
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.status)).toEqual(['DUPLICATE', 'COMPLETED'])
    })

    it('treats QUEUED and STOPPING as in progress', async () => {
      const { result, elapsed } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', [
            { afterMs: 0, status: 'QUEUED' },
            { afterMs: 10_000, status: 'RUNNING' },
            { afterMs: 20_000, status: 'STOPPING' },
            { afterMs: 30_000, status: 'COMPLETED' }
          ])
        ]
      })
      expect(result.status).toBe('COMPLETED')
      // Polls at 1 (QUEUED), 10, 14 (RUNNING), 22 (STOPPING) and 32 s (COMPLETED).
      expect(elapsed()).toBe(32_000)
    })
  })

  describe('errors', () => {
    it.each(['ERRORED', 'STOPPED', 'TERMINATED', 'TIMED_OUT'])(
      'a Refold status %s is FAILED and the headline names the workflow',
      async status => {
        const { result } = await run({
          executions: [
            execution('ex-1', 'Publish Docs', 'COMPLETED'),
            execution('ex-2', 'Notify Slack', running(12_000, status))
          ]
        })
        expect(result.status).toBe('FAILED')
        expect(result.headline).toContain('Notify Slack')
        expect(result.headline).toContain(status)
        expect(result.headline).not.toContain('Publish Docs')
        expect(result.executions.find(e => e.id === 'ex-2')?.status).toBe(status)
      }
    )

    it("a Refold-side TIMED_OUT is FAILED, not the action's own TIMED_OUT", async () => {
      const { result, elapsed } = await run({
        executions: [execution('ex-1', 'Publish Docs', running(5_000, 'TIMED_OUT'))]
      })
      expect(result.status).toBe('FAILED')
      // Seen finished on the poll at wait_settle.
      expect(elapsed()).toBe(10_000)
    })

    it('an unknown status is FAILED and named in the headline', async () => {
      const { result } = await run({
        executions: [execution('ex-1', 'Publish Docs', running(5_000, 'WEIRD'))]
      })
      expect(result.status).toBe('FAILED')
      expect(result.headline).toContain('WEIRD')
      expect(result.headline).toContain('Publish Docs')
    })

    it('waits for the others to finish before calling it FAILED', async () => {
      const { result, elapsed } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', 'ERRORED'),
          execution('ex-2', 'Sync CRM', running(25_000, 'COMPLETED'))
        ]
      })
      expect(result.status).toBe('FAILED')
      expect(result.executions.map(e => e.status)).toEqual(['ERRORED', 'COMPLETED'])
      // Polls at 1, 10, 14 and 22 s see Sync CRM RUNNING; 32 s sees it COMPLETED.
      expect(elapsed()).toBe(32_000)
    })
  })

  describe('times out', () => {
    const tens = (count: number): number[] => Array<number>(count).fill(10_000)
    it.each([
      // Polls at 1 s, at wait_settle (10 s), then 14, 22, 32 … 52 s, and one exactly at the timeout.
      [60_000, 10_000, [1000, 9000, 4000, 8000, ...tens(3), 8000]],
      [600_000, 10_000, [1000, 9000, 4000, 8000, ...tens(57), 8000]],
      [45_000, 15_000, [1000, 9000, 4000, 8000, 15_000, 8000]],
      [25_000, 10_000, [1000, 9000, 4000, 8000, 3000]],
      // wait_interval shorter than wait_settle still bounds the gaps.
      [4000, 1000, [1000, 1000, 1000, 1000]]
    ])(
      'still RUNNING at wait_timeout %i ms (interval %i ms) is TIMED_OUT',
      async (waitTimeoutMs, waitIntervalMs, schedule) => {
        const { result, polls, elapsed, sleeps } = await run({
          waitTimeoutMs,
          waitIntervalMs,
          executions: [execution('ex-1', 'Publish Docs', 'RUNNING')]
        })
        expect(result.status).toBe('TIMED_OUT')
        expect(result.headline).toContain('Publish Docs')
        expect(result.headline).toMatch(/still running/)
        expect(result.headline).toContain(`${waitTimeoutMs / 1000} s`)
        expect(sleeps).toEqual(schedule)
        expect(polls).toBe(schedule.length)
        expect(elapsed()).toBe(waitTimeoutMs)
      }
    )

    it('a failed execution with another still running at wait_timeout is FAILED', async () => {
      const { result } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', 'ERRORED'),
          execution('ex-2', 'Sync CRM', 'RUNNING')
        ]
      })
      expect(result.status).toBe('FAILED')
      expect(result.headline).toContain('Publish Docs')
    })
  })

  describe('none found', () => {
    it.each([
      [60_000, 10_000],
      [25_000, 10_000]
    ])(
      'is NONE after wait_timeout %i ms (interval %i ms), no later than one interval past it',
      async (waitTimeoutMs, waitIntervalMs) => {
        const { result, elapsed, polls } = await run({ waitTimeoutMs, waitIntervalMs })
        expect(result.status).toBe('NONE')
        expect(result.executions).toEqual([])
        expect(result.headline).toContain(`"${EVENT}"`)
        expect(result.headline).toMatch(/no workflow execution appeared/)
        expect(polls).toBeGreaterThan(1)
        expect(elapsed()).toBeLessThanOrEqual(waitTimeoutMs + waitIntervalMs)
        // Nothing seen *by wait_timeout*: the wait lasts until the timeout.
        expect(elapsed()).toBeGreaterThanOrEqual(waitTimeoutMs)
      }
    )

    it('sees an execution that appears before wait_timeout, even between the last two whole intervals', async () => {
      // wait_timeout 25 s, interval 10 s: the execution appears (finished) at 22 s.
      const { result } = await run({
        waitTimeoutMs: 25_000,
        waitIntervalMs: 10_000,
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED', {}, 22_000)]
      })
      expect(result.status).not.toBe('NONE')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
    })

    it('mentions the slug in the NONE hint when one is set', async () => {
      const { result } = await run({ slug: 'hubspot' })
      expect(result.status).toBe('NONE')
      expect(result.headline).toMatch(/slug/)
    })
  })

  describe('old executions ignored', () => {
    it.each([
      ['years ahead of', RUNNER_START],
      ['years behind', Date.parse('2019-01-01T00:00:00Z')],
      ['the same as', T0]
    ])(
      "counts only executions created at or after the server's Date, the runner clock being %s the server's",
      async (_label, runnerStart) => {
        const { result, infoLines } = await run({
          runnerStart,
          executions: [
            // Same event, created before t0: an earlier trigger's run, still running forever.
            execution('old-1', 'Publish Docs', 'RUNNING', { createdAt: iso(T0 - 5000) }),
            execution('old-2', 'Publish Docs', 'ERRORED', { createdAt: iso(T0 - 86_400_000) }),
            // Another event, created after t0.
            execution('other-1', 'Deploy', 'ERRORED', { associated_event_id: 'evt-other' }),
            execution('other-2', 'Deploy', 'RUNNING', {
              associated_event_id: 'evt-other',
              custom_trigger_id: 'trigger-other'
            }),
            // Ours: created exactly at t0, and later.
            execution('new-1', 'Publish Docs', 'COMPLETED', { createdAt: iso(T0) }),
            execution('new-2', 'Sync CRM', running(10_000, 'COMPLETED'), {
              createdAt: iso(T0 + 1500)
            })
          ]
        })
        expect(result.status).toBe('COMPLETED')
        expect(result.executions.map(e => e.id)).toEqual(['new-1', 'new-2'])
        expect(infoLines.some(l => /old-|other-/.test(l))).toBe(false)
      }
    )

    it('is NONE when only old executions and other events are listed', async () => {
      const { result } = await run({
        executions: [
          execution('old-1', 'Publish Docs', 'COMPLETED', { createdAt: iso(T0 - 1000) }),
          execution('other-1', 'Deploy', 'COMPLETED', { associated_event_id: 'evt-other' })
        ]
      })
      expect(result.status).toBe('NONE')
      expect(result.executions).toEqual([])
    })
  })

  describe('correlation', () => {
    it('keeps only executions of the given config when config_id is set', async () => {
      const { result } = await run({
        configId: 'cfg-A',
        executions: [
          execution('ex-b', 'Publish Docs', 'RUNNING', { config_id: 'cfg-B' }),
          execution('ex-none', 'Publish Docs', 'ERRORED'),
          execution('ex-a', 'Publish Docs', running(10_000, 'COMPLETED'), { config_id: 'cfg-A' })
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-a'])
    })

    it('keeps executions of any config when config_id is not set', async () => {
      const { result } = await run({
        executions: [
          execution('ex-b', 'Publish Docs', 'COMPLETED', { config_id: 'cfg-B' }),
          execution('ex-a', 'Sync CRM', 'COMPLETED', { config_id: 'cfg-A' })
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-b', 'ex-a'])
    })

    it('counts a custom_trigger_id matching the event id like associated_event_id', async () => {
      const { result } = await run({
        executions: [
          execution('ex-c', 'Custom Flow', running(10_000, 'ERRORED'), {
            associated_event_id: undefined,
            custom_trigger_id: EVENT_ID
          })
        ]
      })
      expect(result.status).toBe('FAILED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-c'])
      expect(result.headline).toContain('Custom Flow')
    })
  })

  describe('pagination', () => {
    it('reads every page of every poll', async () => {
      const { result, client } = await run({
        pageSize: 2,
        executions: [
          execution('other-1', 'Deploy', 'COMPLETED', { associated_event_id: 'evt-other' }),
          execution('old-1', 'Publish Docs', 'COMPLETED', { createdAt: iso(T0 - 60_000) }),
          execution('ex-1', 'Publish Docs', running(10_000, 'COMPLETED')),
          execution('other-2', 'Deploy', 'COMPLETED', { associated_event_id: 'evt-other' }),
          execution('ex-2', 'Sync CRM', running(20_000, 'ERRORED'))
        ]
      })
      expect(result.status).toBe('FAILED')
      expect(result.executions.map(e => [e.id, e.status])).toEqual([
        ['ex-1', 'COMPLETED'],
        ['ex-2', 'ERRORED']
      ])
      const pages = client.queries.map(q => q.page)
      // Polls at 1, 10, 14 and 22 s (Sync CRM ERRORED): three pages each.
      expect(pages).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3])
    })

    it('follows nextPage as Refold gives it', async () => {
      const { result, client } = await run({
        arrange: c =>
          c.always('executions', request => {
            const page = request.query?.page
            if (page === '1') {
              return { status: 200, body: { docs: [], hasNextPage: true, nextPage: 4 } }
            }
            if (page !== '4') return refusalAnswer(400, { message: `unexpected page ${page}` })
            const all = c.model.handle({ ...request, query: { ...request.query, page: '1' } })
            return {
              status: 200,
              body: { ...(all.body as object), hasNextPage: false, nextPage: null }
            }
          }),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(client.queries.map(q => q.page)).toEqual([1, 4, 1, 4])
    })
  })

  describe('the settle window (wait_settle)', () => {
    // The contract's example: the first workflow is listed at once and completes at 1 s, the
    // second is listed 6 s after the trigger and errors.
    const lateFailure = () => [
      execution('ex-1', 'Publish Docs', running(1000, 'COMPLETED'), { createdAt: iso(T0) }),
      execution(
        'ex-2',
        'Sync CRM',
        [
          { afterMs: 6000, status: 'RUNNING' },
          { afterMs: 8000, status: 'ERRORED' }
        ],
        { createdAt: iso(T0 + 6000) }
      )
    ]

    it('gates a workflow listed 6 s after the trigger: FAILED, not COMPLETED', async () => {
      const { result, elapsed } = await run({ executions: lateFailure() })
      expect(result.status).toBe('FAILED')
      expect(result.executions.map(e => [e.id, e.status])).toEqual([
        ['ex-1', 'COMPLETED'],
        ['ex-2', 'ERRORED']
      ])
      expect(result.headline).toContain('Sync CRM')
      // Polls at 1 s (ex-1 done), 10 s (ex-2 new, so no verdict) and 14 s (nothing new).
      expect(elapsed()).toBe(14_000)
    })

    it('with wait_settle 0, a workflow listed that late is missed: what the window is for', async () => {
      const { result, elapsed } = await run({ waitSettleMs: 0, executions: lateFailure() })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
      expect(elapsed()).toBe(3000)
    })

    it('gives no verdict before wait_settle, even when wait_interval is shorter', async () => {
      const { result, sleeps, elapsed } = await run({
        waitSettleMs: 30_000,
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      // Polls at 1, 11, 21 s, never more than wait_interval apart, and the verdict at 30 s.
      expect(sleeps).toEqual([1000, 10_000, 10_000, 9000])
      expect(elapsed()).toBe(30_000)
    })

    it('takes no verdict from a poll after wait_settle that finds a new execution', async () => {
      const { result, elapsed } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', 'COMPLETED'),
          execution('ex-2', 'Sync CRM', 'COMPLETED', { createdAt: iso(T0 + 9000) }, 9500)
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1', 'ex-2'])
      // ex-2 is new on the poll at 10 s: one more poll (14 s) finds nothing new.
      expect(elapsed()).toBe(14_000)
    })
  })

  describe('expected_workflows', () => {
    it('gives the verdict once that many executions were seen and finished, without the settle wait', async () => {
      const { result, elapsed, polls } = await run({
        expectedWorkflows: 2,
        executions: [
          execution('ex-1', 'Publish Docs', 'COMPLETED'),
          execution(
            'ex-2',
            'Sync CRM',
            [
              { afterMs: 3000, status: 'RUNNING' },
              { afterMs: 4000, status: 'COMPLETED' }
            ],
            { createdAt: iso(T0 + 3000) }
          )
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1', 'ex-2'])
      // Polls at 1 (1 of 2), 3 (ex-2 RUNNING) and 7 s: well before the 10 s settle window.
      expect(polls).toBe(3)
      expect(elapsed()).toBe(7000)
    })

    it('is TIMED_OUT, saying how many of those expected appeared, when fewer did by wait_timeout', async () => {
      const { result, elapsed } = await run({
        expectedWorkflows: 2,
        waitTimeoutMs: 20_000,
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result).toMatchObject({ ok: false, status: 'TIMED_OUT' })
      expect(result.headline).toContain('saw 1 of 2 expected workflows')
      expect(result.headline).toContain('Publish Docs (COMPLETED)')
      expect(result.headline).toMatch(/raise wait_timeout/)
      expect(elapsed()).toBe(20_000)
    })

    it('is FAILED, still saying how many appeared, when one of too few failed', async () => {
      const { result } = await run({
        expectedWorkflows: 3,
        waitTimeoutMs: 20_000,
        executions: [
          execution('ex-1', 'Publish Docs', 'COMPLETED'),
          execution('ex-2', 'Sync CRM', 'ERRORED')
        ]
      })
      expect(result.status).toBe('FAILED')
      expect(result.headline).toContain('Sync CRM (ERRORED)')
      expect(result.headline).toContain('saw 2 of 3 expected workflows')
    })

    it('gates more executions than expected too, and warns once', async () => {
      const { result, warnings } = await run({
        expectedWorkflows: 1,
        executions: [
          execution('ex-1', 'Publish Docs', 'COMPLETED'),
          execution('ex-2', 'Sync CRM', running(5000, 'ERRORED'))
        ]
      })
      expect(result.status).toBe('FAILED')
      expect(result.executions.map(e => [e.id, e.status])).toEqual([
        ['ex-1', 'COMPLETED'],
        ['ex-2', 'ERRORED']
      ])
      expect(warnings).toEqual([
        expect.stringMatching(/2 workflow executions .*more than the 1 expected/)
      ])
    })
  })

  describe('instance_tag', () => {
    const TAG = 'octo/shop/42/1/release/notify/acct-0001'

    it("does not let another run's execution of the same event and account, tagged otherwise, fail ours", async () => {
      const { result, infoLines } = await run({
        instanceTag: TAG,
        executions: [
          execution('ours', 'Publish Docs', running(3000, 'COMPLETED'), { instance_tag: TAG }),
          execution('theirs', 'Publish Docs', 'ERRORED', {
            instance_tag: 'octo/shop/43/1/release/notify/acct-0001',
            createdAt: iso(T0 + 4000)
          })
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ours'])
      expect(result.correlation).toBe('tag')
      expect(infoLines).toContainEqual(expect.stringMatching(/matched 1 by instance_tag$/))
      expect(infoLines.some(line => line.includes('theirs'))).toBe(false)
    })

    it('matches executions without the field by the time window, and says both rules were used', async () => {
      const { result, infoLines } = await run({
        instanceTag: TAG,
        executions: [
          execution('tagged', 'Publish Docs', 'COMPLETED', { instance_tag: TAG }),
          execution('untagged', 'Sync CRM', 'COMPLETED', { createdAt: iso(T0 + 3000) }),
          execution('empty-tag', 'Notify Slack', 'COMPLETED', {
            instance_tag: '',
            createdAt: iso(T0 + 4000)
          })
        ]
      })
      expect(result.executions.map(e => e.id)).toEqual(['tagged', 'untagged', 'empty-tag'])
      expect(result.correlation).toBe('tag+time')
      expect(infoLines).toContainEqual(
        expect.stringMatching(/matched 1 by instance_tag, 2 by the time window/)
      )
    })

    it('is time when no execution carries a tag, and undefined when none was seen', async () => {
      const timed = await run({
        instanceTag: TAG,
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(timed.result.correlation).toBe('time')
      const none = await run({ instanceTag: TAG, waitTimeoutMs: 5000 })
      expect(none.result.status).toBe('NONE')
      expect(none.result.correlation).toBeUndefined()
    })

    it('still ignores an execution with our tag created before the trigger', async () => {
      const { result } = await run({
        instanceTag: TAG,
        waitTimeoutMs: 20_000,
        executions: [
          execution('ex-old', 'Publish Docs', 'ERRORED', {
            instance_tag: TAG,
            createdAt: iso(T0 - 5000)
          })
        ]
      })
      expect(result.status).toBe('NONE')
    })

    it('counts no tagged execution when the trigger sent no tag: those are other runs', async () => {
      const { result } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', 'COMPLETED'),
          execution('theirs', 'Publish Docs', 'ERRORED', { instance_tag: TAG })
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
    })
  })

  describe('unrelated data never decides', () => {
    /** Lists `docs` after what the model lists, on every page of every poll. */
    const listing =
      (...docs: unknown[]) =>
      (c: ModelClient) =>
        c.always('executions', request => {
          const answer = c.model.handle(request)
          const body = answer.body as { docs: unknown[] }
          return { ...answer, body: { ...body, docs: [...body.docs, ...docs] } }
        })
    const ours = (fields: Record<string, unknown>) => ({
      associated_event_id: EVENT_ID,
      associated_workflow: { _id: 'wf-sync', name: 'Sync CRM' },
      linked_account_id: ACCOUNT,
      ...fields
    })

    it('ignores malformed executions of other events and from before t0, and reads the rest of the page', async () => {
      const { result, warnings, infoLines } = await run({
        arrange: listing(
          null,
          'x',
          [1],
          { associated_event_id: 'evt-other', _id: 7, status: 42, createdAt: 'garbage' },
          { associated_event_id: 'evt-other', status: 'ERRORED' },
          {
            associated_event_id: ['evt-release'],
            _id: 'odd',
            status: 'ERRORED',
            createdAt: iso(T0 + 1000)
          },
          ours({ _id: 'old', createdAt: iso(T0 - 5000) }),
          ours({ _id: 'old-2', status: { s: 1 }, createdAt: iso(T0 - 5000) })
        ),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
      expect(warnings).toEqual([])
      expect(infoLines.some(line => /old|odd/.test(line))).toBe(false)
    })

    it.each([
      ['no status', {}],
      ['a status of another type', { status: 42 }],
      ['an empty status', { status: ' ' }]
    ])(
      'counts a matching execution with %s as failed ("status missing")',
      async (_label, fields) => {
        const { result } = await run({
          arrange: listing(ours({ _id: 'ex-2', createdAt: iso(T0 + 1000), ...fields })),
          executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
        })
        expect(result.status).toBe('FAILED')
        expect(result.headline).toContain('Sync CRM (status missing)')
        expect(result.executions.find(e => e.id === 'ex-2')?.status).toBe('status missing')
      }
    )

    it.each([
      ['that is not a date', { createdAt: 'yesterday' }],
      ['of another type', { createdAt: 1_709_640_000_000 }],
      ['that is missing', {}]
    ])(
      'ignores a matching execution whose createdAt cannot be read (%s), with one warning naming it',
      async (_label, fields) => {
        const { result, warnings, polls } = await run({
          arrange: listing(ours({ _id: 'ex-bad', status: 'ERRORED', ...fields })),
          executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
        })
        expect(result.status).toBe('COMPLETED')
        expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
        expect(polls).toBeGreaterThan(1)
        expect(warnings).toEqual([expect.stringContaining('Ignored execution ex-bad of event')])
        expect(warnings[0]).toMatch(/createdAt/)
      }
    )

    it('ignores, with a warning, a matching execution without an id', async () => {
      const { result, warnings } = await run({
        arrange: listing(ours({ status: 'ERRORED', createdAt: iso(T0 + 1000) })),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(warnings).toEqual([
        expect.stringMatching(/Ignored an execution of event .* that has no _id/)
      ])
    })

    it('compares statuses without regard to case and reports them upper-cased', async () => {
      const { result, elapsed } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', [
            { afterMs: 0, status: 'queued' },
            { afterMs: 12_000, status: 'Running' },
            { afterMs: 20_000, status: 'completed' }
          ]),
          execution('ex-2', 'Sync CRM', 'duplicate')
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.status)).toEqual(['COMPLETED', 'DUPLICATE'])
      // In progress until the poll at 22 s: `queued` and `Running` were not taken as failures.
      expect(elapsed()).toBe(22_000)
      const failed = await run({ executions: [execution('ex-1', 'Publish Docs', 'errored')] })
      expect(failed.result.status).toBe('FAILED')
      expect(failed.result.headline).toContain('Publish Docs (ERRORED)')
    })

    it("reads a timestamp without a zone as UTC, whatever the runner's time zone", async () => {
      // A runner 9 h east of UTC: Date.parse reads a zone-less date-time as its local time, so
      // 12:00:02 would fall before t0 and the execution be ignored.
      const parse = Date.parse
      const zoneless = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/
      const local = jest
        .spyOn(Date, 'parse')
        .mockImplementation(text => parse(zoneless.test(text) ? `${text}+09:00` : text))
      try {
        const { result } = await run({
          arrange: listing(
            ours({
              _id: 'ex-2',
              status: 'COMPLETED',
              createdAt: '2024-03-05T12:00:02',
              completion_time: '2024-03-05T12:00:07.250'
            })
          )
        })
        expect(result.status).toBe('COMPLETED')
        expect(result.executions).toEqual([
          expect.objectContaining({
            id: 'ex-2',
            created_at: '2024-03-05T12:00:02',
            durationMs: 5250
          })
        ])
      } finally {
        local.mockRestore()
      }
    })
  })

  describe('the event id', () => {
    it('is looked up via listEvents by exact name', async () => {
      const { result, sent } = await run({
        events: [
          { _id: 'evt-lower', name: 'release published' },
          { _id: 'evt-longer', name: 'Release Published v2' },
          { _id: 'evt-spaced', name: ' Release Published' },
          { _id: EVENT_ID, name: EVENT }
        ],
        executions: [
          execution('ex-lower', 'Lower', 'RUNNING', { associated_event_id: 'evt-lower' }),
          execution('ex-longer', 'Longer', 'ERRORED', { associated_event_id: 'evt-longer' }),
          execution('ex-1', 'Publish Docs', 'COMPLETED')
        ]
      })
      expect(sent('events')).toHaveLength(1)
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
    })

    it('is NONE with a clear headline when the event is not in the list', async () => {
      const { result, sent } = await run({
        events: [{ _id: 'evt-lower', name: 'release published' }],
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('NONE')
      expect(result.executions).toEqual([])
      expect(result.headline).toContain(`"${EVENT}"`)
      expect(result.headline).toMatch(/not in the events list/)
      expect(sent('executions')).toEqual([])
    })

    it('is NONE with a clear headline, saying an org-level key is needed, when the events list is refused with 401', async () => {
      const { result, sent } = await run({
        arrange: c =>
          c.always(
            'events',
            refusalAnswer(401, {
              http_error_type: 'UNAUTHORIZED',
              error_code: 'SERVER_ERROR',
              message: 'Invalid Credentials'
            })
          ),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('NONE')
      expect(result.headline).toContain(`"${EVENT}"`)
      expect(result.headline).toMatch(/could not look up the event's id/)
      expect(result.headline).toContain('HTTP 401')
      expect(result.headline).toContain('Invalid Credentials')
      expect(result.headline).toMatch(/lists need an org-level API key/i)
      expect(result.hint).toBe(ORG_KEY_HINT)
      // 401 is not retryable.
      expect(sent('events')).toHaveLength(1)
      expect(sent('executions')).toEqual([])
    })

    it('gives no org-level key hint when the events list fails otherwise', async () => {
      const { result } = await run({
        retries: 0,
        arrange: c => c.always('events', refusalAnswer(403, { message: 'Forbidden' }))
      })
      expect(result.headline).toMatch(/could not look up the event's id: .*HTTP 403/)
      expect(result.headline).not.toMatch(/org-level/)
      expect(result.hint).toBeUndefined()
    })

    it('retries the events list on a retryable failure', async () => {
      const { result, client, sent } = await run({
        arrange: c => c.script('events', { network: 'connection reset (ECONNRESET)' }),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(sent('events')).toHaveLength(2)
      expect(client.retryLines).toHaveLength(1)
      expect(client.retryLines[0]).toMatch(/ECONNRESET/)
    })
  })

  describe('poll failures', () => {
    const unavailable = refusalAnswer(503, { message: 'Service Unavailable' })

    it('retries a poll that fails with a retryable error, per the retry policy', async () => {
      const { result, client, sleeps, sent } = await run({
        arrange: c => c.script('executions', unavailable),
        executions: [execution('ex-1', 'Publish Docs', running(10_000, 'COMPLETED'))]
      })
      expect(result.status).toBe('COMPLETED')
      expect(client.retryLines).toHaveLength(1)
      expect(client.retryLines[0]).toMatch(/HTTP 503/)
      // The first poll 1 s in; backoff for its first retry, base 1 s, jitter 0.5: between 0.5 s and 1 s.
      expect(sleeps[0]).toBe(1000)
      expect(sleeps[1]).toBeGreaterThanOrEqual(500)
      expect(sleeps[1]).toBeLessThanOrEqual(1000)
      // One failed attempt, then polls at ~1.75 (RUNNING) and 10 s (COMPLETED).
      expect(sent('executions')).toHaveLength(3)
      expect(result.polls).toBe(2)
      expect(result.requests).toBe(3)
    })

    it('honours Retry-After on a 429 while polling', async () => {
      const { result, sleeps } = await run({
        arrange: c =>
          c.script(
            'executions',
            refusalAnswer(429, { message: 'Rate Limit Hit' }, { 'retry-after': '7' })
          ),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(sleeps.slice(0, 2)).toEqual([1000, 7000])
    })

    it('ends the wait with a headline saying polling failed when polls keep failing (nothing seen)', async () => {
      const { result, sent } = await run({
        retries: 2,
        arrange: c => c.always('executions', unavailable)
      })
      expect(result.status).toBe('NONE')
      expect(result.headline).toContain(`"${EVENT}"`)
      expect(result.headline).toMatch(/could not poll the executions/)
      expect(result.headline).toMatch(/Gave up after 3 attempts/)
      expect(result.headline).toContain('HTTP 503')
      expect(result.hint).toBeUndefined()
      expect(sent('executions')).toHaveLength(3)
    })

    it('does not retry a poll refused with 401, and says the executions list needs an org-level key', async () => {
      const { result, sent } = await run({
        arrange: c => c.always('executions', refusalAnswer(401, { message: 'Invalid Credentials' }))
      })
      expect(result.status).toBe('NONE')
      expect(result.headline).toMatch(/could not poll the executions/)
      expect(result.headline).toContain('HTTP 401')
      expect(result.headline).toMatch(/lists need an org-level API key/i)
      expect(result.hint).toBe(ORG_KEY_HINT)
      expect(sent('executions')).toHaveLength(1)
    })

    it('says polling failed when polls start failing while an execution runs', async () => {
      const { result } = await run({
        retries: 1,
        arrange: c => {
          c.script('executions', MODEL)
          c.always('executions', unavailable)
        },
        executions: [execution('ex-1', 'Publish Docs', 'RUNNING')]
      })
      expect(result.status).toBe('TIMED_OUT')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
      expect(result.headline).toMatch(/could not poll the executions/)
      expect(result.headline).toContain('Publish Docs')
    })

    it('says polling failed when polls start failing with one execution failed and another running', async () => {
      const { result } = await run({
        retries: 1,
        arrange: c => {
          c.script('executions', MODEL)
          c.always('executions', unavailable)
        },
        executions: [
          execution('ex-1', 'Publish Docs', 'ERRORED'),
          execution('ex-2', 'Sync CRM', 'RUNNING')
        ]
      })
      expect(result.status).toBe('FAILED')
      expect(result.headline).toContain('Publish Docs')
      expect(result.headline).toMatch(/could not poll the executions/)
    })

    it('says polling failed, without claiming unfinished executions, when the confirming poll fails', async () => {
      const { result } = await run({
        retries: 1,
        arrange: c => {
          c.script('executions', MODEL)
          c.always('executions', unavailable)
        },
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.headline).toMatch(/could not poll the executions/)
      // Every execution seen had finished: the headline must not list an empty set of unfinished ones.
      expect(result.headline).not.toMatch(/unfinished/)
      expect(result.headline).not.toContain('()')
    })
  })

  describe('malformed pages', () => {
    const malformedPage = { status: 200, body: '{"docs":{"0":null}}' }

    it('retries an answer that is not a page like a 5xx', async () => {
      const { result, client } = await run({
        arrange: c => c.script('executions', malformedPage),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(client.retryLines[0]).toMatch(
        /^Attempt 1 of 4 failed: .*expected an object with a docs array/
      )
    })

    it('ends in a verdict, not a crash, when no answer is a page', async () => {
      const { result, sent } = await run({
        retries: 1,
        arrange: c => c.always('executions', malformedPage)
      })
      expect(result).toMatchObject({ ok: false, status: 'NONE', executions: [] })
      expect(result.headline).toMatch(/could not poll the executions: Gave up after 2 attempts/)
      expect(result.headline).toContain(
        'not of the expected shape: expected an object with a docs array'
      )
      expect(sent('executions')).toHaveLength(2)
    })
  })

  describe('not waited', () => {
    it('is NONE with no executions and says the event was not accepted', () => {
      expect(notWaited({ event: EVENT })).toEqual({
        ok: false,
        status: 'NONE',
        executions: [],
        headline: `Event "${EVENT}" was not accepted, so no execution was waited for`,
        durationMs: 0,
        details: [],
        polls: 0,
        requests: 0,
        stopped: []
      })
    })
  })

  describe('broken wait', () => {
    it('is NONE with no executions and says the wait stopped on an unexpected error', () => {
      expect(waitBroke({ event: EVENT }, new TypeError('x is undefined'))).toEqual({
        ok: false,
        status: 'NONE',
        executions: [],
        headline: `Event "${EVENT}": stopped waiting for its executions: unexpected error: x is undefined`,
        durationMs: 0,
        details: [],
        polls: 0,
        requests: 0,
        stopped: []
      })
    })
  })

  describe('logging', () => {
    it('logs server text on one line, so an id, workflow or status cannot start a line with ::', async () => {
      const { infoLines } = await run({
        executions: [
          execution('ex-1\n::add-mask::id', 'Publish\n::error::workflow', 'DONE\r\n::error::status')
        ]
      })
      const lines = infoLines.flatMap(line => line.split(/\r\n|\r|\n/))
      expect(lines.filter(line => line.trimStart().startsWith('::'))).toEqual([])
      expect(infoLines).toContainEqual(
        'Execution ex-1\\n::add-mask::id (Publish\\n::error::workflow): DONE\\r\\n::ERROR::STATUS'
      )
    })

    it('logs one line per status change, not per poll', async () => {
      const { result, infoLines, polls } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', [
            { afterMs: 0, status: 'QUEUED' },
            { afterMs: 10_000, status: 'RUNNING' },
            { afterMs: 40_000, status: 'COMPLETED' }
          ]),
          execution('other-1', 'Deploy', 'RUNNING', { associated_event_id: 'evt-other' })
        ]
      })
      expect(result.status).toBe('COMPLETED')
      // 1 (QUEUED), 10, 14, 22, 32 (RUNNING), 42 s (COMPLETED).
      expect(polls).toBe(6)
      const about = infoLines.filter(line => line.includes('ex-1'))
      expect(about).toHaveLength(3)
      expect(about[0]).toMatch(/QUEUED/)
      expect(about[1]).toMatch(/RUNNING/)
      expect(about[2]).toMatch(/COMPLETED/)
      expect(about.every(line => line.includes('Publish Docs'))).toBe(true)
      expect(infoLines.some(line => line.includes('other-1'))).toBe(false)
    })
  })

  describe('the executions query', () => {
    it.each([
      // [Date header, runner clock]
      ['Tue, 05 Mar 2024 23:59:59 GMT', Date.parse('2024-03-06T05:00:00Z')],
      ['Wed, 06 Mar 2024 00:00:01 GMT', Date.parse('2024-03-05T20:00:00Z')],
      [DATE_HEADER, RUNNER_START]
    ])(
      "has start_date = t0 - 60 s as an ISO 8601 date-time, t0 the server's Date (%s, runner clock %i)",
      async (date, runnerStart) => {
        const t0 = Date.parse(date)
        const { result, client, sent, model } = await run({
          date,
          runnerStart,
          slug: 'hubspot',
          // A server validating the spec's `format: date-time` refuses anything else with 422.
          startDate: 'date-time',
          executions: [
            execution('ex-1', 'Publish Docs', 'COMPLETED', {
              createdAt: iso(t0 + 500),
              slug: 'hubspot'
            })
          ]
        })
        expect(result.status).toBe('COMPLETED')
        expect(client.queries.length).toBeGreaterThan(0)
        for (const query of client.queries) {
          expect(query.startDate).toBe(new Date(t0 - 60_000).toISOString())
          expect(query.startDate).toMatch(DATE_TIME)
          expect(query.slug).toBe('hubspot')
        }
        for (const request of sent('executions')) {
          expect(request.query?.start_date).toBe(new Date(t0 - 60_000).toISOString())
        }
        expect(model.stats().startDateQueries).toBe(sent('executions').length)
      }
    )

    it("has start_date = the runner's clock - 61 s when the trigger answer has no Date", async () => {
      const { client } = await run({
        date: null,
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(client.queries.length).toBeGreaterThan(0)
      for (const query of client.queries) {
        expect(query.startDate).toBe(new Date(RUNNER_START - 61_000).toISOString())
      }
    })

    it('has no slug when none is set', async () => {
      const { client } = await run({
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      for (const query of client.queries) {
        expect(query.slug).toBeUndefined()
        expect(query.startDate).toBe(new Date(T0 - 60_000).toISOString())
      }
    })

    it('polls once more without start_date when Refold refuses it with 422, and completes the wait', async () => {
      const { result, client, infoLines, sleeps, sent } = await run({
        startDate: 'reject',
        executions: [
          execution('ex-1', 'Publish Docs', running(5000, 'COMPLETED')),
          // Listed without start_date, and still left out: created before t0.
          execution('old-1', 'Publish Docs', 'ERRORED', { createdAt: iso(T0 - 30_000) })
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
      const requests = sent('executions')
      expect(requests[0].query?.start_date).toBeDefined()
      // Every later query, the one right after the refusal included, leaves start_date out.
      expect(requests.slice(1).length).toBeGreaterThan(1)
      for (const request of requests.slice(1)) expect(request.query?.start_date).toBeUndefined()
      expect(client.queries.slice(1).every(q => q.startDate === undefined)).toBe(true)
      // The poll without it comes at once, not a poll interval later: the schedule is unchanged.
      expect(sleeps).toEqual([1000, 9000])
      expect(infoLines.some(l => /start_date.*HTTP 422/.test(l))).toBe(true)
    })

    it('polls without start_date when Refold refuses it with 400', async () => {
      const { result, sent } = await run({
        arrange: c => c.script('executions', refusalAnswer(400, { message: 'Invalid start_date' })),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(sent('executions').map(r => r.query?.start_date === undefined)).toEqual([
        false,
        true,
        true
      ])
    })

    it('ends the wait when the query without start_date is refused too', async () => {
      const { result, sent } = await run({
        arrange: c => c.always('executions', refusalAnswer(422, { message: 'Invalid query' })),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('NONE')
      expect(result.headline).toMatch(/could not poll the executions: .*HTTP 422/)
      expect(sent('executions')).toHaveLength(2)
    })
  })

  describe('the poll schedule', () => {
    it('polls 1 s after the trigger, then 2, 4, 8, 10, 10 … s apart (wait_interval 10 s), and with wait_settle 0 gives the verdict on the first poll that sees everything finished', async () => {
      const { result, sleeps, elapsed } = await run({
        waitSettleMs: 0,
        executions: [execution('ex-1', 'Publish Docs', running(40_000, 'COMPLETED'))]
      })
      expect(result.status).toBe('COMPLETED')
      // Polls at 1, 3, 7, 15, 25, 35 (RUNNING) and 45 s (COMPLETED, nothing new).
      expect(sleeps).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000])
      expect(elapsed()).toBe(45_000)
      expect(result.durationMs).toBe(45_000)
    })

    it('makes no poll between the first sighting and wait_settle, since none could give the verdict', async () => {
      const { result, sleeps } = await run({
        executions: [execution('ex-1', 'Publish Docs', running(40_000, 'COMPLETED'))]
      })
      expect(result.status).toBe('COMPLETED')
      // Polls at 1, 10, 14, 22, 32 (RUNNING) and 42 s (COMPLETED).
      expect(sleeps).toEqual([1000, 9000, 4000, 8000, 10_000, 10_000])
    })

    it('keeps the doubling schedule while nothing was seen, wait_settle or not', async () => {
      const { result, sleeps } = await run({
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED', {}, 12_000)]
      })
      expect(result.status).toBe('COMPLETED')
      // Polls at 1, 3, 7 (nothing), 15 s (COMPLETED, new) and 25 s (nothing new).
      expect(sleeps).toEqual([1000, 2000, 4000, 8000, 10_000])
    })

    it('gates a 5 s workflow at wait_settle: polls at 1 and 10 s', async () => {
      const { result, sleeps, model, serverStart, elapsed } = await run({
        executions: [execution('ex-1', 'Publish Docs', running(5000, 'COMPLETED'))]
      })
      expect(result.status).toBe('COMPLETED')
      expect(sleeps).toEqual([1000, 9000])
      expect(model.lastFinishAt()).toBe(serverStart + 5000)
      expect(elapsed()).toBe(10_000)
    })

    it('never polls further apart than a wait_interval shorter than wait_settle', async () => {
      const { result, sleeps, elapsed } = await run({
        waitIntervalMs: 1000,
        executions: [execution('ex-1', 'Publish Docs', running(3500, 'COMPLETED'))]
      })
      expect(result.status).toBe('COMPLETED')
      // COMPLETED from 4 s on; the verdict on the poll at wait_settle.
      expect(sleeps).toEqual(Array<number>(10).fill(1000))
      expect(elapsed()).toBe(10_000)
    })

    it('doubles up to a wait_interval that is not a power of two', async () => {
      const { sleeps } = await run({
        waitSettleMs: 0,
        waitIntervalMs: 3000,
        waitTimeoutMs: 12_000,
        executions: [execution('ex-1', 'Publish Docs', 'RUNNING')]
      })
      // Polls at 1, 3, 6, 9 and 12 s.
      expect(sleeps).toEqual([1000, 2000, 3000, 3000, 3000])
    })

    it('makes polls and requests known in the result', async () => {
      const { result, sent, polls } = await run({
        pageSize: 1,
        executions: [
          execution('ex-1', 'Publish Docs', 'COMPLETED'),
          execution('ex-2', 'Sync CRM', 'COMPLETED')
        ]
      })
      expect(result.polls).toBe(polls)
      expect(result.polls).toBe(2)
      // Two pages per poll; the events list is not counted.
      expect(result.requests).toBe(sent('executions').length)
      expect(result.requests).toBe(4)
    })
  })

  describe('durations', () => {
    it("gives each execution's duration from created_at to its finish, and none while it runs", async () => {
      const { result } = await run({
        waitTimeoutMs: 20_000,
        executions: [
          execution('ex-1', 'Publish Docs', running(6000, 'COMPLETED'), { createdAt: iso(T0) }),
          execution('ex-2', 'Sync CRM', 'RUNNING', { createdAt: iso(T0 + 1000) })
        ]
      })
      expect(result.status).toBe('TIMED_OUT')
      expect(result.durationMs).toBe(20_000)
      expect(result.executions).toEqual([
        expect.objectContaining({ id: 'ex-1', finished_at: iso(T0 + 6000), durationMs: 6000 }),
        expect.not.objectContaining({ durationMs: expect.anything() })
      ])
      expect(result.executions[1].id).toBe('ex-2')
    })

    it('lists the executions oldest first, whatever order Refold lists them in', async () => {
      const { result } = await run({
        executions: [
          execution('ex-early', 'Publish Docs', 'COMPLETED', { createdAt: iso(T0 + 100) }),
          execution('ex-late', 'Sync CRM', 'COMPLETED', { createdAt: iso(T0 + 900) })
        ]
      })
      // Refold lists newest first (sortAsc=false).
      expect(result.executions.map(e => e.id)).toEqual(['ex-early', 'ex-late'])
    })
  })

  describe('failed executions', () => {
    const failing = (id: string, errorField?: 'error' | 'message' | 'error_message') =>
      execution(id, 'Notify Slack', [
        { afterMs: 0, status: 'RUNNING', node: 'Build message' },
        {
          afterMs: 4000,
          status: 'ERRORED',
          node: 'Post to Slack',
          error: 'channel_not_found',
          ...(errorField ? { errorField } : {})
        }
      ])

    it.each([undefined, 'message', 'error_message'] as const)(
      "reads an ERRORED execution's detail: its name, status, error text (field %s) and failed node",
      async errorField => {
        const { result, infoLines, sent } = await run({
          executions: [execution('ex-ok', 'Publish Docs', 'COMPLETED'), failing('ex-1', errorField)]
        })
        expect(result.status).toBe('FAILED')
        expect(result.details).toEqual([
          {
            id: 'ex-1',
            workflow: 'Notify Slack',
            name: 'Notify Slack run',
            status: 'ERRORED',
            error: 'channel_not_found',
            failedNode: { name: 'Post to Slack', error: 'channel_not_found' }
          }
        ])
        // Only the failed one is read, with the account's header.
        expect(sent('execution').map(r => r.path)).toEqual(['/api/v2/public/execution/ex-1'])
        expect(sent('execution')[0].headers?.linked_account_id).toBe(ACCOUNT)
        expect(infoLines).toContainEqual(
          'Execution ex-1 (Notify Slack) failed: channel_not_found at Post to Slack: channel_not_found'
        )
      }
    )

    it('gives the failed node without error text when the detail carries none', async () => {
      const { result } = await run({ detailErrors: false, executions: [failing('ex-1')] })
      expect(result.details).toEqual([
        {
          id: 'ex-1',
          workflow: 'Notify Slack',
          name: 'Notify Slack run',
          status: 'ERRORED',
          failedNode: { name: 'Post to Slack' }
        }
      ])
    })

    it('reads the detail of at most 5 failed executions', async () => {
      const ids = ['ex-1', 'ex-2', 'ex-3', 'ex-4', 'ex-5', 'ex-6', 'ex-7']
      const { result, sent } = await run({
        executions: ids.map((id, i) =>
          execution(id, `Flow ${i + 1}`, 'ERRORED', { createdAt: iso(T0 + 1000 + i) })
        )
      })
      expect(result.executions).toHaveLength(7)
      expect(result.details.map(d => d.id)).toEqual(ids.slice(0, 5))
      expect(sent('execution')).toHaveLength(5)
    })

    it('reads no detail when nothing failed', async () => {
      const { sent, result } = await run({
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.details).toEqual([])
      expect(sent('execution')).toEqual([])
    })

    it('reads the details of failed executions when polling broke off too', async () => {
      const { result } = await run({
        retries: 0,
        arrange: c => {
          // Polls at 1, 3 and 7 s (ex-1 ERRORED at 4 s) are answered; the one at 15 s is not.
          c.script('executions', MODEL, MODEL, MODEL)
          c.always('executions', refusalAnswer(503))
        },
        executions: [failing('ex-1'), execution('ex-2', 'Sync CRM', 'RUNNING')]
      })
      expect(result.headline).toMatch(/could not poll the executions/)
      expect(result.status).toBe('FAILED')
      expect(result.details.map(d => [d.id, d.error])).toEqual([['ex-1', 'channel_not_found']])
    })

    it.each([
      ['a 500 on every attempt', refusalAnswer(500, { message: 'boom' })],
      ['a 404', refusalAnswer(404, { error_code: 'EXECUTION_NOT_FOUND' })],
      ['a malformed detail', { status: 200, body: '{"name":"no id"}' }],
      ['a dropped connection', { network: 'connection reset (ECONNRESET)' }]
    ])('a detail that cannot be read (%s) changes nothing else', async (_label, failure) => {
      const executions = () => [execution('ex-ok', 'Publish Docs', 'COMPLETED'), failing('ex-1')]
      const plain = await run({ executions: executions() })
      const broken = await run({
        executions: executions(),
        arrange: c => c.always('execution', failure)
      })
      const rest = (result: WaitResult) => ({ ...result, details: undefined, requests: undefined })
      expect(plain.result.details).toHaveLength(1)
      expect(broken.result.details).toEqual([])
      expect(rest(broken.result)).toEqual(rest(plain.result))
      expect(broken.result.status).toBe('FAILED')
      expect(
        broken.infoLines.some(l => /Could not read the detail of execution ex-1/.test(l))
      ).toBe(true)
    })
  })

  describe('cancelled', () => {
    it('stops at once when the run is cancelled mid-sleep: CANCELLED, with the executions seen so far and no detail read', async () => {
      const { result, polls, sent, stopExecution } = await run({
        cancelAt: 12_000,
        executions: [
          execution('ex-1', 'Publish Docs', 'RUNNING'),
          execution('ex-2', 'Sync CRM', 'ERRORED')
        ]
      })
      expect(result).toMatchObject({ ok: false, status: 'CANCELLED', stopped: [] })
      expect(result.executions.map(e => [e.id, e.status])).toEqual([
        ['ex-1', 'RUNNING'],
        ['ex-2', 'ERRORED']
      ])
      expect(result.headline).toBe(
        `Event "${EVENT}": cancelled while waiting for its executions ` +
          '(so far: Publish Docs (RUNNING), Sync CRM (ERRORED))'
      )
      // Polls at 1 and 10 s; the one due at 14 s never came.
      expect(polls).toBe(2)
      expect(result.durationMs).toBe(12_000)
      expect(sent('execution')).toEqual([])
      expect(stopExecution).not.toHaveBeenCalled()
    })

    it('does not wait for the answer of a poll in flight when the run is cancelled', async () => {
      const cancel = new AbortController()
      const { result, elapsed } = await run({
        cancel,
        executions: [execution('ex-1', 'Publish Docs', 'RUNNING')],
        arrange: c => {
          const list = c.listExecutions
          let calls = 0
          c.listExecutions = (account, query) => {
            if (++calls < 2) return list(account, query)
            cancel.abort()
            return new Promise(() => undefined)
          }
        }
      })
      expect(result.status).toBe('CANCELLED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
      expect(elapsed()).toBe(10_000)
    })

    it('polls nothing when the run was cancelled before the wait began', async () => {
      const cancel = new AbortController()
      cancel.abort()
      const { result, sent } = await run({
        cancel,
        executions: [execution('ex-1', 'Publish Docs', 'RUNNING')]
      })
      expect(result).toMatchObject({ status: 'CANCELLED', executions: [], polls: 0 })
      expect(result.headline).toBe(`Event "${EVENT}": cancelled while waiting for its executions`)
      expect(sent('executions')).toEqual([])
    })

    it('with stop_unfinished, stops what is still in progress, though the run is cancelled', async () => {
      const { result, stopExecution, infoLines } = await run({
        cancelAt: 12_000,
        stopUnfinished: true,
        executions: [
          execution('ex-1', 'Publish Docs', 'RUNNING'),
          execution('ex-2', 'Sync CRM', 'ERRORED'),
          execution('ex-3', 'Notify Slack', 'QUEUED')
        ]
      })
      expect(result.status).toBe('CANCELLED')
      expect(stopExecution.mock.calls).toEqual([
        [ACCOUNT, 'ex-1'],
        [ACCOUNT, 'ex-3']
      ])
      expect(result.stopped).toEqual([
        { id: 'ex-1', workflow: 'Publish Docs', ok: true },
        { id: 'ex-3', workflow: 'Notify Slack', ok: true }
      ])
      expect(result.headline).toMatch(/; stopped 2 of 2 unfinished$/)
      expect(infoLines).toContainEqual('Asked Refold to stop execution ex-1 (Publish Docs)')
    })
  })

  describe('stop_unfinished', () => {
    const runningAndDone = () => [
      execution('ex-1', 'Publish Docs', 'RUNNING'),
      execution('ex-2', 'Sync CRM', 'COMPLETED')
    ]

    it('when wait_timeout runs out, stops each execution still in progress, once', async () => {
      const { result, stopExecution, sent } = await run({
        waitTimeoutMs: 20_000,
        stopUnfinished: true,
        executions: runningAndDone()
      })
      expect(result.status).toBe('TIMED_OUT')
      expect(stopExecution.mock.calls).toEqual([[ACCOUNT, 'ex-1']])
      expect(result.stopped).toEqual([{ id: 'ex-1', workflow: 'Publish Docs', ok: true }])
      expect(result.headline).toBe(
        `Event "${EVENT}": still running after 20 s: Publish Docs (RUNNING); raise wait_timeout; ` +
          'stopped 1 of 1 unfinished'
      )
      expect(result.requests).toBe(sent('executions').length + 1)
    })

    it('says which stops failed, in the log and the headline', async () => {
      const { result, warnings } = await run({
        waitTimeoutMs: 20_000,
        stopUnfinished: true,
        stop: async () => {
          throw callFailed(500, { refoldMessage: 'boom' })
        },
        executions: runningAndDone()
      })
      expect(result.stopped).toEqual([
        { id: 'ex-1', workflow: 'Publish Docs', ok: false, error: expect.stringMatching(/500/) }
      ])
      expect(warnings).toEqual([
        expect.stringMatching(/^Could not stop execution ex-1 \(Publish Docs\): /)
      ])
      expect(result.headline).toMatch(/stopped 0 of 1 unfinished \(could not stop: Publish Docs\)$/)
    })

    it('without it, stops nothing and the TIMED_OUT headline says what to do', async () => {
      const { result, stopExecution } = await run({
        waitTimeoutMs: 20_000,
        executions: runningAndDone()
      })
      expect(stopExecution).not.toHaveBeenCalled()
      expect(result.stopped).toEqual([])
      expect(result.headline).toMatch(
        /still running after 20 s: Publish Docs \(RUNNING\); raise wait_timeout, or set stop_unfinished/
      )
    })

    it('stops what still runs when the wait runs out with another execution failed', async () => {
      const { result, stopExecution } = await run({
        waitTimeoutMs: 20_000,
        stopUnfinished: true,
        executions: [
          execution('ex-1', 'Publish Docs', 'RUNNING'),
          execution('ex-2', 'Sync CRM', 'ERRORED')
        ]
      })
      expect(result.status).toBe('FAILED')
      expect(stopExecution.mock.calls).toEqual([[ACCOUNT, 'ex-1']])
    })

    it('stops nothing when the wait ended otherwise: polling broke off', async () => {
      const { result, stopExecution } = await run({
        retries: 0,
        stopUnfinished: true,
        arrange: c => {
          c.script('executions', MODEL)
          c.always('executions', refusalAnswer(503))
        },
        executions: runningAndDone()
      })
      expect(result.headline).toMatch(/could not poll the executions/)
      expect(stopExecution).not.toHaveBeenCalled()
      expect(result.stopped).toEqual([])
    })
  })

  describe('polls timed from the durations seen', () => {
    const thirtySeconds = () => [
      execution('ex-1', 'Publish Docs', running(30_000, 'COMPLETED'), { createdAt: iso(T0) })
    ]

    it("polls once 1 s after the expected finish when the workflow's duration is known", async () => {
      const durations = new DurationsSeen()
      durations.finished('wf-ex-1', 'another-account', 30_000)
      const timed = await run({ durations, executions: thirtySeconds() })
      expect(timed.result.status).toBe('COMPLETED')
      expect(timed.sleeps).toEqual([1000, 30_000])
      expect(timed.polls).toBe(2)
      // The same wait with nothing known: 1, 10, 14, 22 and 32 s.
      const alone = await run({ executions: thirtySeconds() })
      expect(alone.polls).toBe(5)
    })

    it('goes back to the doubling schedule when the workflow runs past its expected finish', async () => {
      const durations = new DurationsSeen()
      durations.finished('wf-ex-1', 'another-account', 20_000)
      const { result, sleeps } = await run({ durations, executions: thirtySeconds() })
      expect(result.status).toBe('COMPLETED')
      // 1 s, 21 s (still RUNNING), then 25 and 33 s.
      expect(sleeps).toEqual([1000, 20_000, 4000, 8000])
    })

    it('gates a fan-out of 200 accounts whose workflows take 30 s with about 2 polls per account', async () => {
      const { results, polls, took } = await fanOut({ accounts: 200, shared: true })
      expect(results.every(r => r.status === 'COMPLETED')).toBe(true)
      // The first account times the workflow for the others: 1, 10, 14, 22 and 32 s.
      expect(polls[0]).toBe(5)
      expect(polls.slice(1).every(count => count === 2)).toBe(true)
      expect(polls.reduce((sum, count) => sum + count, 0) / polls.length).toBeLessThanOrEqual(3)
      // Each account's verdict within 3 s of its workflow's end.
      expect(Math.max(...took)).toBeLessThanOrEqual(33_000)
    })

    it('costs about 5 polls per account when the waits do not share what they learn', async () => {
      const { results, polls } = await fanOut({ accounts: 20, shared: false })
      expect(results.every(r => r.status === 'COMPLETED')).toBe(true)
      expect(polls.every(count => count === 5)).toBe(true)
    })

    it('lets a younger execution time itself once the wait timing it for others has ended', async () => {
      // The first account's polls fail after its first: its wait ends, the second's carries on.
      const { results, polls, took } = await fanOut({
        accounts: 2,
        shared: true,
        arrange: c => {
          let first = 0
          c.always('executions', request =>
            request.headers?.linked_account_id === 'acct-0000' && ++first > 1
              ? refusalAnswer(401, { message: 'Invalid Credentials' })
              : undefined
          )
        }
      })
      expect(results[0].headline).toMatch(/could not poll the executions/)
      expect(results[1].status).toBe('COMPLETED')
      expect(polls[1]).toBeGreaterThan(2)
      expect(took[1]).toBeLessThanOrEqual(33_000)
    })
  })
})

/**
 * A clock for many waits at once: each sleep ends in the order of its due time, once every wait
 * has done all it could before, and at once when its signal aborts.
 */
function sharedClock(start: number) {
  let now = start
  let order = 0
  const due: { at: number; order: number; wake: () => void }[] = []
  const clock: Clock = {
    now: () => now,
    random: () => 0.5,
    sleep: (ms, signal) =>
      new Promise<void>(resolve => {
        const timer = { at: now + ms, order: order++, wake: resolve }
        due.push(timer)
        signal?.addEventListener(
          'abort',
          () => {
            const index = due.indexOf(timer)
            if (index >= 0) due.splice(index, 1)
            resolve()
          },
          { once: true }
        )
      })
  }
  /** Runs the clock until `work` settles. */
  async function until<T>(work: Promise<T>): Promise<T> {
    let done = false
    work.then(
      () => (done = true),
      () => (done = true)
    )
    for (;;) {
      await new Promise(resolve => setImmediate(resolve))
      if (done) return work
      due.sort((a, b) => a.at - b.at || a.order - b.order)
      const next = due.shift()
      if (!next) throw new Error('every wait sleeps with nothing due')
      now = Math.max(now, next.at)
      next.wake()
    }
  }
  return { clock, until, elapsed: () => now - start }
}

const FAN_OUT_SPACING_MS = 50

/**
 * `accounts` accounts triggered 50 ms apart, each starting one 30 s execution of the same
 * workflow, all waited for at once on one clock, with wait_settle and wait_interval at their
 * defaults. `shared`: the waits share one DurationsSeen.
 */
async function fanOut(options: {
  accounts: number
  shared: boolean
  arrange?: (client: ModelClient) => void
}) {
  const time = sharedClock(RUNNER_START)
  const accounts = Array.from(
    { length: options.accounts },
    (_, k) => `acct-${String(k).padStart(4, '0')}`
  )
  const triggeredAt = (k: number) => k * FAN_OUT_SPACING_MS
  const model = createRefoldModel({
    now: () => T0 + time.elapsed(),
    events: [{ _id: EVENT_ID, name: EVENT }],
    workflows: {},
    executions: accounts.map((account, k) => ({
      doc: {
        _id: `ex-${k}`,
        name: 'Deploy run',
        associated_event_id: EVENT_ID,
        associated_workflow: { _id: 'wf-deploy', name: 'Deploy' },
        linked_account_id: account
      } as ScheduledExecution['doc'],
      startedAt: T0 + triggeredAt(k),
      steps: running(30_000, 'COMPLETED')
    }))
  })
  const client = modelClient(model, { clock: time.clock })
  options.arrange?.(client)
  const polls = new Map<string, number>()
  const counting: WaitContext['client'] = {
    listExecutions: (account, query) => {
      if (query.page === 1) polls.set(account, (polls.get(account) ?? 0) + 1)
      return client.listExecutions(account, query)
    },
    getExecution: client.getExecution,
    stopExecution: stopAccepted
  }
  let events: ReturnType<typeof client.listEvents> | undefined
  const ctx: WaitContext = {
    client: counting,
    settings: settingsFor({ event: EVENT }),
    events: () => (events ??= client.listEvents()),
    clock: time.clock,
    log: recordingLog(),
    signal: new AbortController().signal,
    durations: options.shared ? new DurationsSeen() : undefined
  }
  const took: number[] = []
  const results = await time.until(
    Promise.all(
      accounts.map(async (account, k) => {
        await time.clock.sleep(triggeredAt(k))
        const date = new Date(T0 + triggeredAt(k)).toUTCString()
        const result = await waitForExecutions(ctx, account, { headers: { date } }, '')
        took[k] = time.elapsed() - triggeredAt(k)
        return result
      })
    )
  )
  return { results, polls: accounts.map(account => polls.get(account) ?? 0), took }
}
