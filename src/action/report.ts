// What a run leaves behind: the step outputs, the job summary and the request printout of a dry
// run. Everything here reads a finished RunReport; nothing decides success or failure.
import { Outputs } from '../core/names.js'
import type { Settings } from '../core/settings.js'
import { forSummary } from '../core/untrusted.js'
import type { WaitResult } from '../core/wait.js'

/** The slice of @actions/core that reporting needs. */
export interface Reporter {
  setOutput(name: string, value: string): void
  info(message: string): void
  summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } }
}

export interface RunReport {
  settings: Settings
  /** The payload as sent (or, in a dry run, as it would be sent). */
  payloadJson: string
  /** The event was accepted and, with wait, every execution completed. */
  ok: boolean
  /** One line saying what happened, for the summary heading and the log. */
  headline: string
  statusCode?: number
  message: string
  errorCode?: string
  httpErrorType?: string
  response: string
  attempts: number
  durationMs: number
  wait?: WaitResult
}

export function setOutputs(core: Reporter, report: RunReport): void {
  const outputs: Record<string, string> = {
    [Outputs.Ok]: String(report.ok),
    [Outputs.StatusCode]: report.statusCode === undefined ? '' : String(report.statusCode),
    [Outputs.Message]: report.message,
    [Outputs.ErrorCode]: report.errorCode ?? '',
    [Outputs.HttpErrorType]: report.httpErrorType ?? '',
    [Outputs.Response]: report.response,
    [Outputs.Attempts]: String(report.attempts),
    [Outputs.DurationMs]: String(report.durationMs),
    [Outputs.Payload]: report.payloadJson,
    [Outputs.IdempotencyKey]: report.settings.idempotencyKey
  }
  if (report.wait) {
    outputs[Outputs.Executions] = JSON.stringify(
      report.wait.executions.map(({ id, workflow, status, created_at }) => ({
        id,
        workflow,
        status,
        created_at
      }))
    )
    outputs[Outputs.ExecutionStatus] = report.wait.status
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

/** The request a dry run would send, api key masked, for the log. */
export function describeRequest(settings: Settings, payloadJson: string): string {
  const headers: [string, string | undefined][] = [
    ['x-api-key', settings.apiKey ? '***' : '(not set)'],
    ['linked_account_id', settings.linkedAccountId],
    ['config_id', settings.configId],
    ['slug', settings.slug],
    ['Idempotency-Key', settings.idempotencyKey]
  ]
  const body = JSON.stringify({ event: settings.event, payload: JSON.parse(payloadJson) }, null, 2)
  return [
    `POST ${settings.baseUrl}/api/v2/public/event`,
    ...headers
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}: ${value}`),
    '',
    body
  ].join('\n')
}

const PAYLOAD_SUMMARY_LIMIT = 64 * 1024

export async function writeSummary(core: Reporter, report: RunReport): Promise<void> {
  const { settings } = report
  const rows: [string, string][] = [
    ['Event', settings.event],
    ['Linked account', settings.linkedAccountId],
    ['Slug', settings.slug ?? '—'],
    ['Config', settings.configId ?? '—'],
    ['HTTP status', report.statusCode === undefined ? '—' : String(report.statusCode)],
    ['Message', report.message || '—'],
    ['Attempts', String(report.attempts)],
    ['Duration', `${report.durationMs} ms`],
    ['Idempotency key', settings.idempotencyKey]
  ]
  if (report.errorCode || report.httpErrorType) {
    rows.splice(5, 0, ['Error', [report.httpErrorType, report.errorCode].filter(Boolean).join(' ')])
  }
  const parts = [
    `<h2>${report.ok ? '✅' : '❌'} ${forSummary(report.headline)}</h2>`,
    table(['Field', 'Value'], rows)
  ]
  if (report.wait) {
    parts.push(`<h3>Workflow executions: ${forSummary(report.wait.status)}</h3>`)
    parts.push(
      report.wait.executions.length
        ? table(
            ['Workflow', 'Status', 'Started', 'Finished'],
            report.wait.executions.map(e => [
              e.workflow,
              e.status,
              e.created_at,
              e.finished_at ?? '—'
            ])
          )
        : `<p>${forSummary(report.wait.headline)}</p>`
    )
  }
  parts.push(payloadBlock(report.payloadJson))
  await core.summary.addRaw(parts.join('\n'), true).write()
}

function payloadBlock(payloadJson: string): string {
  let pretty = JSON.stringify(JSON.parse(payloadJson), null, 2)
  let note = ''
  if (pretty.length > PAYLOAD_SUMMARY_LIMIT) {
    note = `<p>Cut at 64 KiB of ${Math.ceil(pretty.length / 1024)} KiB; the whole payload is in the <code>payload</code> output.</p>`
    pretty = pretty.slice(0, PAYLOAD_SUMMARY_LIMIT)
  }
  return `<details><summary>Payload</summary>\n\n<pre lang="json"><code>${escapeHtml(pretty)}</code></pre>${note}</details>`
}

/** Every cell is inert text: event names, messages and workflow names come from people and servers. */
function table(header: string[], rows: string[][]): string {
  const cells = (tag: string, values: string[]): string =>
    `<tr>${values.map(v => `<${tag}>${forSummary(v)}</${tag}>`).join('')}</tr>`
  return `<table>${cells('th', header)}${rows.map(row => cells('td', row)).join('')}</table>`
}

/** For the payload's `<pre>` block, which Markdown leaves alone up to `</pre>`: quotes stay readable. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
