// What a run leaves on the runner, built from a finished Outcome: the step outputs as text and the
// job summary, whose every piece of server text is inert.
import { describe, expect, it } from '@jest/globals'
import { setOutputs, writeSummary } from '../src/action/report.js'
import { PreflightError } from '../src/core/preflight.js'
import type { WaitResult } from '../src/core/wait.js'
import {
  accountResult,
  outcomeFor,
  refusedResult,
  reporterStub,
  settingsFor,
  TEST_API_KEY
} from './helpers/common.js'

const KEY_BASE = 'octo/shop/42/1/release/notify/Release%20Published'
const settings = settingsFor({ configId: 'cfg-1', wait: true })

function failedWait(overrides: Partial<WaitResult> = {}): WaitResult {
  return {
    ok: false,
    status: 'FAILED',
    headline: 'Event "X": 1 of 2 workflow executions failed',
    durationMs: 9000,
    details: [],
    polls: 3,
    requests: 3,
    stopped: [],
    executions: [
      {
        id: 'e1',
        workflow: 'Slack',
        status: 'COMPLETED',
        created_at: '2026-11-28T10:00:00Z',
        finished_at: '2026-11-28T10:00:05Z',
        durationMs: 5000
      },
      { id: 'e2', workflow: 'Sync <CRM>', status: 'ERRORED', created_at: '2026-11-28T10:00:01Z' }
    ],
    ...overrides
  }
}

/** One account that was accepted and whose executions failed, event name full of HTML. */
function waitedOutcome(wait: WaitResult = failedWait(), result = {}) {
  return outcomeFor({
    event: 'Release <Published> & "shipped"',
    payloadJson: '{"note":"<b>bold</b>"}',
    results: [
      accountResult({
        ok: false,
        message: wait.headline,
        executionStatus: wait.status,
        wait,
        ...result
      })
    ],
    executionStatus: wait.status
  })
}

async function summaryOf(outcome = waitedOutcome(), given = settings): Promise<string> {
  const { core, summary } = reporterStub()
  await writeSummary(core, outcome, given)
  return summary()
}

describe('setOutputs', () => {
  it('sets every output as text: strings as they are, null as empty, the rest as JSON', () => {
    const { core, outputs } = reporterStub()
    setOutputs(core, waitedOutcome())
    expect(outputs).toEqual({
      ok: 'false',
      status_code: '200',
      message: 'Event "X": 1 of 2 workflow executions failed',
      error_code: '',
      http_error_type: '',
      response: '{"message":"Webhook Fired Success"}',
      attempts: '1',
      duration_ms: '42',
      payload: '{"note":"<b>bold</b>"}',
      idempotency_key: `${KEY_BASE}/acme-corp`,
      results: JSON.stringify([
        {
          linked_account_id: 'acme-corp',
          ok: false,
          status_code: 200,
          message: 'Event "X": 1 of 2 workflow executions failed',
          error_code: null,
          attempts: 1,
          idempotency_key: `${KEY_BASE}/acme-corp`,
          execution_status: 'FAILED'
        }
      ]),
      accepted: '0',
      failed: '1',
      truncated: 'false',
      preflight: 'off',
      execution_status: 'FAILED',
      executions: JSON.stringify([
        { id: 'e1', workflow: 'Slack', status: 'COMPLETED', created_at: '2026-11-28T10:00:00Z' },
        { id: 'e2', workflow: 'Sync <CRM>', status: 'ERRORED', created_at: '2026-11-28T10:00:01Z' }
      ])
    })
  })

  it('keeps the JSON types inside results: null stays null, numbers and booleans stay so', () => {
    const { core, outputs } = reporterStub()
    setOutputs(
      core,
      outcomeFor({
        results: [
          accountResult({ linkedAccountId: 'acme' }),
          refusedResult('globex', 404, { errorCode: 'INVALID_EVENT' }),
          accountResult({
            linkedAccountId: 'initech',
            ok: false,
            statusCode: null,
            attempts: 0,
            message: 'not sent: x'
          })
        ]
      })
    )
    const results = JSON.parse(outputs.results)
    expect(
      results.map((r: Record<string, unknown>) => [r.ok, r.status_code, r.error_code])
    ).toEqual([
      [true, 200, null],
      [false, 404, 'INVALID_EVENT'],
      [false, null, null]
    ])
    expect(outputs.accepted).toBe('1')
    expect(outputs.failed).toBe('2')
    expect(outputs.status_code).toBe('404')
    expect(outputs.error_code).toBe('INVALID_EVENT')
  })

  it('leaves status_code empty when there was no answer, and sets no wait outputs without wait', () => {
    const { core, outputs } = reporterStub()
    setOutputs(core, outcomeFor({ results: [accountResult({ ok: false, statusCode: null })] }))
    expect(outputs.status_code).toBe('')
    expect(outputs).not.toHaveProperty('executions')
    expect(outputs).not.toHaveProperty('execution_status')
  })

  it('sets results, accepted and failed in a dry run too', () => {
    const { core, outputs } = reporterStub()
    setOutputs(
      core,
      outcomeFor({
        dryRun: true,
        attempts: 0,
        results: [
          accountResult({
            statusCode: null,
            attempts: 0,
            attemptLog: [],
            message: 'Dry run: nothing was sent',
            response: ''
          })
        ]
      })
    )
    expect(outputs).toMatchObject({ ok: 'true', attempts: '0', status_code: '', accepted: '1' })
    expect(JSON.parse(outputs.results)[0]).toMatchObject({ ok: true, status_code: null })
  })
})

