// The action's inputs: @actions/core's getInput read into the core's Settings, and the default
// Idempotency-Key made of the run's coordinates.
import { readSettings, type InputReader, type Settings } from '../core/settings.js'

/** Settings from the step's inputs, and the generated key's shared part for this step. */
export function readActionSettings(
  core: InputReader,
  env: NodeJS.ProcessEnv
): { settings: Settings; keyBase: string } {
  const settings = readSettings(core)
  return { settings, keyBase: deriveIdempotencyKey(env, settings.event) }
}

/**
 * The same on every attempt of one step, different for another step or a re-run of the workflow,
 * so Refold can drop a duplicate that a retry sent after a lost answer. Each account's key adds
 * `/<account>` to it.
 */
export function deriveIdempotencyKey(env: NodeJS.ProcessEnv, event: string): string {
  return [
    env.GITHUB_REPOSITORY,
    env.GITHUB_RUN_ID,
    env.GITHUB_RUN_ATTEMPT,
    env.GITHUB_JOB,
    env.GITHUB_ACTION,
    encodeURIComponent(event)
  ]
    .map(part => part ?? '')
    .join('/')
}
