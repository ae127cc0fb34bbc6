// Unit tests for waitForExecutions: a fake Refold (an in-memory model whose executions change status
// as a virtual clock advances) and a fake Clock whose sleep advances virtual time instantly.
import { describe, it, expect, jest } from '@jest/globals'
import { MalformedAnswerError, NetworkError, RefoldApiError } from '../src/core/errors.js'
import type { Execution, ExecutionPage, ExecutionQuery, RefoldEvent } from '../src/core/client.js'
import type { Clock } from '../src/core/retry.js'
import { notWaited, waitForExecutions } from '../src/core/wait.js'

const EVENT = 'Release Published'
const EVENT_ID = 'evt-release'
/** The server's clock when it answered the trigger: the Date header, whole seconds. */
const T0 = Date.parse('2024-03-05T12:00:00Z')
const DATE_HEADER = new Date(T0).toUTCString()
/** The runner's clock: deliberately far from the server's. */
const RUNNER_START = Date.parse('2031-07-20T08:30:00Z')

const iso = (ms: number): string => new Date(ms).toISOString()

interface Step {
  /** Virtual ms since the wait started. */
  at: number
  status: string
}

interface FakeExecution {
  doc: Omit<Execution, 'status'>
  /** Listed from this virtual ms on (default 0). */
  appearsAt?: number
  steps: Step[]
}

/** An execution of EVENT created 2 s after t0, whose workflow is `workflow`. */
function execution(
  id: string,
  workflow: string,
  steps: Step[] | string,
  overrides: Partial<Omit<Execution, 'status'>> = {},
  appearsAt?: number
): FakeExecution {
  return {
    doc: {
      _id: id,
      name: `${workflow} run`,
      associated_event_id: EVENT_ID,
      associated_workflow: { _id: `wf-${id}`, name: workflow },
      createdAt: iso(T0 + 2000),
      ...overrides
    },
    appearsAt,
    steps: typeof steps === 'string' ? [{ at: 0, status: steps }] : steps
  }
}

function fakeClock(start = RUNNER_START) {
  let now = start
  const sleeps: number[] = []
  const clock: Clock = {
    now: () => now,
    sleep: async ms => {
      sleeps.push(ms)
      now += ms
    },
    random: () => 0.5
  }
  return { clock, sleeps, elapsed: () => now - start }
}

type ListExecutions = (query: ExecutionQuery) => Promise<ExecutionPage>
type ListEvents = () => Promise<RefoldEvent[]>

function fakeRefold(
  elapsed: () => number,
  executions: FakeExecution[],
  options: { events?: RefoldEvent[]; pageSize?: number } = {}
) {
  const events = options.events ?? [
    { _id: 'evt-other', name: 'Deployment Created' },
    { _id: EVENT_ID, name: EVENT }
  ]
  const pageSize = options.pageSize ?? 50
  /** What Refold lists right now. */
  const model: ListExecutions = async query => {
    const t = elapsed()
    const visible = executions
      .filter(e => (e.appearsAt ?? 0) <= t)
      .map(e => {
        const reached = e.steps.filter(s => s.at <= t)
        const status = reached.length ? reached[reached.length - 1].status : e.steps[0].status
        return { ...e.doc, status }
      })
    const from = (query.page - 1) * pageSize
    const hasNextPage = from + pageSize < visible.length
    return {
      docs: visible.slice(from, from + pageSize),
      hasNextPage,
      nextPage: hasNextPage ? query.page + 1 : null
    }
  }
  return {
    model,
    listEvents: jest.fn<ListEvents>(async () => events),
    listExecutions: jest.fn<ListExecutions>(model)
  }
}

interface RunOptions {
  executions?: FakeExecution[]
  events?: RefoldEvent[]
  pageSize?: number
  configId?: string
  slug?: string
  retries?: number
  waitTimeoutMs?: number
  waitIntervalMs?: number
  date?: string
  runnerStart?: number
  /** Adjust the fake client before the wait starts. */
  arrange?: (client: ReturnType<typeof fakeRefold>) => void
}

async function run(options: RunOptions = {}) {
  const time = fakeClock(options.runnerStart)
  const client = fakeRefold(time.elapsed, options.executions ?? [], {
    events: options.events,
    pageSize: options.pageSize
  })
  options.arrange?.(client)
  const log = {
    info: jest.fn<(line: string) => void>(),
    warning: jest.fn<(line: string) => void>()
  }
  const settings = {
    event: EVENT,
    configId: options.configId,
    slug: options.slug,
    retries: options.retries ?? 3,
    waitTimeoutMs: options.waitTimeoutMs ?? 60_000,
    waitIntervalMs: options.waitIntervalMs ?? 10_000
  }
  const answer = { headers: { date: options.date ?? DATE_HEADER } }
  const result = await waitForExecutions(client, settings, answer, time.clock, log)
  /** Polls made: each poll starts by reading page 1. */
  const polls = client.listExecutions.mock.calls.filter(([q]) => q.page === 1).length
  const infoLines = log.info.mock.calls.map(([line]) => line)
  return { result, client, log, polls, infoLines, ...time }
}

