// What a run leaves on the runner, built from a finished Outcome: the step outputs as text and the
// job summary, whose every piece of server text is inert.
import { describe, expect, it } from '@jest/globals'
import { setOutputs, writeSummary } from '../src/action/report.js'
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
