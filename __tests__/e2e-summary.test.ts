// The job summary of a failed or slow run, from the bundle under Node 20 and 24 against the fake
// Refold: it says what the log says (hints, attempts, the wait, failed executions' details), and
// the executions query is the one Refold's spec defines.
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { describe, expect, it } from '@jest/globals'
import type { FakeRefold, FakeRefoldOptions } from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import { fireSampleEvent, renderedSummary, type RunResult } from '../test/run-action.js'

/** The summary as a reader sees it: the character references the summary escapes with, decoded. */
/** The rows (cells as text) of the table that follows `heading` in the summary. */
function tableAfter(summary: string, heading: string): string[][] {
  const start = summary.indexOf(heading)
  expect(start).toBeGreaterThanOrEqual(0)
  const table = /<table>(.*?)<\/table>/s.exec(summary.slice(start))?.[1] ?? ''
  return [...table.matchAll(/<tr>(.*?)<\/tr>/gs)]
    .slice(1)
    .map(([, row]) =>
      [...row.matchAll(/<td>(.*?)<\/td>/gs)].map(([, cell]) => renderedSummary(cell))
    )
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

describe.each(nodeBinaries())('dist/index.js under %s, the job summary', (_label, node) => {
  const refold = fakeRefoldPerTest()

  async function run(
    fakeOptions: FakeRefoldOptions,
    inputs: Record<string, string> = {},
    prepare: (fake: FakeRefold) => void = () => {}
  ): Promise<RunResult> {
    const fake = await refold.start(fakeOptions)
    prepare(fake)
    return fireSampleEvent(fake.url, inputs, { node })
  }

  const executionQueries = () =>
    refold.current.requests.filter(request => request.path === '/api/v2/public/execution')

  it('a 404 INVALID_EVENT lists the closest event names under "What to check"', async () => {
    const result = await run({}, { event: 'Release Publishd' })
    expect(result.exitCode).toBe(1)
    const summary = renderedSummary(result.summary)
    const checks = summary.slice(summary.indexOf('<h3>What to check</h3>'))
    expect(summary).toContain('<h3>What to check</h3>')
    expect(checks).toMatch(/<li>[^<]*Closest event names: "Release Published"/)
  })

  it('a run that succeeded after 429 and 503 shows its three attempts', async () => {
    const result = await run({}, {}, fake =>
      fake.script(
        'trigger',
        {
          status: 429,
          headers: { 'retry-after': '1' },
          body: {
            status_code: 429,
            http_error_type: 'TOO_MANY_REQUESTS',
            error_code: 'RATE_LIMIT',
            message: 'Rate Limit Hit'
          }
        },
        { status: 503, headers: { 'retry-after': '1' }, body: '' }
      )
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ ok: 'true', attempts: '3', status_code: '200' })
    expect(refold.current.triggers()).toHaveLength(3)
    expect(tableAfter(result.summary, '<h3>Attempts</h3>')).toEqual([
      ['1', 'HTTP 429 RATE_LIMIT', '1 s'],
      ['2', 'HTTP 503', '1 s'],
      ['3', 'HTTP 200', '—']
    ])
  })

  it("an ERRORED execution: the summary shows its detail's error text and first failed step", async () => {
    const result = await run(
      {
        workflows: {
          'Release Published': [
            {
              name: 'Sync CRM',
              steps: [
                { status: 'RUNNING', afterMs: 0, node: 'Fetch contact' },
                {
                  status: 'ERRORED',
                  afterMs: 500,
                  node: 'Upsert contact',
                  error: 'HubSpot refused the token: expired'
                }
              ]
            }
          ]
        }
      },
      { wait: 'true', wait_timeout: '20' }
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs.execution_status).toBe('FAILED')
    const [execution] = JSON.parse(result.outputs.executions)
    // The detail was asked for, for that execution and account.
    const detail = refold.current.requests.find(
      request => request.path === `/api/v2/public/execution/${execution.id}`
    )
    expect(detail?.headers.linked_account_id).toBe('acme@example.com')

    const summary = renderedSummary(result.summary)
    const failed = summary.slice(summary.indexOf('<h4>Failed: Sync CRM</h4>'))
    expect(summary).toContain('<h4>Failed: Sync CRM</h4>')
    expect(failed).toContain(`<li>Execution ${execution.id} (`)
    expect(failed).toContain('): ERRORED</li>')
    expect(failed).toContain('<li>Error: HubSpot refused the token: expired</li>')
    expect(failed).toContain(
      '<li>First failed step: Upsert contact — HubSpot refused the token: expired</li>'
    )
  })

  it('the executions query carries start_date as an ISO 8601 date-time', async () => {
    // A server that validates the spec's `format: date-time` refuses anything else with 422.
    const result = await run({ startDate: 'date-time' }, { wait: 'true', wait_timeout: '20' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.execution_status).toBe('COMPLETED')
    const queries = executionQueries()
    expect(queries.length).toBeGreaterThanOrEqual(2)
    const trigger = refold.current.triggers()[0]
    for (const query of queries) {
      expect(query.query.start_date).toMatch(ISO_DATE_TIME)
      // At most a minute before the trigger, by the server's clock, which lists the execution.
      const since = Date.parse(query.query.start_date)
      expect(since).toBeLessThanOrEqual(trigger.at)
      expect(since).toBeGreaterThanOrEqual(trigger.at - 62_000)
    }
    expect(refold.current.stats().startDateQueries).toBe(queries.length)
  })

  it('a server that refuses start_date (422) still completes the wait; later polls leave it out', async () => {
    const result = await run({ startDate: 'reject' }, { wait: 'true', wait_timeout: '20' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ ok: 'true', execution_status: 'COMPLETED' })
    const [first, ...later] = executionQueries()
    expect(first.query.start_date).toMatch(ISO_DATE_TIME)
    expect(later.length).toBeGreaterThanOrEqual(2)
    for (const query of later) expect(query.query).not.toHaveProperty('start_date')
    expect(result.stdout).toContain('polling without it for the rest of the wait')
  })

  it("a wait's summary shows how long the wait took and each execution's duration", async () => {
    const result = await run(
      {
        workflows: {
          'Release Published': [
            {
              name: 'Post release notes to Slack',
              steps: [
                { status: 'RUNNING', afterMs: 0 },
                { status: 'COMPLETED', afterMs: 1500 }
              ]
            },
            {
              name: 'Refresh the docs site',
              steps: [
                { status: 'QUEUED', afterMs: 0 },
                { status: 'COMPLETED', afterMs: 2500 }
              ]
            }
          ]
        }
      },
      { wait: 'true', wait_timeout: '20' }
    )
    expect(result.exitCode).toBe(0)
    const summary = renderedSummary(result.summary)
    const waited = /<p>Waited ([\d.]+) s for them\.<\/p>/.exec(summary)
    expect(waited).not.toBeNull()
    // Both have finished 2.5 s after the trigger; the verdict waits for the settle window.
    const seconds = Number(waited![1])
    expect(seconds).toBeGreaterThanOrEqual(2.5)
    expect(seconds).toBeLessThan(result.durationMs / 1000)
    const rows = tableAfter(result.summary, '<h3>Workflow executions: COMPLETED</h3>')
    const shown = rows.map(([workflow, status, , , duration]) => [workflow, status, duration])
    expect(shown.sort()).toEqual([
      ['Post release notes to Slack', 'COMPLETED', '1.5 s'],
      ['Refresh the docs site', 'COMPLETED', '2.5 s']
    ])
  })

  it('a 401 from the executions list says those lists need an org-level key', async () => {
    const result = await run({}, { wait: 'true', wait_timeout: '20' }, fake =>
      fake.script('executions', {
        status: 401,
        body: {
          status_code: 401,
          http_error_type: 'UNAUTHORIZED',
          error_code: 'SERVER_ERROR',
          message: 'Invalid Credentials'
        }
      })
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status_code).toBe('200')
    const summary = renderedSummary(result.summary)
    const checks = summary.slice(summary.indexOf('<h3>What to check</h3>'))
    expect(summary).toContain('<h3>What to check</h3>')
    expect(checks).toContain('need an org-level API key')
  })
})