describe('writeSummary: one account', () => {
  it('escapes every value, so an event name or workflow cannot inject HTML', async () => {
    const html = await summaryOf()
    expect(html).toContain('Release &lt;Published&gt; &amp; "shipped"')
    expect(html).toContain('<td>Sync &lt;CRM&gt;</td><td>ERRORED</td>')
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;')
    expect(html).not.toContain('<b>bold')
    expect(html).not.toContain(TEST_API_KEY)
  })

  it('has the table the contract lists, with each value', async () => {
    const html = await summaryOf(outcomeFor(), settingsFor({ configId: 'cfg-1' }))
    for (const [field, value] of [
      ['Event', 'Release Published'],
      ['Linked account', 'acme-corp'],
      ['Slug', '—'],
      ['Config', 'cfg-1'],
      ['HTTP status', '200'],
      ['Message', 'Webhook Fired Success'],
      ['Attempts', '1'],
      ['Duration', '42 ms'],
      ['Idempotency key', `${KEY_BASE}/acme-corp`]
    ]) {
      expect(html).toContain(`<tr><td>${field}</td><td>${value}</td></tr>`)
    }
    expect(html).toContain('<h2>✅ Refold accepted event "Release Published"</h2>')
    expect(html).not.toContain('<td>Error</td>')
  })

  it('adds the error kind of a refused account', async () => {
    const html = await summaryOf(
      outcomeFor({
        results: [
          refusedResult('acme-corp', 404, {
            httpErrorType: 'NOT_FOUND',
            errorCode: 'INVALID_EVENT'
          })
        ]
      })
    )
    expect(html).toContain('<h2>❌ Refold did not accept event "Release Published"</h2>')
    expect(html).toContain('<tr><td>Error</td><td>NOT&#95;FOUND INVALID&#95;EVENT</td></tr>')
  })

  it('has an executions table with start and finish, and how long the wait took', async () => {
    const html = await summaryOf()
    expect(html).toContain(
      '<td>Slack</td><td>COMPLETED</td><td>2026-11-28T10:00:00Z</td><td>2026-11-28T10:00:05Z</td><td>5 s</td>'
    )
    expect(html).toContain('<h3>Workflow executions: FAILED</h3>')
    expect(html).toContain('<p>Waited 9 s for them.</p>')
    expect(html).toContain(
      '<td>Sync &lt;CRM&gt;</td><td>ERRORED</td><td>2026-11-28T10:00:01Z</td><td>—</td><td>—</td>'
    )
  })

  it('shows what Refold tells of each failed execution, inert', async () => {
    const html = await summaryOf(
      waitedOutcome(
        failedWait({
          details: [
            {
              id: 'e2',
              workflow: 'Sync <CRM>',
              name: 'Sync run',
              status: 'ERRORED',
              error: 'token *expired*',
              failedNode: { name: 'Push', error: 'HubSpot said 401' }
            }
          ]
        })
      )
    )
    expect(html).toContain(
      '<h4>Failed: Sync &lt;CRM&gt;</h4>\n<ul><li>Execution e2 &#40;Sync run&#41;: ERRORED</li>' +
        '<li>Error: token &#42;expired&#42;</li><li>First failed step: Push — HubSpot said 401</li></ul>'
    )
  })

  it('says why no execution is listed', async () => {
    const html = await summaryOf(
      waitedOutcome(
        failedWait({ status: 'NONE', executions: [], headline: 'Event "X" was not accepted' })
      )
    )
    expect(html).toContain('<p>Event "X" was not accepted</p>')
  })

  it('says a failure before any trigger, with no account table', async () => {
    const html = await summaryOf(
      outcomeFor({ results: [], ok: false, failure: new Error('The org has no linked accounts.') })
    )
    expect(html).toContain('<h2>❌ Refold did not fire event "Release Published"</h2>')
    expect(html).toContain('<p>The org has no linked accounts.</p>')
    expect(html).not.toContain('<table>')
  })
})

