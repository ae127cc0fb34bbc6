// The action's story of one run: inputs → the core's run → outputs, summary, verdict. The only
// place that decides whether the step succeeds, warns or fails.
import * as actionsCore from '@actions/core'
import { InputError } from '../core/errors.js'
import { failureMessage } from '../core/outputs.js'
import { systemClock, type Clock } from '../core/retry.js'
import { run as runRefold, type Outcome } from '../core/run.js'
import { readSettings, type Settings } from '../core/settings.js'
import { loadGithubSummary } from './context.js'
import {
  actionInputs,
  actionNaming,
  deriveIdempotencyKey,
  resultsFilePath,
  runAttemptTag,
  type InputReader
} from './inputs.js'
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
  clock: Clock = systemClock,
  signal?: AbortSignal
): Promise<void> {
  try {
    await story(core, env, clock, signal)
  } catch (error) {
    // A bug, not a handled failure: say so plainly and keep the stack for debug logs only.
    core.debug(error instanceof Error && error.stack ? error.stack : String(error))
    core.setFailed(`refold-trigger failed unexpectedly: ${(error as Error)?.message ?? error}`)
  }
}

async function story(
  core: ActionCore,
  env: NodeJS.ProcessEnv,
  clock: Clock,
  signal: AbortSignal | undefined
): Promise<void> {
  let settings: Settings
  let outcome: Outcome
  try {
    settings = readSettings(actionInputs(core), actionNaming)
    outcome = await runRefold(settings, {
      clock,
      log: core,
      signal,
      proxyEnv: env,
      naming: actionNaming,
      baseDir: env.GITHUB_WORKSPACE || process.cwd(),
      githubSummary: () => loadGithubSummary(env, message => core.warning(message)),
      keyPrefix: deriveIdempotencyKey(env, settings.event),
      tagPrefix: runAttemptTag(env),
      resultsFile: { path: resultsFilePath(env), severalOnly: true }
    })
  } catch (error) {
    if (error instanceof InputError) return core.setFailed(error.message)
    throw error
  }

  if (outcome.notice) core.notice(outcome.notice)
  if (setOutputs(core, outcome)) {
    core.warning(
      `The results and executions outputs were cut to fit GitHub's output limits (truncated is true); ` +
        `every account's result is in the results file ${outcome.resultsFile ?? ''}`.trim()
    )
  }
  if (settings.summary) {
    await writeSummary(core, outcome, settings).catch(error =>
      core.warning(`Could not write the job summary: ${(error as Error).message}`)
    )
  }
  decide(core, settings, outcome)
}

/** Success, a warning, or a failed step: the action's whole verdict. A cancelled run fails. */
function decide(core: ActionCore, settings: Settings, outcome: Outcome): void {
  const failure = failureMessage(outcome)
  if (failure === undefined) return
  if (settings.failOnError || outcome.cancelled) core.setFailed(failure)
  else core.warning(`${failure} (fail_on_error is false, so the step succeeds)`)
}
