// What a run leaves on the runner: the step outputs and the job summary. Everything here reads a
// finished Outcome; nothing decides success or failure. Server text is inert in the summary.
import type { AccountResult, Outcome } from '../core/fire.js'
import { headline, outcomeOutputs } from '../core/outputs.js'
import type { Settings } from '../core/settings.js'
import { forSummary } from '../core/untrusted.js'
import type { FailedExecution } from '../core/wait.js'

/** The slice of @actions/core that reporting needs. */
export interface Reporter {
  setOutput(name: string, value: string): void
  summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } }
}

export function setOutputs(core: Reporter, outcome: Outcome): void {
  for (const [name, value] of Object.entries(outcomeOutputs(outcome))) {
    core.setOutput(name, asOutputText(value))
  }
}

/** Outputs are text: strings as they are, null as '', everything else as JSON. */
function asOutputText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

const PAYLOAD_SUMMARY_LIMIT = 64 * 1024
/** Rows of the accounts table; the rest are in the `results` output. */
const ACCOUNT_ROWS = 200
/** A cell of the accounts table: 200 rows of these stay well under GitHub's 1 MiB summary. */
const ACCOUNT_CELL_BYTES = 512
/** Accounts whose attempts are listed, and failed executions whose detail is shown. */
const DETAILED = 5

export async function writeSummary(
  core: Reporter,
  outcome: Outcome,
  settings: Pick<Settings, 'slug' | 'configId'>
): Promise<void> {
  const { results } = outcome
  const parts = [`<h2>${outcome.ok ? '✅' : '❌'} ${forSummary(headline(outcome))}</h2>`]
  if (outcome.failure) parts.push(`<p>${forSummary(outcome.failure.message)}</p>`)
  if (outcome.notice) parts.push(`<p>${forSummary(outcome.notice)}</p>`)
  if (results.length === 1) parts.push(oneAccountTable(outcome, results[0], settings))
  if (results.length > 1) parts.push(...accountsTables(outcome, settings))

  const hints = [...new Set(results.flatMap(result => result.hints))]
  if (hints.length) {
    parts.push(`<h3>What to check</h3>`, list(hints))
  }
  const retried = results.filter(result => result.attemptLog.length > 1)
  for (const result of retried.slice(0, DETAILED)) {
    parts.push(attemptsTable(result, results.length > 1))
  }
  if (outcome.executionStatus) parts.push(...executionsPart(outcome))
  parts.push(payloadBlock(outcome.payloadJson))
  await core.summary.addRaw(parts.join('\n'), true).write()
}

function oneAccountTable(
  outcome: Outcome,
  result: AccountResult,
  settings: Pick<Settings, 'slug' | 'configId'>
): string {
  const rows: string[][] = [
    ['Event', outcome.event],
    ['Linked account', result.linkedAccountId],
    ['Slug', settings.slug ?? '—'],
    ['Config', settings.configId ?? '—'],
    ['HTTP status', result.statusCode === null ? '—' : String(result.statusCode)]
  ]
  if (!result.ok && (result.errorCode || result.httpErrorType)) {
    rows.push(['Error', [result.httpErrorType, result.errorCode].filter(Boolean).join(' ')])
  }
  rows.push(
    ['Message', result.message || '—'],
    ['Attempts', String(result.attempts)],
    ['Duration', `${outcome.durationMs} ms`],
    ['Idempotency key', result.idempotencyKey]
  )
  return table(['Field', 'Value'], rows)
}