describe('writeSummary: several accounts', () => {
  const several = (count: number, failedEvery = 0) =>
    outcomeFor({
      results: Array.from({ length: count }, (_, i) => {
        const id = `acct-${String(i).padStart(3, '0')}`
        return failedEvery && i % failedEvery === failedEvery - 1
          ? refusedResult(id, 422, { refoldMessage: `bad payload for ${id}` })
          : accountResult({ linkedAccountId: id, idempotencyKey: `${KEY_BASE}/${id}` })
      }),
      idempotencyKey: KEY_BASE
    })

  it('puts the counts first, then one row per account with the failures first', async () => {
    const outcome = several(4, 2)
    outcome.results.push(
      accountResult({
        linkedAccountId: 'acct-late',
        ok: false,
        statusCode: null,
        attempts: 0,
        message: 'not sent: Refold refused the api key',
        notSent: 'Refold refused the api key'
      })
    )
    const html = await summaryOf(outcome, settingsFor())
    expect(html).toContain('<h2>❌ Event "Release Published": 2 of 5 linked accounts ok</h2>')
    for (const [field, value] of [
      ['Linked accounts', '5'],
      ['Ok', '2'],
      ['Failed', '2'],
      ['Not sent', '1'],
      ['Idempotency key', `${KEY_BASE}/&lt;account&gt;`]
    ]) {
      expect(html).toContain(`<tr><td>${field}</td><td>${value}</td></tr>`)
    }
    const rows = [...html.matchAll(/<tr><td>(acct-[^<]*)<\/td><td>([^<]*)<\/td>/g)].map(m => [
      m[1],
      m[2]
    ])
    expect(rows).toEqual([
      ['acct-001', 'failed'],
      ['acct-003', 'failed'],
      ['acct-late', 'not sent'],
      ['acct-000', 'ok'],
      ['acct-002', 'ok']
    ])
    expect(html.indexOf('Linked accounts</td>')).toBeLessThan(html.indexOf('acct-001'))
    expect(html).toContain(
      '<tr><td>acct-001</td><td>failed</td><td>422</td><td>bad payload for acct-001</td><td>1</td><td>—</td></tr>'
    )
  })

  it('lists at most 200 accounts and says how many more are in the results output', async () => {
    const html = await summaryOf(several(250, 50), settingsFor())
    const rows = [...html.matchAll(/<tr><td>acct-/g)]
    expect(rows).toHaveLength(200)
    // The 5 failures are among the rows shown, first.
    expect(html.indexOf('<tr><td>acct-049</td><td>failed')).toBeLessThan(
      html.indexOf('<tr><td>acct-000</td><td>ok')
    )
    expect(html).toContain('<p>50 more linked accounts are in the <code>results</code> output.</p>')
  })

  it('has no "more" line at 200 accounts or fewer', async () => {
    const html = await summaryOf(several(200), settingsFor())
    expect([...html.matchAll(/<tr><td>acct-/g)]).toHaveLength(200)
    expect(html).not.toContain('more linked accounts')
  })

  it("stays under GitHub's 1 MiB summary even with 200 long messages", async () => {
    const outcome = several(300)
    for (const result of outcome.results) result.message = 'm'.repeat(100 * 1024)
    const html = await summaryOf(outcome, settingsFor())
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024)
  })

  it('names the account in each attempts table', async () => {
    const retried = accountResult({
      linkedAccountId: 'globex',
      attempts: 2,
      attemptLog: [{ outcome: 'HTTP 503', waitMs: 1500 }, { outcome: 'HTTP 200' }]
    })
    const html = await summaryOf(
      outcomeFor({ results: [accountResult({ linkedAccountId: 'acme' }), retried] }),
      settingsFor()
    )
    expect(html).toContain('<h3>Attempts for globex</h3>')
  })
})

