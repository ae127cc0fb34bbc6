// The story of one run: settings → payload → trigger → (wait) → report. The only place that decides
// whether the step succeeds, warns or fails.
import * as core from '@actions/core'
import { GaveUpError, InputError, lastApiFailure, RefoldApiError } from './errors.js'
import { loadGithubSummary } from './github-context.js'
import { closestEventNames, hintFor } from './hints.js'
import { readSettings, type Settings } from './inputs.js'
import { buildPayload, type Payload } from './payload.js'
import { RefoldClient, type TriggerAnswer } from './refold.js'
import { describeRequest, setOutputs, writeSummary, type RunReport } from './report.js'
import { retryPolicy, systemClock, withRetry, type Clock } from './retry.js'
import { waitForExecutions } from './wait.js'

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

  const client = new RefoldClient(settings)
  const started = clock.now()
  let attempts = 0
  let answer: TriggerAnswer | undefined
  let failure: Error | undefined
  try {
    answer = await withRetry(
      () => {
        attempts++
        return client.triggerEvent({ ...settings, payload })
      },
      retryPolicy(settings.retries),
      clock,
      line => core.warning(line)
    )
  } catch (error) {
    failure = await explain(error, settings, client)
  }
  const durationMs = clock.now() - started
  const refused = lastApiFailure(failure)

  const report: RunReport = {
    settings,
    payloadJson,
    ok: answer !== undefined,
    headline: answer
      ? `Refold accepted event "${settings.event}"`
      : `Refold did not accept event "${settings.event}"`,
    statusCode: answer?.status ?? (refused instanceof RefoldApiError ? refused.status : undefined),
    message:
      answer?.message ??
      (refused instanceof RefoldApiError ? refused.details.refoldMessage : undefined) ??
      failure?.message ??
      '',
    response: answer?.body ?? (refused instanceof RefoldApiError ? refused.details.body : ''),
    attempts,
    durationMs
  }
  if (refused instanceof RefoldApiError) {
    report.errorCode = refused.details.errorCode
    report.httpErrorType = refused.details.httpErrorType
  }
  if (answer) {
    core.info(
      `Refold accepted event "${settings.event}" for ${settings.linkedAccountId} ` +
        `(HTTP ${answer.status} after ${attempts} attempt${attempts === 1 ? '' : 's'}, ${durationMs} ms)` +
        (answer.message ? `: ${answer.message}` : '')
    )
    if (settings.wait) {
      report.wait = await waitForExecutions(client, settings, answer, clock, core)
      report.ok = report.wait.ok
      report.headline = report.wait.headline
      if (!report.ok) failure = new Error(report.wait.headline)
    }
  }
  return finish(settings, report, failure)
}

/** The failure with the hint the author needs, looking up close event names after a 404. */
async function explain(error: unknown, settings: Settings, client: RefoldClient): Promise<Error> {
  const refused = error instanceof GaveUpError ? undefined : error
  if (!(refused instanceof RefoldApiError)) return error as Error
  let hint = hintFor(refused, settings.apiKey)
  if (refused.status === 404 && refused.details.errorCode === 'INVALID_EVENT') {
    // Best effort and only after the failure: the happy path sends exactly one request.
    const names = await client.listEvents().then(
      events => events.map(event => event.name),
      () => []
    )
    const closest = closestEventNames(settings.event, names)
    if (closest.length)
      hint += ` Closest event names: ${closest.map(n => JSON.stringify(n)).join(', ')}.`
  }
  return hint ? refused.withHint(hint) : refused
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