/** Counts first, then the accounts with failures first, at most ACCOUNT_ROWS of them. */
function accountsTables(outcome: Outcome, settings: Pick<Settings, 'slug' | 'configId'>): string[] {
  const { results } = outcome
  const accepted = results.filter(result => result.ok).length
  const notSent = results.filter(result => result.notSent).length
  const counts = [
    ['Event', outcome.event],
    ['Linked accounts', String(results.length)],
    ['Ok', String(accepted)],
    ['Failed', String(results.length - accepted - notSent)],
    ['Not sent', String(notSent)],
    ['Slug', settings.slug ?? '—'],
    ['Config', settings.configId ?? '—'],
    ['Attempts', String(outcome.attempts)],
    ['Duration', `${outcome.durationMs} ms`],
    ['Idempotency key', `${outcome.idempotencyKey}/<account>`]
  ]
  const ordered = [...results.filter(r => !r.ok), ...results.filter(r => r.ok)]
  const rows = ordered
    .slice(0, ACCOUNT_ROWS)
    .map(result => [
      result.linkedAccountId,
      result.ok ? 'ok' : result.notSent ? 'not sent' : 'failed',
      result.statusCode === null ? '—' : String(result.statusCode),
      result.message || '—',
      String(result.attempts),
      result.executionStatus ?? '—'
    ])
  const parts = [
    table(['Field', 'Value'], counts),
    table(
      ['Linked account', 'Result', 'HTTP status', 'Message', 'Attempts', 'Executions'],
      rows,
      ACCOUNT_CELL_BYTES
    )
  ]
  if (results.length > ACCOUNT_ROWS) {
    parts.push(
      `<p>${results.length - ACCOUNT_ROWS} more linked accounts are in the <code>results</code> output.</p>`
    )
  }
  return parts
}

function attemptsTable(result: AccountResult, named: boolean): string {
  const title = named ? ` for ${forSummary(result.linkedAccountId)}` : ''
  const rows = result.attemptLog.map((attempt, index) => [
    String(index + 1),
    attempt.outcome,
    attempt.waitMs === undefined ? '—' : `${seconds(attempt.waitMs)}`
  ])
  return (
    `<h3>Attempts${title}</h3>\n` +
    table(['Attempt', 'Status or cause', 'Wait before the next'], rows)
  )
}

function executionsPart(outcome: Outcome): string[] {
  const several = outcome.results.length > 1
  const waited = outcome.results.filter(result => result.wait)
  const executions = waited.flatMap(result =>
    (result.wait?.executions ?? []).map(execution => ({ result, execution }))
  )
  const longest = Math.max(0, ...waited.map(result => result.wait?.durationMs ?? 0))
  const parts = [
    `<h3>Workflow executions: ${forSummary(outcome.executionStatus ?? 'NONE')}</h3>`,
    `<p>Waited ${seconds(longest)} for them.</p>`
  ]
  if (executions.length) {
    const header = ['Workflow', 'Status', 'Started', 'Finished', 'Duration']
    parts.push(
      table(
        several ? ['Linked account', ...header] : header,
        executions.map(({ result, execution }) => {
          const row = [
            execution.workflow,
            execution.status,
            execution.created_at,
            execution.finished_at ?? '—',
            execution.durationMs === undefined ? '—' : seconds(execution.durationMs)
          ]
          return several ? [result.linkedAccountId, ...row] : row
        })
      )
    )
  }
  for (const result of waited) {
    const wait = result.wait
    if (!wait || wait.ok) continue
    parts.push(`<p>${forSummary(wait.headline)}</p>`)
    for (const failed of wait.details.slice(0, DETAILED)) parts.push(failedExecution(failed))
  }
  return parts
}

/** What Refold's detail of a failed execution says: its name, status, error and failed step. */
function failedExecution(failed: FailedExecution): string {
  const facts = [
    `Execution ${failed.id}${failed.name ? ` (${failed.name})` : ''}: ${failed.status ?? 'status unknown'}`
  ]
  if (failed.error) facts.push(`Error: ${failed.error}`)
  if (failed.failedNode) {
    const { name, error } = failed.failedNode
    facts.push(`First failed step: ${name}${error ? ` — ${error}` : ''}`)
  }
  return `<h4>${forSummary(`Failed: ${failed.workflow}`)}</h4>\n${list(facts)}`
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
function table(header: string[], rows: string[][], cellBytes?: number): string {
  const cells = (tag: string, values: string[]): string =>
    `<tr>${values.map(v => `<${tag}>${forSummary(v, cellBytes)}</${tag}>`).join('')}</tr>`
  return `<table>${cells('th', header)}${rows.map(row => cells('td', row)).join('')}</table>`
}

function list(items: string[]): string {
  return `<ul>${items.map(item => `<li>${forSummary(item)}</li>`).join('')}</ul>`
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}

/** For the payload's `<pre>` block, which Markdown leaves alone up to `</pre>`: quotes stay readable. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