describe('writeSummary: why it failed', () => {
  it('lists every hint once', async () => {
    const hint = "Check 'api_key': the key sent is a production key (pk…)."
    const html = await summaryOf(
      outcomeFor({
        results: [
          refusedResult('acme', 401, {}, { hints: [hint, 'Closest event names: "Release".'] }),
          refusedResult('globex', 401, {}, { hints: [hint] })
        ]
      }),
      settingsFor()
    )
    expect(html).toContain(
      "<h3>What to check</h3>\n<ul><li>Check 'api&#95;key': the key sent is a production key &#40;pk…&#41;.</li>" +
        '<li>Closest event names: "Release".</li></ul>'
    )
  })

  it('has no hints list when there is none', async () => {
    expect(await summaryOf(outcomeFor(), settingsFor())).not.toContain('What to check')
  })

  it('lists the attempts when there was more than one, a success after retries too', async () => {
    const html = await summaryOf(
      outcomeFor({
        results: [
          accountResult({
            attempts: 3,
            attemptLog: [
              { outcome: 'HTTP 503 SERVICE_UNAVAILABLE', waitMs: 1000 },
              { outcome: 'connection reset (ECONNRESET)', waitMs: 2500 },
              { outcome: 'HTTP 200' }
            ]
          })
        ]
      }),
      settingsFor()
    )
    expect(html).toContain(
      '<h3>Attempts</h3>\n<table><tr><th>Attempt</th><th>Status or cause</th><th>Wait before the next</th></tr>' +
        '<tr><td>1</td><td>HTTP 503 SERVICE&#95;UNAVAILABLE</td><td>1 s</td></tr>' +
        '<tr><td>2</td><td>connection reset &#40;ECONNRESET&#41;</td><td>2.5 s</td></tr>' +
        '<tr><td>3</td><td>HTTP 200</td><td>—</td></tr></table>'
    )
  })

  it('has no attempts table after one attempt', async () => {
    expect(await summaryOf(outcomeFor(), settingsFor())).not.toContain('<h3>Attempts')
  })
})

