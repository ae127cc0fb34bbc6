// The action's words and coordinates: inputs read through @actions/core under action.yml's names,
// the naming its messages use, and the run coordinates its Idempotency-Key and instance_tag are
// made of.
import * as os from 'node:os'
import * as path from 'node:path'
import type { InputName, Naming } from '../core/naming.js'
import type { SettingsSource } from '../core/settings.js'

export const actionNaming: Naming = {
  setting: input => `input '${input}'`,
  name: input => `'${input}'`,
  pathsRelativeTo: 'GITHUB_WORKSPACE',
  apiKeyHelp:
    'set it from a secret, e.g. api_key: ${{ secrets.REFOLD_API_KEY }} (secrets are empty on ' +
    'pull requests from forks: use dry_run there).'
}

/** The slice of @actions/core that reading inputs needs. */
export interface InputReader {
  getInput(name: string): string
  setSecret(secret: string): void
  debug(message: string): void
}

export function actionInputs(core: InputReader): SettingsSource {
  return {
    read: (input: InputName) => core.getInput(input),
    secret: value => core.setSecret(value),
    debug: message => core.debug(message)
  }
}

/**
 * The generated key's shared part: the same on every attempt of one step and on a re-run of the
 * job (no run attempt in it), so Refold can drop a repeat; different for another step. Each
 * account's key adds `/<account>` to it.
 */
export function deriveIdempotencyKey(env: NodeJS.ProcessEnv, event: string): string {
  return coordinates(env, ['GITHUB_REPOSITORY', 'GITHUB_RUN_ID', 'GITHUB_JOB', 'GITHUB_ACTION'])
    .concat(encodeURIComponent(event))
    .join('/')
}

/** Unique per run attempt: tells this attempt's executions from a re-run's. */
export function runAttemptTag(env: NodeJS.ProcessEnv): string {
  return coordinates(env, [
    'GITHUB_REPOSITORY',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_JOB',
    'GITHUB_ACTION'
  ]).join('/')
}

function coordinates(env: NodeJS.ProcessEnv, names: readonly string[]): string[] {
  return names.map(name => env[name] ?? '')
}

/** Where a run with several accounts keeps every account's result, for actions/upload-artifact. */
export function resultsFilePath(env: NodeJS.ProcessEnv): string {
  const name = `refold-results-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_ACTION ?? 'step'}.jsonl`
  return path.join(env.RUNNER_TEMP || os.tmpdir(), name.replace(/[^\w.-]/g, '_'))
}
