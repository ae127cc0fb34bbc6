// The story of one run: settings → payload → trigger → (wait) → report. The only place that decides
// whether the step succeeds, warns or fails.
import * as core from '@actions/core'
import { InputError, lastApiFailure, RefoldApiError, WaitError } from '../core/errors.js'
import { loadGithubSummary } from './context.js'
import { closestEventNames, hintFor } from '../core/hints.js'
import { readSettings, type Settings } from '../core/settings.js'
import { buildPayload, type Payload } from '../core/payload.js'
import { RefoldClient, type TriggerAnswer } from '../core/client.js'
import { describeRequest, setOutputs, writeSummary, type RunReport } from './report.js'
import { responseOutput } from '../core/server-text.js'
import { retryPolicy, systemClock, withRetry, type Clock } from '../core/retry.js'
import { forLog } from '../core/untrusted.js'
import { notWaited, waitForExecutions, type WaitResult } from '../core/wait.js'

export async function run(clock: Clock = systemClock): Promise<void> {
  try {
    await fire(clock)
  } catch (error) {
    // A bug, not a handled failure: say so plainly and keep the stack for debug logs only.
    core.debug(error instanceof Error && error.stack ? error.stack : String(error))
    core.setFailed(`refold-trigger failed unexpectedly: ${(error as Error)?.message ?? error}`)
  }
}

async function fire(clock: Clock): Promise<void> {
  let settings: Settings
  let payload: Payload
  try {
    settings = readSettings(core)
    payload = await buildPayload(settings, {
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      githubSummary: () => loadGithubSummary(process.env, message => core.warning(message))
    })
  } catch (error) {
    if (error instanceof InputError) return core.setFailed(error.message)
    throw error
  }
  const payloadJson = JSON.stringify(payload)

  if (settings.dryRun) {
    core.info(
      `Dry run: this request would be sent (nothing was sent):\n${describeRequest(settings, payloadJson)}`
    )
    return finish(settings, {
      settings,
      payloadJson,
      ok: true,
      headline: `Dry run: event "${settings.event}" was not sent`,
      message: 'Dry run: nothing was sent',
      response: '',
      attempts: 0,
      durationMs: 0
    })
  }

  const client = new RefoldClient({ ...settings, proxyEnv: process.env })
  const trigger = await fireEvent(client, settings, payload, clock)
  const report = reportTrigger(settings, payloadJson, trigger)
  let failure = trigger.failure
  // With wait on, execution_status is set whatever happened: NONE when there was nothing to wait for.
  if (settings.wait && !trigger.answer) report.wait = notWaited(settings)
  if (trigger.answer && settings.wait) {
    report.wait = await waitSafely(client, settings, trigger.answer, clock)
    report.ok = report.wait.ok
    report.headline = report.wait.headline
    if (!report.wait.ok) {
      report.message = report.wait.headline
      failure = new WaitError(report.wait.headline)
    }
  }
  return finish(settings, report, failure)
}

/**
 * The wait, which ends in a verdict even if it breaks: the event was fired, so the outputs must
 * still say so.
 */
async function waitSafely(
  client: RefoldClient,
  settings: Settings,
  answer: TriggerAnswer,
  clock: Clock
): Promise<WaitResult> {
  try {
    return await waitForExecutions(client, settings, answer, clock, core)
  } catch (error) {
    core.debug(error instanceof Error && error.stack ? error.stack : String(error))
    return {
      ok: false,
      status: 'NONE',
      executions: [],
      headline:
        `Event "${settings.event}": stopped waiting for its executions: ` +
        `unexpected error: ${(error as Error)?.message ?? error}`
    }
  }
}

interface Trigger {
  answer?: TriggerAnswer
  /** Why there is no answer, with the hint the author needs. */
  failure?: Error
  attempts: number
  durationMs: number
}

/** The trigger request, retried as the policy allows. */
async function fireEvent(
  client: RefoldClient,
  settings: Settings,
  payload: Payload,
  clock: Clock
): Promise<Trigger> {
  const started = clock.now()
  let attempts = 0
  try {
    const answer = await withRetry(
      () => {
        attempts++
        return client.triggerEvent({ ...settings, payload })
      },
      retryPolicy(settings.retries),
      clock,
      line => core.warning(line)
    )
    const durationMs = clock.now() - started
    core.info(
      `Refold accepted event "${settings.event}" for ${settings.linkedAccountId} ` +
        `(HTTP ${answer.status} after ${attempts} attempt${attempts === 1 ? '' : 's'}, ${durationMs} ms)` +
        (answer.message ? `: ${forLog(answer.message)}` : '')
    )
    return { answer, attempts, durationMs }
  } catch (error) {
    const durationMs = clock.now() - started
    return { failure: await explain(error, settings, client), attempts, durationMs }
  }
}

/** The failure with the hint the author needs, looking up close event names after a 404. */
async function explain(error: unknown, settings: Settings, client: RefoldClient): Promise<Error> {
  if (!(error instanceof RefoldApiError)) return error as Error
  const hints = [hintFor(error, settings.apiKey)]
  if (error.status === 404 && error.details.errorCode === 'INVALID_EVENT') {
    // Best effort and only after the failure: the happy path sends exactly one request.
    const names = await client.listEvents().then(
      events => events.map(event => event.name),
      () => []
    )
    const closest = closestEventNames(settings.event, names)
    if (closest.length) {
      hints.push(`Closest event names: ${closest.map(name => JSON.stringify(name)).join(', ')}.`)
    }
  }
  const hint = hints.filter(Boolean).join(' ')
  return hint ? error.withHint(hint) : error
}

function reportTrigger(settings: Settings, payloadJson: string, trigger: Trigger): RunReport {
  const { answer, failure } = trigger
  const refused = lastApiFailure(failure)
  const apiError = refused instanceof RefoldApiError ? refused.details : undefined
  return {
    settings,
    payloadJson,
    ok: answer !== undefined,
    headline: `Refold ${answer ? 'accepted' : 'did not accept'} event "${settings.event}"`,
    statusCode: answer?.status ?? apiError?.status,
    message: answer?.message ?? apiError?.refoldMessage ?? failure?.message ?? '',
    errorCode: apiError?.errorCode,
    httpErrorType: apiError?.httpErrorType,
    response: responseOutput(answer?.body ?? apiError?.body ?? ''),
    attempts: trigger.attempts,
    durationMs: trigger.durationMs
  }
}

async function finish(settings: Settings, report: RunReport, failure?: Error): Promise<void> {
  setOutputs(core, report)
  if (settings.summary) {
    await writeSummary(core, report).catch(error =>
      core.warning(`Could not write the job summary: ${(error as Error).message}`)
    )
  }
  if (!failure) return
  if (settings.failOnError) core.setFailed(failure.message)
  else core.warning(`${failure.message} (fail_on_error is false, so the step succeeds)`)
}
