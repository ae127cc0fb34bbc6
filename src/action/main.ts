// The action's story of one run: inputs → payload → fire (→ wait) → outputs, summary, verdict. The
// only place that decides whether the step succeeds, warns or fails.
import * as actionsCore from '@actions/core'
import { clientForRun } from '../core/client.js'
import { InputError } from '../core/errors.js'
import { fire, type Outcome } from '../core/fire.js'
import { failureMessage } from '../core/outputs.js'
import { buildPayload } from '../core/payload.js'
import { systemClock, type Clock } from '../core/retry.js'
import type { InputReader, Settings } from '../core/settings.js'
import { forLog } from '../core/untrusted.js'
import { loadGithubSummary } from './context.js'
import { readActionSettings } from './inputs.js'
import { setOutputs, writeSummary, type Reporter } from './report.js'

/** The slice of @actions/core the action uses; tests hand in a stub. */
export type ActionCore = InputReader &
  Reporter & {
    info(message: string): void
    notice(message: string): void
    warning(message: string): void
    setFailed(message: string): void
  }

/** The defaults are the runner's; @github/local-action calls `run()` with none. */
export async function run(
  core: ActionCore = actionsCore,
  env: NodeJS.ProcessEnv = process.env,
  clock: Clock = systemClock
): Promise<void> {
  try {
    await story(core, env, clock)
  } catch (error) {
    // A bug, not a handled failure: say so plainly and keep the stack for debug logs only.
    core.debug(error instanceof Error && error.stack ? error.stack : String(error))
    core.setFailed(`refold-trigger failed unexpectedly: ${(error as Error)?.message ?? error}`)
  }
}

async function story(core: ActionCore, env: NodeJS.ProcessEnv, clock: Clock): Promise<void> {
  let settings: Settings
  let keyBase: string
  let payloadJson: string
  try {
    ;({ settings, keyBase } = readActionSettings(core, env))
    const payload = await buildPayload(settings, {
      workspace: env.GITHUB_WORKSPACE || process.cwd(),
      githubSummary: () => loadGithubSummary(env, message => core.warning(message))
    })
    payloadJson = JSON.stringify(payload)
  } catch (error) {
    if (error instanceof InputError) return core.setFailed(error.message)
    throw error
  }

  const client = clientForRun(settings, {
    proxyEnv: env,
    clock,
    onRetry: line => core.warning(forLog(line))
  })
  const outcome = await fire(settings, payloadJson, { client, clock, log: core, keyBase })

  if (outcome.printedRequest) {
    core.info(`Dry run: this request would be sent (nothing was sent):\n${outcome.printedRequest}`)
  }
  if (outcome.notice) core.notice(outcome.notice)
  setOutputs(core, outcome)
  if (settings.summary) {
    await writeSummary(core, outcome, settings).catch(error =>
      core.warning(`Could not write the job summary: ${(error as Error).message}`)
    )
  }
  decide(core, settings, outcome)
}

/** Success, a warning, or a failed step: the action's whole verdict. */
function decide(core: ActionCore, settings: Settings, outcome: Outcome): void {
  const failure = failureMessage(outcome)
  if (failure === undefined) return
  if (settings.failOnError) core.setFailed(failure)
  else core.warning(`${failure} (fail_on_error is false, so the step succeeds)`)
}