describe('writeSummary: server text is inert', () => {
  const hostile =
    'Webhook Fired Success\n\n## Approved\n\n[rotate your key](https://evil.example)\n' +
    '![pixel](https://evil.example/p.png)\n<img src=x onerror=alert(1)>\n| a | b |'

  it('keeps server text inert: one line per cell, no heading, link, image, tag or pipe', async () => {
    const wait = failedWait({
      headline: `Event "X": failed: ${hostile}`,
      executions: [
        { id: 'e1', workflow: hostile, status: '`ERRORED`', created_at: '2026-11-28T10:00:00Z' }
      ]
    })
    const html = await summaryOf(
      waitedOutcome(wait, {
        message: hostile,
        errorCode: '**BAD**',
        hints: [`Closest event names: "${hostile}".`]
      })
    )
    // Every piece is inside one element on one source line: no blank line ends the HTML block.
    expect(html).not.toMatch(/\n\s*\n(?!<pre)/)
    expect(html).not.toMatch(/^\s*#/m)
    expect(html).not.toMatch(/!?\[[^\]]*\]\(/)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('| a |')
    expect(html).not.toContain('**BAD**')
    expect(html).not.toContain('`ERRORED`')
    expect(html).toContain(
      '<td>Message</td><td>Webhook Fired Success<br><br>&#35;&#35; Approved<br><br>&#91;rotate your key&#93;'
    )
  })

  it('keeps an account id and its message inert in the accounts table', async () => {
    const html = await summaryOf(
      outcomeFor({
        results: [
          accountResult({ linkedAccountId: '<script>x</script>' }),
          refusedResult('b', 400, { refoldMessage: hostile })
        ]
      }),
      settingsFor()
    )
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('<td>&lt;script&gt;x&lt;/script&gt;</td>')
  })

  it('cuts each piece of server text at 4 KiB with a note', async () => {
    const html = await summaryOf(waitedOutcome(failedWait(), { message: 'm'.repeat(20 * 1024) }))
    expect(html).toContain(
      `<td>Message</td><td>${'m'.repeat(4096)} … <i>(cut at 4 KiB of 20 KiB)</i></td>`
    )
  })
})

describe('writeSummary: the payload', () => {
  it('cuts the payload at 64 KiB with a note', async () => {
    const big = JSON.stringify({ body: 'x'.repeat(100 * 1024) })
    const html = await summaryOf(outcomeFor({ payloadJson: big }), settingsFor())
    const code = /<pre lang="json"><code>([\s\S]*?)<\/code><\/pre>/.exec(html)![1]
    expect(code.length).toBe(64 * 1024)
    expect(html).toContain('Cut at 64 KiB of 101 KiB')
  })

  it('keeps a payload under 64 KiB whole, pretty-printed', async () => {
    const html = await summaryOf(outcomeFor({ payloadJson: '{"a":{"b":1}}' }), settingsFor())
    expect(html).toContain('<code>{\n  "a": {\n    "b": 1\n  }\n}</code>')
    expect(html).not.toContain('Cut at')
  })
})

describe('setOutputs: what fits', () => {
  it('says nothing was cut when every output is within its limit', () => {
    const { core, outputs } = reporterStub()
    expect(setOutputs(core, outcomeFor())).toBe(false)
    expect(outputs.truncated).toBe('false')
  })

  it('says so when an output had to be cut, and sets truncated true', () => {
    const { core, outputs } = reporterStub()
    const payloadJson = JSON.stringify({ notes: 'x'.repeat(200 * 1024) })
    expect(setOutputs(core, outcomeFor({ payloadJson }))).toBe(true)
    expect(outputs.truncated).toBe('true')
    expect(outputs.payload).toBe('')
  })

  it('sets preflight, correlation and results_file', () => {
    const { core, outputs } = reporterStub()
    setOutputs(
      core,
      outcomeFor({
        results: [accountResult({ executionStatus: 'COMPLETED', wait: completedWait() })],
        executionStatus: 'COMPLETED',
        correlation: 'tag+time',
        preflight: 'no_schema',
        resultsFile: '/tmp/refold-results-42-notify.jsonl'
      })
    )
    expect(outputs).toMatchObject({
      preflight: 'no_schema',
      correlation: 'tag+time',
      results_file: '/tmp/refold-results-42-notify.jsonl'
    })
  })
})

function completedWait(overrides: Partial<WaitResult> = {}): WaitResult {
  return failedWait({
    ok: true,
    status: 'COMPLETED',
    headline: 'Event "X": 1 workflow execution completed',
    executions: [
      {
        id: 'e1',
        workflow: 'Slack',
        status: 'COMPLETED',
        created_at: '2026-11-28T10:00:00Z',
        finished_at: '2026-11-28T10:00:05Z',
        durationMs: 5000
      }
    ],
    ...overrides
  })
}

describe('writeSummary: the check before firing', () => {
  it('lists every violation of a failed check, and says nothing was fired', async () => {
    const failure = new PreflightError(
      'The payload does not match the schema of event "Release Published"',
      'PAYLOAD_INVALID',
      ['/version: must be string', '/: missing required property notes']
    )
    const html = await summaryOf(
      outcomeFor({ results: [], ok: false, failure, preflight: 'failed' }),
      settingsFor()
    )
    expect(html).toContain('<h2>❌ Refold did not fire event "Release Published"</h2>')
    expect(html).toContain(
      "<p>The payload does not match the event's schema in Refold, so nothing was fired:</p>\n" +
        '<ul><li>/version: must be string</li><li>/: missing required property notes</li></ul>'
    )
  })

  it('gives a failed check without violations its message', async () => {
    const failure = new PreflightError('Event "Release" is not in the events list', 'INVALID_EVENT')
    const html = await summaryOf(outcomeFor({ results: [], ok: false, failure }), settingsFor())
    expect(html).toContain('<p>Event "Release" is not in the events list</p>')
    expect(html).not.toContain('nothing was fired:')
  })
})

describe('writeSummary: a cancelled run', () => {
  it('heads the summary with what was sent before the cancel, and lists the executions seen', async () => {
    const results = [
      accountResult({
        linkedAccountId: 'acme',
        executionStatus: 'CANCELLED',
        wait: failedWait({ status: 'CANCELLED', headline: 'Cancelled while waiting' })
      }),
      accountResult({
        linkedAccountId: 'globex',
        ok: false,
        statusCode: null,
        attempts: 0,
        message: 'not sent: cancelled',
        notSent: 'cancelled'
      })
    ]
    const html = await summaryOf(
      outcomeFor({ results, ok: false, cancelled: true, executionStatus: 'CANCELLED' }),
      settingsFor()
    )
    const line =
      'Cancelled after 1 of 2 linked accounts, while waiting for executions: ' +
      'event "Release Published"; see results for each'
    expect(html).toContain(`<h2>❌ ${line}</h2>`)
    expect(html).toContain(`<p>${line}</p>`)
    expect(html).toContain('<h3>Workflow executions: CANCELLED</h3>')
    expect(html).toContain('<td>acme</td><td>Sync &lt;CRM&gt;</td><td>ERRORED</td>')
    expect(html).toContain('<td>globex</td><td>not sent</td>')
  })

  it('has no cancel line in a run that was not cancelled', async () => {
    expect(await summaryOf(outcomeFor(), settingsFor())).not.toContain('Cancelled')
  })
})

describe('writeSummary: how executions were matched', () => {
  it.each([
    ['tag', 'Executions were matched to the trigger by their instance_tag.'],
    ['time', 'Executions were matched by event and time (Refold listed no instance_tag).'],
    [
      'tag+time',
      'Executions were matched by instance_tag where Refold listed one, else by event and time.'
    ]
  ] as const)('says the %s rule', async (correlation, note) => {
    const outcome = waitedOutcome()
    outcome.correlation = correlation
    const html = await summaryOf(outcome)
    expect(html).toContain(`<p>Waited 9 s for them.</p>\n<p>${note}</p>`)
  })

  it('says no rule when no execution was matched', async () => {
    const html = await summaryOf(waitedOutcome(failedWait({ status: 'NONE', executions: [] })))
    expect(html).not.toContain('were matched')
  })
})

describe('writeSummary: stopped executions', () => {
  it('lists which executions were stopped and which stops failed', async () => {
    const html = await summaryOf(
      waitedOutcome(
        failedWait({
          status: 'TIMED_OUT',
          stopped: [
            { id: 'e2', workflow: 'Sync <CRM>', ok: true },
            { id: 'e3', workflow: 'Notify', ok: false, error: 'HTTP 500' },
            { id: 'e4', workflow: 'Audit', ok: false }
          ]
        })
      )
    )
    expect(html).toContain(
      '<h4>Stopped because the run ended before them</h4>\n<ul>' +
        '<li>Sync &lt;CRM&gt; &#40;e2&#41;: stopped</li>' +
        '<li>Notify &#40;e3&#41;: stop failed: HTTP 500</li>' +
        '<li>Audit &#40;e4&#41;: stop failed: unknown error</li></ul>'
    )
  })

  it('has no stop list when nothing was stopped', async () => {
    expect(await summaryOf()).not.toContain('Stopped because')
  })
})

describe('writeSummary: the results file', () => {
  it('says where every account’s full result is', async () => {
    const html = await summaryOf(
      outcomeFor({ resultsFile: '/runner/_temp/refold-results-42-notify.jsonl' }),
      settingsFor()
    )
    expect(html).toContain(
      "<p>Every account's full result is in <code>/runner/&#95;temp/refold-results-42-notify.jsonl</code>" +
        ' (the <code>results_file</code> output).</p>'
    )
  })

  it('has no such line without a file', async () => {
    expect(await summaryOf(outcomeFor(), settingsFor())).not.toContain('full result is in')
  })
})

describe('writeSummary: notices and details', () => {
  it('shows the run’s notice', async () => {
    const html = await summaryOf(
      outcomeFor({ results: [], notice: 'No linked account in shard 3/4.' }),
      settingsFor()
    )
    expect(html).toContain('<p>No linked account in shard 3/4.</p>')
  })

  it('names the slug when set, and the one error field a refusal has', async () => {
    const html = await summaryOf(
      outcomeFor({ results: [refusedResult('acme-corp', 400, { httpErrorType: 'BAD_REQUEST' })] }),
      settingsFor({ slug: 'hubspot' })
    )
    expect(html).toContain('<tr><td>Slug</td><td>hubspot</td></tr>')
    expect(html).toContain('<tr><td>Error</td><td>BAD&#95;REQUEST</td></tr>')
  })

  it('says when a failed execution’s detail has no name, status or step error', async () => {
    const html = await summaryOf(
      waitedOutcome(
        failedWait({
          details: [{ id: 'e2', workflow: 'Sync', failedNode: { name: 'Push' } }]
        })
      )
    )
    expect(html).toContain(
      '<h4>Failed: Sync</h4>\n<ul><li>Execution e2: status unknown</li><li>First failed step: Push</li></ul>'
    )
  })

  it('lists the attempts of at most 5 retried accounts', async () => {
    const results = Array.from({ length: 7 }, (_, i) =>
      accountResult({
        linkedAccountId: `retried-${i}`,
        attempts: 2,
        attemptLog: [{ outcome: 'HTTP 503', waitMs: 1000 }, { outcome: 'HTTP 200' }]
      })
    )
    const html = await summaryOf(outcomeFor({ results }), settingsFor())
    expect([...html.matchAll(/<h3>Attempts for (retried-\d)<\/h3>/g)].map(m => m[1])).toEqual([
      'retried-0',
      'retried-1',
      'retried-2',
      'retried-3',
      'retried-4'
    ])
  })
})

/** `count` accounts whose waits failed, each with `executions` failed executions and their details. */
function failedWaits(count: number, executions = 1, error = 'token expired') {
  return outcomeFor({
    idempotencyKey: KEY_BASE,
    executionStatus: 'FAILED',
    results: Array.from({ length: count }, (_, i) => {
      const id = `acct-${String(i).padStart(5, '0')}`
      const listed = Array.from({ length: executions }, (_, j) => ({
        id: `${id}-e${j}`,
        workflow: `Sync ${j}`,
        status: 'ERRORED',
        created_at: '2026-11-28T10:00:00Z'
      }))
      const wait = failedWait({
        headline: `Event "X" for ${id}: ${executions} of ${executions} workflow executions failed`,
        executions: listed,
        details: listed.map(e => ({ id: e.id, workflow: e.workflow, status: 'ERRORED', error }))
      })
      return accountResult({
        linkedAccountId: id,
        ok: false,
        message: wait.headline,
        executionStatus: 'FAILED',
        wait
      })
    })
  })
}

describe('writeSummary: a summary that fits', () => {
  it('lists at most 200 accounts and says the rest are in the results file when there is one', async () => {
    const outcome = outcomeFor({
      idempotencyKey: KEY_BASE,
      resultsFile: '/tmp/results.jsonl',
      results: Array.from({ length: 230 }, (_, i) => accountResult({ linkedAccountId: `a${i}` }))
    })
    const html = await summaryOf(outcome, settingsFor())
    expect([...html.matchAll(/<tr><td>a\d+<\/td><td>ok/g)]).toHaveLength(200)
    expect(html).toContain('<p>30 more linked accounts are in the results file.</p>')
  })

  it('lists at most 200 executions and says how many more there are', async () => {
    const html = await summaryOf(failedWaits(3, 80), settingsFor())
    expect([...html.matchAll(/<tr><td>acct-\d+<\/td><td>Sync \d+<\/td>/g)]).toHaveLength(200)
    expect(html).toContain('<p>40 more executions are in the results file.</p>')
  })

  it('has no "more executions" line at 200 or fewer', async () => {
    const html = await summaryOf(failedWaits(2, 100), settingsFor())
    expect([...html.matchAll(/<tr><td>acct-\d+<\/td><td>Sync \d+<\/td>/g)]).toHaveLength(200)
    expect(html).not.toContain('more executions')
  })

  it('tells at most 20 failed waits in a line each, then how many more did not complete', async () => {
    const html = await summaryOf(failedWaits(26), settingsFor())
    const lines = [...html.matchAll(/<p>Event "X" for (acct-\d+): /g)].map(m => m[1])
    expect(lines).toEqual(
      Array.from({ length: 20 }, (_, i) => `acct-${String(i).padStart(5, '0')}`)
    )
    expect(html).toContain("<p>6 more accounts' executions did not all complete.</p>")
  })

  it('has no "more accounts" line at 20 failed waits', async () => {
    const html = await summaryOf(failedWaits(20), settingsFor())
    expect([...html.matchAll(/<p>Event "X" for acct-/g)]).toHaveLength(20)
    expect(html).not.toContain('did not all complete')
  })

  it('shows failed-execution details for at most 5 executions in the whole run', async () => {
    const html = await summaryOf(failedWaits(3, 2), settingsFor())
    expect(
      [...html.matchAll(/<li>Execution (acct-\d+-e\d): ERRORED<\/li>/g)].map(m => m[1])
    ).toEqual(['acct-00000-e0', 'acct-00000-e1', 'acct-00001-e0', 'acct-00001-e1', 'acct-00002-e0'])
  })

  it('stays under 1 MiB with thousands of accounts whose waits all failed with 4 KiB errors', async () => {
    const error = 'E'.repeat(4 * 1024)
    const outcome = failedWaits(5000, 2, error)
    for (const result of outcome.results) {
      result.message = error
      result.wait!.headline = `${error} ${result.linkedAccountId}`
      for (const detail of result.wait!.details) detail.name = error
    }
    outcome.payloadJson = JSON.stringify({ notes: error.repeat(100) })
    const html = await summaryOf(outcome, settingsFor())
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024)
    expect(html).toContain(
      '<p>4800 more linked accounts are in the <code>results</code> output.</p>'
    )
    expect(html).toContain('<p>9800 more executions are in the results file.</p>')
    expect(html).toContain("<p>4980 more accounts' executions did not all complete.</p>")
  })
})

