// What a run leaves on the runner: the step outputs and the job summary. Everything here reads a
// finished Outcome; nothing decides success or failure. Server text is inert in the summary.
import type { AccountResult } from '../core/fire.js'
import type { Outcome } from '../core/run.js'
import { failureMessage, fitToLimits, headline, outcomeOutputs } from '../core/outputs.js'
import { PreflightError } from '../core/preflight.js'
import type { Settings } from '../core/settings.js'
import { forSummary } from '../core/untrusted.js'
import type { FailedExecution } from '../core/wait.js'

/** The slice of @actions/core that reporting needs. */
export interface Reporter {
  setOutput(name: string, value: string): void
  summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } }
}

/** Sets every output, cut to GitHub's limits; says whether anything had to be cut. */
export function setOutputs(core: Reporter, outcome: Outcome): boolean {
  const outputs = fitToLimits(outcomeOutputs(outcome))
  for (const [name, value] of Object.entries(outputs)) {
    core.setOutput(name, asOutputText(value))
  }
  return outputs.truncated
}

/** Outputs are text: strings as they are, null as '', everything else as JSON. */
function asOutputText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

const PAYLOAD_SUMMARY_LIMIT = 64 * 1024
// GitHub drops a step summary over 1 MiB whole, so every part that grows with the accounts or the
// executions is bounded; each cell of server text is cut at 4 KiB (forSummary) or less.
/** Rows of the accounts table; the rest are in the results file and the `results` output. */
const ACCOUNT_ROWS = 200
/** Rows of the executions table. */
const EXECUTION_ROWS = 200
/** Accounts whose failed wait is told in a line of its own. */
const WAIT_LINES = 20
/** The most the summary may hold: GitHub's 1 MiB, less a margin for what the runner adds. */
const SUMMARY_LIMIT = 1000 * 1024
const CUT_NOTE_BYTES = 512
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
  if (outcome.failure instanceof PreflightError && outcome.failure.violations.length) {
    parts.push(
      `<p>The payload does not match the event's schema in Refold, so nothing was fired:</p>`,
      list(outcome.failure.violations)
    )
  } else if (outcome.failure) parts.push(`<p>${forSummary(outcome.failure.message)}</p>`)
  if (outcome.cancelled) parts.push(`<p>${forSummary(failureMessage(outcome) ?? '')}</p>`)
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
  if (outcome.resultsFile) {
    parts.push(
      `<p>Every account's full result is in <code>${forSummary(outcome.resultsFile)}</code> (the <code>results_file</code> output).</p>`
    )
  }
  parts.push(payloadBlock(outcome.payloadJson))
  await core.summary.addRaw(withinSummaryLimit(parts).join('\n'), true).write()
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
    const where = outcome.resultsFile ? 'the results file' : 'the <code>results</code> output'
    parts.push(`<p>${results.length - ACCOUNT_ROWS} more linked accounts are in ${where}.</p>`)
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
  const longest = waited.reduce((most, result) => Math.max(most, result.wait?.durationMs ?? 0), 0)
  const parts = [
    `<h3>Workflow executions: ${forSummary(outcome.executionStatus ?? 'NONE')}</h3>`,
    `<p>Waited ${seconds(longest)} for them.</p>`
  ]
  const correlation = correlationNote(outcome)
  if (correlation) parts.push(`<p>${correlation}</p>`)
  if (executions.length) {
    const header = ['Workflow', 'Status', 'Started', 'Finished', 'Duration']
    parts.push(
      table(
        several ? ['Linked account', ...header] : header,
        executions.slice(0, EXECUTION_ROWS).map(({ result, execution }) => {
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
  if (executions.length > EXECUTION_ROWS) {
    parts.push(
      `<p>${executions.length - EXECUTION_ROWS} more executions are in the results file.</p>`
    )
  }
  const failedWaits = waited.filter(result => result.wait && !result.wait.ok)
  for (const result of failedWaits.slice(0, WAIT_LINES)) {
    parts.push(`<p>${forSummary(result.wait!.headline)}</p>`)
  }
  if (failedWaits.length > WAIT_LINES) {
    parts.push(
      `<p>${failedWaits.length - WAIT_LINES} more accounts' executions did not all complete.</p>`
    )
  }
  const details = failedWaits.flatMap(result => result.wait!.details).slice(0, DETAILED)
  parts.push(...details.map(failedExecution))
  const stops = waited.flatMap(result => result.wait?.stopped ?? [])
  if (stops.length) {
    parts.push(
      '<h4>Stopped because the run ended before them</h4>',
      list(
        stops.map(
          stop =>
            `${stop.workflow} (${stop.id}): ${stop.ok ? 'stopped' : `stop failed: ${stop.error ?? 'unknown error'}`}`
        )
      )
    )
  }
  return parts
}

/** Which rule matched executions to their trigger, said plainly: the gate's correlation is best effort. */
function correlationNote(outcome: Outcome): string {
  switch (outcome.correlation) {
    case 'tag':
      return 'Executions were matched to the trigger by their instance_tag.'
    case 'time':
      return 'Executions were matched by event and time (Refold listed no instance_tag).'
    case 'tag+time':
      return 'Executions were matched by instance_tag where Refold listed one, else by event and time.'
    default:
      return ''
  }
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

/**
 * The parts as they are, or, past SUMMARY_LIMIT, without their largest parts (never the heading)
 * and with a line saying so: each part is bounded, but escaping server text can lengthen it, and
 * GitHub drops a summary over 1 MiB whole.
 */
function withinSummaryLimit(parts: string[]): string[] {
  const sizes = parts.map(part => Buffer.byteLength(part) + 1)
  let total = sizes.reduce((sum, size) => sum + size, 0)
  if (total <= SUMMARY_LIMIT) return parts
  const dropped = new Set<number>()
  const largestFirst = [...parts.keys()].slice(1).sort((a, b) => sizes[b] - sizes[a])
  for (const index of largestFirst) {
    if (total <= SUMMARY_LIMIT - CUT_NOTE_BYTES) break
    dropped.add(index)
    total -= sizes[index]
  }
  return [
    ...parts.filter((_, index) => !dropped.has(index)),
    `<p>${dropped.size} part${dropped.size === 1 ? '' : 's'} of this summary were left out to stay within GitHub's 1 MiB; every account's result is in the results file.</p>`
  ]
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
