import { describe, expect, it, jest } from '@jest/globals'
import type { Settings } from '../src/core/settings.js'
import { describeRequest, setOutputs, writeSummary, type RunReport } from '../src/action/report.js'

const settings: Settings = {
  apiKey: 'pk_live_REPORT_SECRET',
  event: 'Release <Published> & "shipped"',
  linkedAccountId: 'acme@example.com',
  configId: 'cfg-1',
  slug: undefined,
  payload: { kind: 'none' },
  githubContext: 'auto',
  baseUrl: 'https://api.gocobalt.io',
  timeoutMs: 30_000,
  retries: 3,
  failOnError: true,
  idempotencyKey: 'key-1',
  dryRun: false,
  wait: true,
  waitTimeoutMs: 600_000,
  waitIntervalMs: 10_000,
  summary: true
}

function reporter() {
  const outputs: Record<string, string> = {}
  let summary = ''
  const core = {
    setOutput: jest.fn((name: string, value: string) => {
      outputs[name] = value
    }),
    info: jest.fn(),
    summary: {
      addRaw(text: string) {
        summary += text
        return { write: async () => undefined }
      }
    }
  }
  return { core, outputs, summary: () => summary }
}

const report = (overrides: Partial<RunReport> = {}): RunReport => ({
  settings,
  payloadJson: '{"note":"<b>bold</b>"}',
  ok: false,
  headline: 'Event "X": 1 of 2 workflow executions failed: Sync <CRM> (ERRORED)',
  statusCode: 200,
  message: 'Webhook Fired Success',
  response: '{"message":"Webhook Fired Success"}',
  attempts: 1,
  durationMs: 42,
  wait: {
    ok: false,
    status: 'FAILED',
    headline: 'Event "X": 1 of 2 workflow executions failed',
    executions: [
      {
        id: 'e1',
        workflow: 'Slack',
        status: 'COMPLETED',
        created_at: '2026-11-28T10:00:00Z',
        finished_at: '2026-11-28T10:00:05Z'
      },
      { id: 'e2', workflow: 'Sync <CRM>', status: 'ERRORED', created_at: '2026-11-28T10:00:01Z' }
    ]
  },
  ...overrides
})

describe('setOutputs', () => {
  it('sets every output, executions with exactly id, workflow, status and created_at', () => {
    const { core, outputs } = reporter()
    setOutputs(core, report())
    expect(outputs).toEqual({
      ok: 'false',
      status_code: '200',
      message: 'Webhook Fired Success',
      error_code: '',
      http_error_type: '',
      response: '{"message":"Webhook Fired Success"}',
      attempts: '1',
      duration_ms: '42',
      payload: '{"note":"<b>bold</b>"}',
      idempotency_key: 'key-1',
      execution_status: 'FAILED',
      executions: JSON.stringify([
        { id: 'e1', workflow: 'Slack', status: 'COMPLETED', created_at: '2026-11-28T10:00:00Z' },
        { id: 'e2', workflow: 'Sync <CRM>', status: 'ERRORED', created_at: '2026-11-28T10:00:01Z' }
      ])
    })
  })

  it('leaves status_code empty when there was no answer, and sets no wait outputs without wait', () => {
    const { core, outputs } = reporter()
    setOutputs(core, report({ statusCode: undefined, wait: undefined }))
    expect(outputs.status_code).toBe('')
    expect(outputs).not.toHaveProperty('executions')
    expect(outputs).not.toHaveProperty('execution_status')
  })
})

describe('writeSummary', () => {
  it('escapes every value, so an event name or workflow cannot inject HTML', async () => {
    const { core, summary } = reporter()
    await writeSummary(core, report())
    const html = summary()
    expect(html).toContain('Release &lt;Published&gt; &amp; "shipped"')
    expect(html).toContain('<td>Sync &lt;CRM&gt;</td><td>ERRORED</td>')
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;')
    expect(html).not.toContain('<b>bold')
    expect(html).not.toContain(settings.apiKey)
  })

  it('has the table the contract lists and an executions table with start and finish', async () => {
    const { core, summary } = reporter()
    await writeSummary(core, report())
    for (const field of [
      'Event',
      'Linked account',
      'Slug',
      'Config',
      'HTTP status',
      'Message',
      'Attempts',
      'Duration',
      'Idempotency key'
    ]) {
      expect(summary()).toContain(`<td>${field}</td>`)
    }
    expect(summary()).toContain(
      '<td>Slack</td><td>COMPLETED</td><td>2026-11-28T10:00:00Z</td><td>2026-11-28T10:00:05Z</td>'
    )
  })

  const hostile =
    'Webhook Fired Success\n\n## Approved\n\n[rotate your key](https://evil.example)\n' +
    '![pixel](https://evil.example/p.png)\n<img src=x onerror=alert(1)>\n| a | b |'

  it('keeps server text inert: one line per cell, no heading, link, image, tag or pipe', async () => {
    const { core, summary } = reporter()
    await writeSummary(
      core,
      report({
        message: hostile,
        errorCode: '**BAD**',
        wait: {
          ok: false,
          status: 'FAILED',
          headline: `Event "X": failed: ${hostile}`,
          executions: [
            { id: 'e1', workflow: hostile, status: '`ERRORED`', created_at: '2026-11-28T10:00:00Z' }
          ]
        }
      })
    )
    const html = summary()
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

  it('cuts each piece of server text at 4 KiB with a note', async () => {
    const { core, summary } = reporter()
    await writeSummary(core, report({ message: 'm'.repeat(20 * 1024) }))
    expect(summary()).toContain(
      `<td>Message</td><td>${'m'.repeat(4096)} … <i>(cut at 4 KiB of 20 KiB)</i></td>`
    )
  })

  it('says why no execution is listed', async () => {
    const { core, summary } = reporter()
    await writeSummary(
      core,
      report({
        wait: { ok: false, status: 'NONE', executions: [], headline: 'Event "X" was not accepted' }
      })
    )
    expect(summary()).toContain('<p>Event "X" was not accepted</p>')
  })

  it('cuts the payload at 64 KiB with a note', async () => {
    const { core, summary } = reporter()
    const big = JSON.stringify({ body: 'x'.repeat(100 * 1024) })
    await writeSummary(core, report({ payloadJson: big }))
    const code = /<pre lang="json"><code>([\s\S]*?)<\/code><\/pre>/.exec(summary())![1]
    expect(code.length).toBe(64 * 1024)
    expect(summary()).toContain('Cut at 64 KiB of 101 KiB')
  })

  it('keeps a payload under 64 KiB whole, pretty-printed', async () => {
    const { core, summary } = reporter()
    await writeSummary(core, report({ payloadJson: '{"a":{"b":1}}' }))
    expect(summary()).toContain('<code>{\n  "a": {\n    "b": 1\n  }\n}</code>')
    expect(summary()).not.toContain('Cut at')
  })
})

describe('describeRequest', () => {
  it('prints the request a dry run would send, with the key masked', () => {
    const text = describeRequest(settings, '{"a":1}')
    expect(text).toContain('POST https://api.gocobalt.io/api/v2/public/event')
    expect(text).toContain('x-api-key: ***')
    expect(text).toContain('config_id: cfg-1')
    expect(text).not.toContain('slug:')
    expect(text).toContain('Idempotency-Key: key-1')
    expect(text).not.toContain(settings.apiKey)
  })
})
