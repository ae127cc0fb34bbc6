// What an Outcome says to the world, the same for both doors: the contract's outputs with their JSON
// types (the action writes them as text, the CLI's --json prints them), the headline, and the one
// message a failed run fails with.
import type { AccountResult, Outcome } from './fire.js'
import { Outputs } from './names.js'
import { responseOutput } from './untrusted.js'
import type { ExecutionStatus } from './wait.js'

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
  const outputs: OutcomeOutputs = {
    [Outputs.Ok]: outcome.ok,
    [Outputs.StatusCode]: shown?.statusCode ?? null,
    [Outputs.Message]: outcome.failure?.message ?? shown?.message ?? '',
    [Outputs.ErrorCode]: shown?.ok ? null : (shown?.errorCode ?? null),
    [Outputs.HttpErrorType]: shown?.ok ? null : (shown?.httpErrorType ?? null),
    [Outputs.Response]: responseOutput(shown?.response ?? ''),
    [Outputs.Attempts]: outcome.attempts,
    [Outputs.DurationMs]: outcome.durationMs,
    [Outputs.Payload]: outcome.payloadJson,
    [Outputs.IdempotencyKey]: outcome.idempotencyKey,
    [Outputs.Results]: results.map(resultOutput),
    [Outputs.Accepted]: accepted,
    [Outputs.Failed]: results.length - accepted
  }
  if (outcome.executionStatus) {
    const several = results.length > 1
    outputs[Outputs.Executions] = results.flatMap(result =>
      (result.wait?.executions ?? []).map(({ id, workflow, status, created_at }) => ({
        id,
        workflow,
        status,
        created_at,
        ...(several ? { linked_account_id: result.linkedAccountId } : {})
      }))
    )
    outputs[Outputs.ExecutionStatus] = outcome.executionStatus
  }
  return outputs
}

function resultOutput(result: AccountResult): ResultOutput {
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

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
