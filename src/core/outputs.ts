// What an Outcome says to the world, the same for both doors: the contract's outputs with their JSON
// types (the action writes them as text, the CLI's --json prints them), the headline, and the one
// message a failed run fails with.
import type { AccountResult } from './fire.js'
import type { Outcome } from './run.js'
import { Outputs } from './names.js'
import { PreflightError, type PreflightStatus } from './preflight.js'
import { responseOutput } from './untrusted.js'
import { isFailed, type Correlation, type ExecutionStatus, type ExecutionSummary } from './wait.js'

export interface OutcomeOutputs {
  [Outputs.Ok]: boolean
  [Outputs.StatusCode]: number | null
  [Outputs.Message]: string
  [Outputs.ErrorCode]: string | null
  [Outputs.HttpErrorType]: string | null
  [Outputs.Response]: string
  [Outputs.Attempts]: number
  [Outputs.DurationMs]: number
  [Outputs.Payload]: string
  [Outputs.IdempotencyKey]: string
  [Outputs.Results]: ResultOutput[]
  [Outputs.Accepted]: number
  [Outputs.Failed]: number
  [Outputs.Executions]?: ExecutionOutput[]
  [Outputs.ExecutionStatus]?: ExecutionStatus
  [Outputs.Correlation]?: Correlation
  [Outputs.ResultsFile]?: string
  [Outputs.Truncated]: boolean
  [Outputs.Preflight]: PreflightStatus
}

/** One element of the `results` output, exactly the contract's fields. */
export interface ResultOutput {
  linked_account_id: string
  ok: boolean
  status_code: number | null
  message: string
  error_code: string | null
  attempts: number
  idempotency_key: string
  execution_status: ExecutionStatus | null
}

export interface ExecutionOutput {
  id: string
  workflow: string
  status: string
  created_at: string
  /** Only with several accounts, whose executions share the output. */
  linked_account_id?: string
}

export function outcomeOutputs(outcome: Outcome): OutcomeOutputs {
  const { results } = outcome
  // The scalar outputs speak of the first failed account, else of the first account.
  const shown = results.find(result => !result.ok) ?? results[0]
  const accepted = results.filter(result => result.ok).length
  const checked = outcome.failure instanceof PreflightError ? outcome.failure : undefined
  const outputs: OutcomeOutputs = {
    [Outputs.Ok]: outcome.ok,
    [Outputs.StatusCode]: shown?.statusCode ?? null,
    // A failed check's message is its first violation; the error and the summary list them all.
    [Outputs.Message]: checked?.violations[0] ?? outcome.failure?.message ?? shown?.message ?? '',
    [Outputs.ErrorCode]: checked ? checked.code : shown?.ok ? null : (shown?.errorCode ?? null),
    [Outputs.HttpErrorType]: shown?.ok ? null : (shown?.httpErrorType ?? null),
    [Outputs.Response]: responseOutput(shown?.response ?? ''),
    [Outputs.Attempts]: outcome.attempts,
    [Outputs.DurationMs]: outcome.durationMs,
    [Outputs.Payload]: outcome.payloadJson,
    [Outputs.IdempotencyKey]: outcome.idempotencyKey,
    [Outputs.Results]: results.map(resultOutput),
    [Outputs.Accepted]: accepted,
    [Outputs.Failed]: results.length - accepted,
    [Outputs.Truncated]: false,
    [Outputs.Preflight]: outcome.preflight
  }
  if (outcome.resultsFile) outputs[Outputs.ResultsFile] = outcome.resultsFile
  if (outcome.executionStatus) {
    const several = results.length > 1
    outputs[Outputs.Executions] = results.flatMap(result =>
      (result.wait?.executions ?? []).map(execution => ({
        ...executionOutput(execution),
        ...(several ? { linked_account_id: result.linkedAccountId } : {})
      }))
    )
    outputs[Outputs.ExecutionStatus] = outcome.executionStatus
    if (outcome.correlation) outputs[Outputs.Correlation] = outcome.correlation
  }
  return outputs
}

/** GitHub keeps at most 1 MB of outputs per job: these bounds leave room for the other steps. */
const OUTPUT_LIMITS = {
  results: 512 * 1024,
  executions: 256 * 1024,
  payload: 128 * 1024,
  all: 900 * 1024
} as const

/**
 * The outputs cut to fit GitHub's limits: `payload` left empty past its bound, and `results` and
 * `executions` holding as many whole entries as fit, failures first (within the bounds they keep
 * input order). `truncated` says whether anything was cut; the results file has everything.
 */