describe('writeSummary: the 1 MiB bound holds in any case', () => {
  it('leaves out its largest parts, never the heading, when long names and escaping would pass it', async () => {
    // 4 KiB workflow names of characters that escaping lengthens, in 200 execution rows.
    const name = '\u0001'.repeat(4 * 1024)
    const outcome = failedWaits(200)
    for (const result of outcome.results) {
      for (const execution of result.wait!.executions) execution.workflow = name
    }
    const html = await summaryOf(outcome, settingsFor())
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(1000 * 1024)
    expect(html.startsWith('<h2>❌ ')).toBe(true)
    expect(html).toMatch(
      /<p>\d+ parts? of this summary were left out to stay within GitHub's 1 MiB; every account's result is in the results file\.<\/p>/
    )
  })
})

describe('writeSummary: cells with nothing to say', () => {
  it('shows a dash for an account with no answer and no message', async () => {
    const silent = { ok: false, statusCode: null, message: '', attempts: 0, attemptLog: [] }
    const one = await summaryOf(outcomeFor({ results: [accountResult(silent)] }), settingsFor())
    expect(one).toContain('<tr><td>HTTP status</td><td>—</td></tr>')
    expect(one).toContain('<tr><td>Message</td><td>—</td></tr>')
    const several = await summaryOf(
      outcomeFor({
        results: [
          accountResult({ linkedAccountId: 'acme' }),
          accountResult({ ...silent, linkedAccountId: 'globex' })
        ]
      }),
      settingsFor()
    )
    expect(several).toContain(
      '<tr><td>globex</td><td>failed</td><td>—</td><td>—</td><td>0</td><td>—</td></tr>'
    )
  })
})