const running = (until: number, then: string): Step[] => [
  { at: 0, status: 'RUNNING' },
  { at: until, status: then }
]

describe('waitForExecutions', () => {
  describe('completes', () => {
    it('waits for a RUNNING execution to become COMPLETED, and lists it in the executions output', async () => {
      const { result, elapsed, polls } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', running(15_000, 'COMPLETED'), {
            completion_time: iso(T0 + 17_000)
          })
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(result.executions).toHaveLength(1)
      expect(result.executions[0]).toMatchObject({
        id: 'ex-1',
        workflow: 'Publish Docs',
        status: 'COMPLETED',
        created_at: iso(T0 + 2000)
      })
      expect(result.headline).toContain(`"${EVENT}"`)
      expect(result.headline).toMatch(/completed/)
      // Polls at 0 s and 10 s see RUNNING, 20 s sees COMPLETED, 30 s is the one more poll.
      expect(polls).toBe(4)
      expect(elapsed()).toBe(30_000)
    })

    it('makes one more poll before declaring an already finished execution done', async () => {
      const { result, polls } = await run({
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(polls).toBe(2)
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
            { at: 0, status: 'QUEUED' },
            { at: 10_000, status: 'RUNNING' },
            { at: 20_000, status: 'STOPPING' },
            { at: 30_000, status: 'COMPLETED' }
          ])
        ]
      })
      expect(result.status).toBe('COMPLETED')
      expect(elapsed()).toBe(40_000)
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
      expect(elapsed()).toBeLessThan(60_000)
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
      expect(elapsed()).toBe(40_000)
    })
  })

  describe('times out', () => {
    it.each([
      [60_000, 10_000],
      [600_000, 10_000],
      [45_000, 15_000],
      [25_000, 10_000]
    ])(
      'still RUNNING at wait_timeout %i ms (interval %i ms) is TIMED_OUT',
      async (waitTimeoutMs, waitIntervalMs) => {
        const { result, polls, elapsed, sleeps } = await run({
          waitTimeoutMs,
          waitIntervalMs,
          executions: [execution('ex-1', 'Publish Docs', 'RUNNING')]
        })
        expect(result.status).toBe('TIMED_OUT')
        expect(result.headline).toContain('Publish Docs')
        expect(result.headline).toMatch(/still running/)
        expect(result.headline).toContain(`${waitTimeoutMs / 1000} s`)
        // A poll at 0, one per interval, and a last one exactly at the timeout.
        expect(polls).toBe(Math.ceil(waitTimeoutMs / waitIntervalMs) + 1)
        expect(sleeps.slice(0, -1).every(ms => ms === waitIntervalMs)).toBe(true)
        expect(sleeps.at(-1)).toBe(waitTimeoutMs % waitIntervalMs || waitIntervalMs)
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
      const pages = client.listExecutions.mock.calls.map(([q]) => q.page)
      // Polls at 0, 10, 20 and 30 s, three pages each.
      expect(pages).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3])
    })

    it('follows nextPage as Refold gives it', async () => {
      const { result, client } = await run({
        arrange: c => {
          c.listExecutions.mockImplementation(async query => {
            if (query.page === 1) return { docs: [], hasNextPage: true, nextPage: 4 }
            if (query.page === 4) {
              const all = await c.model({ ...query, page: 1 })
              return { ...all, hasNextPage: false, nextPage: null }
            }
            throw new Error(`unexpected page ${query.page}`)
          })
        },
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(client.listExecutions.mock.calls.map(([q]) => q.page)).toEqual([1, 4, 1, 4])
    })
  })

  it('waits for a new execution that appears on the one more poll after the first finished', async () => {
    const { result, elapsed } = await run({
      executions: [
        execution('ex-1', 'Publish Docs', running(5_000, 'COMPLETED')),
        // Appears at 20 s: after ex-1 was first seen finished (10 s), on the confirming poll.
        execution(
          'ex-2',
          'Sync CRM',
          running(35_000, 'ERRORED'),
          { createdAt: iso(T0 + 19_000) },
          20_000
        )
      ]
    })
    expect(result.status).toBe('FAILED')
    expect(result.executions.map(e => [e.id, e.status])).toEqual([
      ['ex-1', 'COMPLETED'],
      ['ex-2', 'ERRORED']
    ])
    expect(result.headline).toContain('Sync CRM')
    // ex-2 seen ERRORED at 40 s, confirmed at 50 s.
    expect(elapsed()).toBe(50_000)
  })

  describe('the event id', () => {
    it('is looked up via listEvents by exact name', async () => {
      const { result, client } = await run({
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
      expect(client.listEvents).toHaveBeenCalledTimes(1)
      expect(result.status).toBe('COMPLETED')
      expect(result.executions.map(e => e.id)).toEqual(['ex-1'])
    })

    it('is NONE with a clear headline when the event is not in the list', async () => {
      const { result, client } = await run({
        events: [{ _id: 'evt-lower', name: 'release published' }],
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('NONE')
      expect(result.executions).toEqual([])
      expect(result.headline).toContain(`"${EVENT}"`)
      expect(result.headline).toMatch(/not in the events list/)
      expect(client.listExecutions).not.toHaveBeenCalled()
    })

    it('is NONE with a clear headline when listEvents fails', async () => {
      const { result, client } = await run({
        arrange: c =>
          c.listEvents.mockRejectedValue(
            new RefoldApiError({
              action: 'list events',
              status: 401,
              httpErrorType: 'UNAUTHORIZED',
              refoldMessage: 'Invalid Credentials',
              body: ''
            })
          ),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('NONE')
      expect(result.headline).toContain(`"${EVENT}"`)
      expect(result.headline).toMatch(/could not look up the event's id/)
      expect(result.headline).toContain('HTTP 401')
      expect(result.headline).toContain('Invalid Credentials')
      // 401 is not retryable.
      expect(client.listEvents).toHaveBeenCalledTimes(1)
      expect(client.listExecutions).not.toHaveBeenCalled()
    })

    it('retries listEvents on a retryable failure', async () => {
      const { result, client, log } = await run({
        arrange: c =>
          c.listEvents.mockRejectedValueOnce(
            new NetworkError('list events', 'api.gocobalt.io', 'connection reset (ECONNRESET)')
          ),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(client.listEvents).toHaveBeenCalledTimes(2)
      expect(log.warning).toHaveBeenCalledTimes(1)
    })
  })

  describe('poll failures', () => {
    const unavailable = (): RefoldApiError =>
      new RefoldApiError({ action: 'list executions', status: 503, body: '' })

    it('retries a poll that fails with a retryable error, per the retry policy', async () => {
      const { result, client, log, sleeps } = await run({
        arrange: c => c.listExecutions.mockRejectedValueOnce(unavailable()),
        executions: [execution('ex-1', 'Publish Docs', running(10_000, 'COMPLETED'))]
      })
      expect(result.status).toBe('COMPLETED')
      expect(log.warning).toHaveBeenCalledTimes(1)
      expect(log.warning.mock.calls[0][0]).toMatch(/HTTP 503/)
      // Backoff for the first retry, base 1 s, jitter 0.5: between 0.5 s and 1 s.
      expect(sleeps[0]).toBeGreaterThanOrEqual(500)
      expect(sleeps[0]).toBeLessThanOrEqual(1000)
      // One failed attempt, then polls at ~0, ~10 and ~20 s.
      expect(client.listExecutions).toHaveBeenCalledTimes(4)
    })

    it('honours Retry-After on a 429 while polling', async () => {
      const { result, sleeps } = await run({
        arrange: c =>
          c.listExecutions.mockRejectedValueOnce(
            new RefoldApiError({
              action: 'list executions',
              status: 429,
              body: '',
              retryAfter: '7'
            })
          ),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(sleeps[0]).toBe(7000)
    })

    it('ends the wait with a headline saying polling failed when polls keep failing (nothing seen)', async () => {
      const { result, client } = await run({
        retries: 2,
        arrange: c => c.listExecutions.mockRejectedValue(unavailable())
      })
      expect(result.status).toBe('NONE')
      expect(result.headline).toContain(`"${EVENT}"`)
      expect(result.headline).toMatch(/could not poll the executions/)
      expect(result.headline).toMatch(/Gave up after 3 attempts/)
      expect(result.headline).toContain('HTTP 503')
      expect(client.listExecutions).toHaveBeenCalledTimes(3)
    })

    it('does not retry a poll that fails with a non-retryable error', async () => {
      const { result, client } = await run({
        arrange: c =>
          c.listExecutions.mockRejectedValue(
            new RefoldApiError({ action: 'list executions', status: 401, body: '' })
          )
      })
      expect(result.status).toBe('NONE')
      expect(result.headline).toMatch(/could not poll the executions/)
      expect(result.headline).toContain('HTTP 401')
      expect(client.listExecutions).toHaveBeenCalledTimes(1)
    })

    it('says polling failed when polls start failing while an execution runs', async () => {
      const { result } = await run({
        retries: 1,
        arrange: c =>
          c.listExecutions.mockImplementationOnce(c.model).mockRejectedValue(unavailable()),
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
        arrange: c =>
          c.listExecutions.mockImplementationOnce(c.model).mockRejectedValue(unavailable()),
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
        arrange: c =>
          c.listExecutions.mockImplementationOnce(c.model).mockRejectedValue(unavailable()),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.headline).toMatch(/could not poll the executions/)
      // Every execution seen had finished: the headline must not list an empty set of unfinished ones.
      expect(result.headline).not.toMatch(/unfinished/)
      expect(result.headline).not.toContain('()')
    })
  })

  describe('malformed pages', () => {
    const malformed = (): MalformedAnswerError =>
      new MalformedAnswerError(
        { action: 'list executions', status: 200, body: '{"docs":[null]}' },
        'docs[0] is null, not an execution'
      )

    it('retries a page of the wrong shape like a 5xx', async () => {
      const { result, log } = await run({
        arrange: c => c.listExecutions.mockRejectedValueOnce(malformed()),
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      expect(result.status).toBe('COMPLETED')
      expect(log.warning.mock.calls[0][0]).toMatch(/^Attempt 1 of 4 failed: .*docs\[0\] is null/)
    })

    it('ends in a verdict, not a crash, when every page is of the wrong shape', async () => {
      const { result, client } = await run({
        retries: 1,
        arrange: c => c.listExecutions.mockRejectedValue(malformed())
      })
      expect(result).toMatchObject({ ok: false, status: 'NONE', executions: [] })
      expect(result.headline).toMatch(/could not poll the executions: Gave up after 2 attempts/)
      expect(result.headline).toContain('not of the expected shape: docs[0] is null')
      expect(client.listExecutions).toHaveBeenCalledTimes(2)
    })
  })

  describe('not waited', () => {
    it('is NONE with no executions and says the event was not accepted', () => {
      expect(notWaited({ event: EVENT })).toEqual({
        ok: false,
        status: 'NONE',
        executions: [],
        headline: `Event "${EVENT}" was not accepted, so no execution was waited for`
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
        'Execution ex-1\\n::add-mask::id (Publish\\n::error::workflow): DONE\\r\\n::error::status'
      )
    })

    it('logs one line per status change, not per poll', async () => {
      const { result, infoLines, polls } = await run({
        executions: [
          execution('ex-1', 'Publish Docs', [
            { at: 0, status: 'QUEUED' },
            { at: 10_000, status: 'RUNNING' },
            { at: 40_000, status: 'COMPLETED' }
          ]),
          execution('other-1', 'Deploy', 'RUNNING', { associated_event_id: 'evt-other' })
        ]
      })
      expect(result.status).toBe('COMPLETED')
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
      // [Date header, runner clock, expected start date]
      ['Tue, 05 Mar 2024 23:59:59 GMT', Date.parse('2024-03-06T05:00:00Z'), '2024-03-05'],
      ['Wed, 06 Mar 2024 00:00:01 GMT', Date.parse('2024-03-05T20:00:00Z'), '2024-03-06'],
      [DATE_HEADER, RUNNER_START, '2024-03-05']
    ])(
      'has startDate = the UTC date of t0 (Date %s, runner clock %i)',
      async (date, runnerStart, startDate) => {
        const t0 = Date.parse(date)
        const { client } = await run({
          date,
          runnerStart,
          slug: 'hubspot',
          executions: [execution('ex-1', 'Publish Docs', 'COMPLETED', { createdAt: iso(t0 + 500) })]
        })
        expect(client.listExecutions).toHaveBeenCalled()
        for (const [query] of client.listExecutions.mock.calls) {
          expect(query.startDate).toBe(startDate)
          expect(query.slug).toBe('hubspot')
        }
      }
    )

    it('has no slug when none is set', async () => {
      const { client } = await run({
        executions: [execution('ex-1', 'Publish Docs', 'COMPLETED')]
      })
      for (const [query] of client.listExecutions.mock.calls) {
        expect(query.slug).toBeUndefined()
        expect(query.startDate).toBe('2024-03-05')
      }
    })
  })
})