export function fitToLimits(outputs: OutcomeOutputs): OutcomeOutputs {
  const fitted: OutcomeOutputs = { ...outputs }
  let truncated = false
  if (bytes(fitted[Outputs.Payload]) > OUTPUT_LIMITS.payload) {
    fitted[Outputs.Payload] = ''
    truncated = true
  }
  const { [Outputs.Results]: results, [Outputs.Executions]: executions, ...rest } = fitted
  // The other outputs, and the two lists' own names, come out of the whole budget first.
  let left =
    OUTPUT_LIMITS.all -
    bytes(JSON.stringify(rest)) -
    bytes(JSON.stringify({ [Outputs.Results]: [], [Outputs.Executions]: [] }))
  if (executions) {
    const kept = wholeEntries(executions, Math.min(OUTPUT_LIMITS.executions, left), e =>
      isFailed(e.status)
    )
    fitted[Outputs.Executions] = kept.entries
    truncated ||= kept.cut
    left -= kept.bytes
  }
  const kept = wholeEntries(results, Math.min(OUTPUT_LIMITS.results, left), r => !r.ok)
  fitted[Outputs.Results] = kept.entries
  truncated ||= kept.cut
  fitted[Outputs.Truncated] = truncated
  return fitted
}

/** The entries as they are when their JSON fits; else as many whole ones as fit, failures first. */
function wholeEntries<T>(
  entries: T[],
  budget: number,
  isFailure: (entry: T) => boolean
): { entries: T[]; bytes: number; cut: boolean } {
  const sizes = entries.map(entry => bytes(JSON.stringify(entry)) + 1)
  const total = sizes.reduce((sum, size) => sum + size, 1)
  if (total <= budget) return { entries, bytes: total, cut: false }
  const order = [...entries.keys()].sort(
    (a, b) => Number(isFailure(entries[b])) - Number(isFailure(entries[a])) || a - b
  )
  const kept = new Set<number>()
  let used = 1
  for (const index of order) {
    if (used + sizes[index] > budget) break
    kept.add(index)
    used += sizes[index]
  }
  // Failures first, each group in input order.
  const chosen = order.filter(index => kept.has(index)).map(index => entries[index])
  return { entries: chosen, bytes: used, cut: true }
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** One execution as the `executions` output and the results file list it. */
export function executionOutput({
  id,
  workflow,
  status,
  created_at
}: ExecutionSummary): ExecutionOutput {
  return { id, workflow, status, created_at }
}

export function resultOutput(result: AccountResult): ResultOutput {
  return {
    linked_account_id: result.linkedAccountId,
    ok: result.ok,
    status_code: result.statusCode,
    message: result.message,
    error_code: result.errorCode,
    attempts: result.attempts,
    idempotency_key: result.idempotencyKey,
    execution_status: result.executionStatus
  }
}

/** One line saying what happened, for the summary's heading. */
export function headline(outcome: Outcome): string {
  const event = `event "${outcome.event}"`
  const { results } = outcome
  if (outcome.failure) return `Refold did not fire ${event}`
  if (outcome.cancelled) return cancelledLine(outcome)
  if (outcome.dryRun) return `Dry run: ${event} was not sent`
  if (!results.length) return `No linked account in this shard: ${event} was not sent`
  if (results.length === 1) {
    const [only] = results
    if (only.wait) return only.wait.headline
    return `Refold ${only.ok ? 'accepted' : 'did not accept'} ${event}`
  }
  const accepted = results.filter(result => result.ok).length
  return `${capitalized(event)}: ${accepted} of ${results.length} linked accounts ok`
}

const FAILURES_NAMED = 5

/** The message a failed run fails (or, with fail_on_error false, warns) with; undefined when ok. */
export function failureMessage(outcome: Outcome): string | undefined {
  if (outcome.failure) return outcome.failure.message
  if (outcome.cancelled) return cancelledLine(outcome)
  if (outcome.ok) return undefined
  const failed = outcome.results.filter(result => !result.ok)
  if (outcome.results.length === 1) return failed[0].failure?.message ?? failed[0].message
  const named = failed
    .slice(0, FAILURES_NAMED)
    .map(result => `${result.linkedAccountId} (${result.failure?.message ?? result.message})`)
  const more = failed.length > FAILURES_NAMED ? `, and ${failed.length - FAILURES_NAMED} more` : ''
  return (
    `Event "${outcome.event}": ${failed.length} of ${outcome.results.length} linked accounts ` +
    `failed: ${named.join('; ')}${more}`
  )
}

/** "Cancelled after N of M accounts": N counts the accounts whose trigger was sent. */
function cancelledLine(outcome: Outcome): string {
  const { results } = outcome
  const sent = results.filter(
    result => result.attempts > 0 || result.notSent?.endsWith('in flight')
  )
  const waiting = outcome.executionStatus === 'CANCELLED' ? ', while waiting for executions' : ''
  return (
    `Cancelled after ${sent.length} of ${results.length} linked account` +
    `${results.length === 1 ? '' : 's'}${waiting}: event "${outcome.event}"; see results for each`
  )
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
