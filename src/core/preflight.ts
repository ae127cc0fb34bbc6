// The check before firing: the event must be in the org's events list, and the payload that would
// be sent must match the event's `json_schema` there, or nothing is fired. One GET per run, shared
// with the wait; the validator loads only when there is a schema to check.
import type { AccountSelection } from './accounts.js'
import { RefoldApiError, CallFailed } from './errors.js'
import { closestEventsHint } from './hints.js'
import { Inputs } from './names.js'
import type { Naming } from './naming.js'
import type { Payload } from './payload.js'
import type { Attempted } from './retry.js'
import type { RefoldEvent } from './answers.js'
import { checkPayload } from './schema.js'
import type { Settings } from './settings.js'
import { forLog } from './untrusted.js'

export type PreflightStatus = 'passed' | 'no_schema' | 'failed' | 'skipped' | 'off'

/** A check that failed: nothing was fired. `code` is the `error_code` output. */
export class PreflightError extends Error {
  override name = 'PreflightError'
  constructor(
    message: string,
    readonly code: 'PAYLOAD_INVALID' | 'INVALID_EVENT' | 'PREFLIGHT_UNAVAILABLE',
    /** Each place the payload breaks the schema: a JSON Pointer and what the schema wants. */
    readonly violations: string[] = []
  ) {
    super(message)
  }
}

export interface Preflight {
  status: PreflightStatus
  /** Set when the check failed: the run stops here. */
  failure?: PreflightError
}

interface PreflightContext {
  settings: Pick<Settings, 'event' | 'preflight' | 'wait' | 'dryRun' | 'apiKey'>
  events: () => Promise<Attempted<RefoldEvent[]>>
  log: { info(line: string): void; warning(line: string): void; notice(line: string): void }
  naming: Naming
}

/**
 * The check, when this run makes it: `auto` when it names more than one account (counted before
 * shard: a list, a file, `*`), waits, or is a dry run; `true` always; `false` never. A dry run
 * without a key cannot check (`true` without a key is an input error, in settings).
 */
export async function checkBeforeFiring(
  ctx: PreflightContext,
  accounts: AccountSelection,
  payload: Payload
): Promise<Preflight> {
  const { settings } = ctx
  if (settings.preflight === 'never') return { status: 'off' }
  if (settings.preflight === 'auto') {
    const several = accounts.kind !== 'list' || accounts.accounts.length > 1
    if (!several && !settings.wait && !settings.dryRun) return { status: 'off' }
    if (settings.dryRun && !settings.apiKey) {
      ctx.log.notice(
        'Dry run without an api key: the event and the payload were not checked against Refold.'
      )
      return { status: 'skipped' }
    }
  }
  return check(ctx, payload)
}

async function check(ctx: PreflightContext, payload: Payload): Promise<Preflight> {
  const { event } = ctx.settings
  const strict = ctx.settings.preflight === 'always'
  /** The check could not be made: `auto` goes on with a warning, `true` fails. */
  const cannotCheck = (why: string): Preflight => {
    const message = `Could not check the payload before firing: ${why}`
    if (strict) {
      return {
        status: 'failed',
        failure: new PreflightError(
          `${message}; ${ctx.naming.setting(Inputs.Preflight)} is true, so nothing was fired.`,
          'PREFLIGHT_UNAVAILABLE'
        )
      }
    }
    ctx.log.warning(`${message}. Firing without the check.`)
    return { status: 'skipped' }
  }

  let events: RefoldEvent[]
  try {
    events = (await ctx.events()).value
  } catch (error) {
    return cannotCheck(listFailure(error))
  }
  const entry = events.find(candidate => candidate.name === event)
  if (!entry) {
    const closest = closestEventsHint(
      event,
      events.map(candidate => candidate.name)
    )
    const names = closest ? ` ${closest}` : ''
    return {
      status: 'failed',
      failure: new PreflightError(
        `Event "${event}" is not in the org's events list in Refold, so nothing was fired. ` +
          `Check ${ctx.naming.setting(Inputs.Event)}: names must match exactly, case included.${names}`,
        'INVALID_EVENT'
      )
    }
  }
  if (entry.json_schema === undefined || entry.json_schema === null) {
    ctx.log.notice(`Event "${event}" has no payload schema in Refold: the payload was not checked.`)
    return { status: 'no_schema' }
  }

  const check = await checkPayload(entry.json_schema, payload)
  if (check.kind === 'unusable')
    return cannotCheck(`the event's schema cannot be used: ${forLog(check.reason)}`)
  if (check.kind === 'valid') {
    ctx.log.info(`The payload matches the schema of event "${event}".`)
    return { status: 'passed' }
  }
  const lines = check.violations.map(v => `${v.pointer} ${forLog(v.message)}`)
  return {
    status: 'failed',
    failure: new PreflightError(
      `The payload does not match the schema of event "${event}" in Refold, so nothing was ` +
        `fired: ${lines.join('; ')}`,
      'PAYLOAD_INVALID',
      lines
    )
  }
}

/** Why the events list could not be read, in a few words. */
function listFailure(error: unknown): string {
  const last = error instanceof CallFailed ? error.last : undefined
  if (last instanceof RefoldApiError && (last.status === 401 || last.status === 403)) {
    return `Refold refused to list the events (HTTP ${last.status}); listing them needs an org-level API key`
  }
  if (last instanceof RefoldApiError && last.status === 404) {
    return 'this Refold does not list events (HTTP 404)'
  }
  return error instanceof Error ? error.message : String(error)
}
