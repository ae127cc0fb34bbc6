// The bundle's gate against the fake Refold, under Node 20 and 24: no green for a workflow it did
// not see, no red for one that is not its own, no acceptance from a page that is not Refold's, and
// a record of what happened when the run is cancelled by SIGINT or SIGTERM.
import { describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import type { ResultOutput } from '../src/core/outputs.js'
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import {
  DEFAULT_API_KEY,
  DEFAULT_EVENTS,
  makeLinkedAccounts,
  type FakeRefoldOptions,
  type FakeWorkflow,
  type ScriptedResponse
} from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import {
  fireSampleEvent,
  renderedSummary,
  sampleInputs,
  startAction,
  type RunOptions,
  type RunResult
} from '../test/run-action.js'
import { runCli, startCli, type CliResult } from '../test/run-cli.js'

const EVENT = 'Release Published'
const eventId = (name: string): string => DEFAULT_EVENTS.find(event => event.name === name)!._id
const EVENT_ID = eventId(EVENT)
const ACCOUNT = 'acme@example.com'

const resultsOf = (run: RunResult): ResultOutput[] => JSON.parse(run.outputs.results)
const executionsOf = (run: RunResult): Array<{ id: string; workflow: string; status: string }> =>
  JSON.parse(run.outputs.executions)
const block = (ids: string[]): string => `${ids.join('\n')}\n`

/** A workflow that is listed `startMs` after the trigger, runs, and ends with `end`. */
function workflow(name: string, startMs: number, endMs: number, end = 'COMPLETED'): FakeWorkflow {
  return {
    name,
    steps: [
      { status: 'RUNNING', afterMs: startMs },
      { status: end, afterMs: endMs }
    ]
  }
}

/** Sleeps `ms` on this process's clock. */
const pause = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Resolves once `ready()` holds, checking every 20 ms; fails the test after `timeoutMs`. */
async function until(ready: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`)
    await pause(20)
  }
}

/** Sends `signal` and resolves with how long the child took to exit after it. */
async function signalAndTime(
  child: ChildProcess,
  signal: NodeJS.Signals,
  done: Promise<unknown>
): Promise<number> {
  const sent = Date.now()
  child.kill(signal)
  await done
  return Date.now() - sent
}

/**
 * The key appears nowhere: not in the log (but the runner's own `::add-mask::` line, which masks
 * it), the outputs (decoded too, where they hold JSON) or the summary as a reader sees it.
 */
function expectNoKey(result: RunResult | CliResult): void {
  const log = result.stdout
    .split('\n')
    .filter(line => line !== `::add-mask::${DEFAULT_API_KEY}`)
    .join('\n')
  const texts = [log, result.stderr]
  if ('outputs' in result) {
    texts.push(result.outputFile, result.summary, renderedSummary(result.summary))
    for (const value of Object.values(result.outputs)) {
      try {
        texts.push(JSON.stringify(JSON.parse(value)))
      } catch {
        // Not JSON: its raw text is in the output file already.
      }
    }
  }
  for (const text of texts) expect(text).not.toContain(DEFAULT_API_KEY)
}

describe.each(nodeBinaries())('dist/index.js under %s, the gate', (label, node) => {
  const refold = fakeRefoldPerTest()

  async function run(
    fakeOptions: FakeRefoldOptions,
    inputs: Record<string, string>,
    options: Omit<RunOptions, 'inputs'> = {}
  ): Promise<RunResult> {
    const fake = await refold.start(fakeOptions)
    return fireSampleEvent(fake.url, inputs, { node, ...options })
  }

  /** The action started against this test's fake, for a test that signals it mid-run. */
  async function start(fakeOptions: FakeRefoldOptions, inputs: Record<string, string>) {
    const fake = await refold.start(fakeOptions)
    return startAction({ node, inputs: { ...sampleInputs(fake.url), ...inputs } })
  }

  const waitInputs = { wait: 'true', wait_interval: '1' }

  describe('the gate tells the truth', () => {
    it('a workflow listed 6 s after the trigger is gated: its error fails the step, both listed', async () => {
      const result = await run(
        {
          workflows: {
            [EVENT]: [
              workflow('Post release notes to Slack', 0, 500),
              workflow('Sync CRM', 6000, 7000, 'ERRORED')
            ]
          }
        },
        // The default wait_settle (10 s) is what gates the late one.
        { ...waitInputs, wait_timeout: '30' },
        { timeoutMs: 40_000 }
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ ok: 'false', execution_status: 'FAILED' })
      expect(
        executionsOf(result)
          .map(e => `${e.workflow}: ${e.status}`)
          .sort()
      ).toEqual(['Post release notes to Slack: COMPLETED', 'Sync CRM: ERRORED'])
      expect(result.stdout).toContain('::error::Event "Release Published": 1 of 2 workflow')
      expectNoKey(result)
    }, 60_000)

    it('expected_workflows: 2 expected and 1 seen is TIMED_OUT, saying "saw 1 of 2 expected workflows"', async () => {
      const result = await run(
        { workflows: { [EVENT]: [workflow('Post release notes to Slack', 0, 500)] } },
        { ...waitInputs, wait_timeout: '4', expected_workflows: '2' }
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ ok: 'false', execution_status: 'TIMED_OUT' })
      expect(result.outputs.message).toContain('saw 1 of 2 expected workflows')
      expect(executionsOf(result)).toHaveLength(1)
      expect(result.summary).toContain('saw 1 of 2 expected workflows')
      expectNoKey(result)
    })

    it('expected_workflows: 1 expected that completes gives the verdict without the settle window', async () => {
      const result = await run(
        {
          workflows: {
            [EVENT]: [
              { name: 'Post release notes to Slack', steps: [{ status: 'COMPLETED', afterMs: 0 }] }
            ]
          }
        },
        // wait_settle and wait_interval at their defaults (10 s): the verdict must wait neither
        // for the settle window nor for a confirming poll (the earlier rule's 2 s after the finish).
        { wait: 'true', wait_timeout: '30', expected_workflows: '1' }
      )
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ ok: 'true', execution_status: 'COMPLETED' })
      // The first poll, 1 s after the trigger, sees it finished: that poll gives the verdict.
      expect(result.durationMs).toBeLessThan(2500)
    })

    it("another run's execution of the same event for the same account does not fail ours (correlation tag)", async () => {
      const otherStart = Date.now() + 2500
      const result = await run(
        {
          workflows: { [EVENT]: [workflow('Post release notes to Slack', 0, 1000)] },
          executions: [
            {
              // Run B, fired for the same account after our trigger, whose workflow errors.
              doc: {
                _id: 'run-b-execution',
                name: 'Execution for workflow wf-b',
                associated_event_id: EVENT_ID,
                associated_workflow: { _id: 'wf-b', name: 'Post release notes to Slack' },
                linked_account_id: ACCOUNT,
                instance_tag: 'acme/shop-api/1111111111/1/notify/refold/acme%40example.com'
              },
              startedAt: otherStart,
              steps: [
                { status: 'RUNNING', afterMs: 0 },
                { status: 'ERRORED', afterMs: 300 }
              ]
            }
          ]
        },
        { ...waitInputs, wait_timeout: '20', wait_settle: '5' }
      )
      // The premise: B was created after our trigger, so the time window alone would take it.
      const [trigger] = refold.current.triggers()
      expect(trigger.at).toBeLessThan(otherStart)
      expect(refold.current.executions().find(e => e._id === 'run-b-execution')?.status).toBe(
        'ERRORED'
      )

      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({
        ok: 'true',
        execution_status: 'COMPLETED',
        correlation: 'tag'
      })
      const tag = trigger.headers.instance_tag
      expect(typeof tag === 'string' && tag.length > 0).toBe(true)
      const ours = refold.current.executions().filter(e => e.instance_tag === tag)
      expect(executionsOf(result).map(e => e.id)).toEqual(ours.map(e => e._id))
      expect(result.stdout).toContain('matched 1 by instance_tag')
      expect(result.summary).toContain('matched to the trigger by their instance_tag')
      expectNoKey(result)
    })

    it('a Refold that does not echo instance_tag: matched by time, correlation time, said in log and summary', async () => {
      const result = await run(
        {
          echoInstanceTag: false,
          workflows: { [EVENT]: [workflow('Post release notes to Slack', 0, 1000)] }
        },
        { ...waitInputs, wait_timeout: '20', wait_settle: '2' }
      )
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({
        ok: 'true',
        execution_status: 'COMPLETED',
        correlation: 'time'
      })
      expect(executionsOf(result)).toHaveLength(1)
      expect(result.stdout).toContain('matched 1 by the time window')
      expect(result.summary).toContain('matched by event and time')
    })

    it('a malformed execution of another event (no createdAt) never decides: ours completes, COMPLETED', async () => {
      const result = await run(
        {
          // A Refold that refuses start_date lists everything, the malformed doc included.
          startDate: 'reject',
          workflows: { [EVENT]: [workflow('Post release notes to Slack', 0, 1000)] },
          executions: [
            {
              _id: 'other-event-execution',
              name: 'Update Jira issues',
              status: 'ERRORED',
              associated_event_id: eventId('Deployment Finished'),
              linked_account_id: ACCOUNT
            } as unknown as NonNullable<FakeRefoldOptions['executions']>[number]
          ]
        },
        { ...waitInputs, wait_timeout: '20', wait_settle: '2' }
      )
      expect(
        refold.current.requests.some(
          r => r.path.endsWith('/execution') && !('start_date' in r.query)
        )
      ).toBe(true)
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ ok: 'true', execution_status: 'COMPLETED' })
      expect(executionsOf(result).map(e => e.workflow)).toEqual(['Post release notes to Slack'])
    })

    it('lowercase statuses (running, then completed) are read without case: COMPLETED, not failed at the first poll', async () => {
      const result = await run(
        {
          workflows: {
            [EVENT]: [
              {
                name: 'Post release notes to Slack',
                steps: [
                  { status: 'running', afterMs: 0 },
                  { status: 'completed', afterMs: 2500 }
                ]
              }
            ]
          }
        },
        { ...waitInputs, wait_timeout: '20', wait_settle: '2' }
      )
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ ok: 'true', execution_status: 'COMPLETED' })
      expect(executionsOf(result).map(e => e.status)).toEqual(['COMPLETED'])
    })

    it('zone-less times are UTC: matched and COMPLETED on a runner east of UTC', async () => {
      const result = await run(
        {
          zonelessTimes: true,
          workflows: { [EVENT]: [workflow('Post release notes to Slack', 0, 1000)] }
        },
        { ...waitInputs, wait_timeout: '6', wait_settle: '2' },
        // Read as local time in Tokyo, the executions would seem 9 hours older than the trigger.
        { env: { TZ: 'Asia/Tokyo' } }
      )
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ ok: 'true', execution_status: 'COMPLETED' })
      expect(executionsOf(result)).toHaveLength(1)
    })

    it('a 200 with an HTML page is a failure naming HTML and the base URL, not retried', async () => {
      const fake = await refold.start()
      fake.script('trigger', {
        status: 200,
        accept: false,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<!doctype html><html><head><title>Shop admin</title></head><body><div id="app"></div></body></html>'
      })
      const result = await run({}, {})
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ ok: 'false', status_code: '200', attempts: '1' })
      expect(result.outputs.message).toMatch(/HTML page/)
      expect(result.outputs.message).toMatch(/base[ _]url/i)
      expect(result.stdout).toMatch(/::error::.*HTML page.*base[ _]url/i)
      expect(fake.triggers()).toHaveLength(1)
      expectNoKey(result)
    })

    it('a 200 with an empty body is accepted, with a warning', async () => {
      const fake = await refold.start()
      fake.script('trigger', { status: 200, body: '' })
      const result = await run({}, {})
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ ok: 'true', status_code: '200' })
      expect(result.stdout).toMatch(/::warning::.*empty body/)
      expect(fake.triggers()).toHaveLength(1)
    })

    it('* whose pages end early fails before any trigger, naming both counts', async () => {
      const result = await run(
        { linkedAccounts: makeLinkedAccounts(250), linkedAccountsEndAfter: 100 },
        { linked_account_id: '*' }
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.ok).toBe('false')
      expect(result.stdout).toMatch(/::error::.*250.*100|::error::.*100.*250/)
      expect(refold.current.triggers()).toEqual([])
      expectNoKey(result)
    })

    it('* whose pages end early, with fail_on_error false: a warning naming both counts, exit 0, nothing fired', async () => {
      const result = await run(
        { linkedAccounts: makeLinkedAccounts(250), linkedAccountsEndAfter: 100 },
        { linked_account_id: '*', fail_on_error: 'false' }
      )
      expect(result.exitCode).toBe(0)
      expect(result.outputs.ok).toBe('false')
      expect(result.stdout).toMatch(/::warning::.*250.*100|::warning::.*100.*250/)
      expect(result.stdout).not.toContain('::error::')
      expect(refold.current.triggers()).toEqual([])
    })

    it('a 400 that spells the key with \\u escapes: the key, decoded, appears nowhere', async () => {
      const fake = await refold.start()
      const escaped = [...DEFAULT_API_KEY]
        .map((char, i) => (i % 2 ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`))
        .join('')
      const whole = [...DEFAULT_API_KEY]
        .map(char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`)
        .join('')
      const body =
        `{"status_code":400,"error_type":"BAD_REQUEST","error":"key ${whole} refused",` +
        `"message":"The key ${escaped} may not fire this event"}`
      // The premise: decoding the body gives the key.
      expect(JSON.stringify(JSON.parse(body))).toContain(DEFAULT_API_KEY)
      fake.script('trigger', {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body
      })
      const result = await run({}, {})
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ ok: 'false', status_code: '400' })
      expect(result.outputs.message).toContain('may not fire this event')
      expect(JSON.parse(result.outputs.response)).toMatchObject({
        error: 'key *** refused',
        message: 'The key *** may not fire this event'
      })
      expectNoKey(result)
    })
  })

  describe('cancelled mid-run', () => {
    /**
     * 200 accounts: the first 20 triggers answer, the next 5 never do (held past the grace), so
     * the cancel finds accounts answered, in flight and never fired.
     */
    async function startFanOut(inputs: Record<string, string> = {}) {
      const started = await start(
        {},
        {
          linked_account_id: block(makeLinkedAccounts(200).map(a => a.account_id)),
          rate_limit: '50',
          ...inputs
        }
      )
      const answered: ScriptedResponse[] = Array.from({ length: 20 }, () => ({ delayMs: 20 }))
      const held: ScriptedResponse[] = Array.from({ length: 5 }, () => ({ hang: true }))
      refold.current.script('trigger', ...answered, ...held)
      await until(() => refold.current.triggers().length >= 25, '25 triggers')
      await pause(200)
      return started
    }

    it.each(['SIGINT', 'SIGTERM'] as const)(
      '%s during a fan-out: exit 1 within 5 s with results and a "Cancelled after N of M" summary',
      async signal => {
        const { child, done } = await startFanOut()
        const exitMs = await signalAndTime(child, signal, done)
        const result = await done
        process.stdout.write(`[e2e-gate] ${label}: ${signal} in a fan-out to exit: ${exitMs} ms\n`)
        expect(exitMs).toBeLessThan(5000)
        expect(result.exitCode).toBe(1)
        // No request started after the signal.
        expect(refold.current.triggers()).toHaveLength(25)
        const results = resultsOf(result)
        expect(results).toHaveLength(200)
        const byMessage = (message: string) => results.filter(r => r.message === message)
        expect(results.filter(r => r.ok)).toHaveLength(20)
        const inFlight = byMessage('unknown: cancelled in flight')
        expect(inFlight).toHaveLength(5)
        for (const r of inFlight) expect(r).toMatchObject({ ok: false, status_code: null })
        const notSent = byMessage('not sent: cancelled')
        expect(notSent).toHaveLength(175)
        for (const r of notSent) expect(r).toMatchObject({ ok: false, attempts: 0 })
        expect(result.outputs).toMatchObject({ ok: 'false', accepted: '20', failed: '180' })
        expect(result.summary).toMatch(/<h2>❌ Cancelled after 25 of 200 linked accounts/)
        expectNoKey(result)
      }
    )

    it('SIGINT while waiting: execution_status CANCELLED, the executions seen so far listed', async () => {
      const { child, done } = await start(
        { workflows: { [EVENT]: [workflow('Post release notes to Slack', 0, 60_000)] } },
        { ...waitInputs, wait_timeout: '30', wait_settle: '2' }
      )
      await until(() => refold.current.stats().requests.executions >= 2, 'two polls')
      const exitMs = await signalAndTime(child, 'SIGINT', done)
      const result = await done
      process.stdout.write(`[e2e-gate] ${label}: SIGINT while waiting to exit: ${exitMs} ms\n`)
      expect(exitMs).toBeLessThan(5000)
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ ok: 'false', execution_status: 'CANCELLED' })
      expect(executionsOf(result)).toEqual([
        expect.objectContaining({ workflow: 'Post release notes to Slack', status: 'RUNNING' })
      ])
      expect(resultsOf(result)[0]).toMatchObject({ ok: false, execution_status: 'CANCELLED' })
      expect(result.summary).toMatch(/<h2>❌ Cancelled after 1 of 1 linked account\b/)
      expect(result.summary).toContain('Workflow executions: CANCELLED')
      // Not asked for: nothing is stopped.
      expect(refold.current.stops()).toEqual([])
      expectNoKey(result)
    })

    it('a second signal exits at once', async () => {
      const { child, done } = await startFanOut()
      const sent = Date.now()
      child.kill('SIGINT')
      await pause(200)
      child.kill('SIGINT')
      const result = await done
      // The first alone would hold the in-flight triggers for their 2 s grace.
      expect(Date.now() - sent).toBeLessThan(1500)
      expect(result.exitCode).toBe(1)
    })

    it('stop_unfinished: a workflow still running when wait_timeout runs out is stopped and listed', async () => {
      const result = await run(
        { workflows: { [EVENT]: [workflow('Post release notes to Slack', 0, 60_000)] } },
        { ...waitInputs, wait_timeout: '3', wait_settle: '1', stop_unfinished: 'true' }
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ ok: 'false', execution_status: 'TIMED_OUT' })
      const [execution] = executionsOf(result)
      const stops = refold.current.stops()
      expect(stops.map(s => s.path)).toEqual([`/api/v2/public/execution/${execution.id}/stop`])
      expect(stops[0].headers.linked_account_id).toBe(ACCOUNT)
      expect(refold.current.executions()[0].status).toBe('STOPPED')
      expect(result.stdout).toContain(`Asked Refold to stop execution ${execution.id}`)
      expect(renderedSummary(result.summary)).toContain(
        `Post release notes to Slack (${execution.id}): stopped`
      )
      expectNoKey(result)
    })

    it('stop_unfinished on cancel: the running workflow is stopped and the summary lists it', async () => {
      const { child, done } = await start(
        { workflows: { [EVENT]: [workflow('Post release notes to Slack', 0, 60_000)] } },
        { ...waitInputs, wait_timeout: '30', wait_settle: '2', stop_unfinished: 'true' }
      )
      await until(() => refold.current.stats().requests.executions >= 2, 'two polls')
      const exitMs = await signalAndTime(child, 'SIGTERM', done)
      const result = await done
      expect(exitMs).toBeLessThan(5000)
      expect(result.exitCode).toBe(1)
      expect(result.outputs.execution_status).toBe('CANCELLED')
      const [execution] = executionsOf(result)
      expect(refold.current.stops().map(s => s.path)).toEqual([
        `/api/v2/public/execution/${execution.id}/stop`
      ])
      expect(renderedSummary(result.summary)).toContain(
        `Post release notes to Slack (${execution.id}): stopped`
      )
    })

    it('a re-run (GITHUB_RUN_ATTEMPT 2) sends the same Idempotency-Key and another instance_tag', async () => {
      const fake = await refold.start()
      const first = await run({}, {}, { env: { GITHUB_RUN_ATTEMPT: '1' } })
      const second = await run({}, {}, { env: { GITHUB_RUN_ATTEMPT: '2' } })
      expect([first.exitCode, second.exitCode]).toEqual([0, 0])
      const [a, b] = fake.triggers()
      expect(b.headers['idempotency-key']).toBe(a.headers['idempotency-key'])
      expect(typeof a.headers.instance_tag).toBe('string')
      expect(typeof b.headers.instance_tag).toBe('string')
      expect(b.headers.instance_tag).not.toBe(a.headers.instance_tag)
    })
  })
})

describe.each(nodeBinaries())('dist/cli.js under %s, the gate', (_label, node) => {
  const refold = fakeRefoldPerTest()
  const env = { REFOLD_API_KEY: DEFAULT_API_KEY }

  it('--payload-file - with empty or blank standard input: exit 2, nothing sent', async () => {
    const fake = await refold.start()
    for (const stdin of ['', '  \n\t\n']) {
      const result = await runCli(
        [
          '--base-url',
          fake.url,
          '--event',
          EVENT,
          '--linked-account-id',
          ACCOUNT,
          '--payload-file',
          '-'
        ],
        { node, env, stdin }
      )
      expect(result.exitCode).toBe(2)
      expect(result.stderr).toMatch(/standard input|stdin/i)
      expectNoKey(result)
    }
    expect(fake.requests).toEqual([])
  })

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)(
    '%s: exit %i, --json still printed, the generated key logged at the start',
    async (signal, status) => {
      const fake = await refold.start()
      fake.script('trigger', { delayMs: 20 }, { hang: true })
      const { child, done } = startCli(
        [
          '--base-url',
          fake.url,
          '--event',
          EVENT,
          '--linked-account-id',
          'a@example.com',
          '--linked-account-id',
          'b@example.com',
          '--linked-account-id',
          'c@example.com',
          '--concurrency',
          '1',
          '--json'
        ],
        { node, env }
      )
      await until(() => fake.triggers().length >= 2, 'two triggers')
      await pause(200)
      const exitMs = await signalAndTime(child, signal, done)
      const result = await done
      expect(exitMs).toBeLessThan(5000)
      expect(result.exitCode).toBe(status)
      const uuid = /^Idempotency key: ([0-9a-f-]{36})\b/m.exec(result.stderr)?.[1]
      expect(uuid).toBeDefined()
      expect(result.stderr.split('\n')[0]).toContain(`Idempotency key: ${uuid}`)
      expect(fake.triggers()[0].headers['idempotency-key']).toBe(`${uuid}/a%40example.com`)
      const outputs = JSON.parse(result.stdout)
      expect(outputs.ok).toBe(false)
      expect(outputs.results).toEqual([
        expect.objectContaining({ linked_account_id: 'a@example.com', ok: true }),
        expect.objectContaining({
          linked_account_id: 'b@example.com',
          ok: false,
          status_code: null,
          message: 'unknown: cancelled in flight'
        }),
        expect.objectContaining({
          linked_account_id: 'c@example.com',
          ok: false,
          message: 'not sent: cancelled'
        })
      ])
      expectNoKey(result)
    }
  )
})
