// What to tell the author after Refold refuses an event: the likely cause and the next step.
import { Inputs } from './names.js'
import type { Naming } from './naming.js'
import type { RefoldApiError } from './errors.js'
import { forLog } from './untrusted.js'

/** What to check after a refusal (every 3xx and 4xx has one); undefined for a server error. */
export function hintFor(
  error: RefoldApiError,
  apiKey: string,
  naming: Pick<Naming, 'name'>
): string | undefined {
  const { status, errorCode } = error.details
  const named = (input: Parameters<Naming['name']>[0]): string => naming.name(input)
  if (status === 401) {
    const kind = apiKey.startsWith('pk')
      ? 'a production key (pk…)'
      : apiKey.startsWith('tk')
        ? 'a test key (tk…)'
        : 'neither a production (pk…) nor a test (tk…) key'
    return (
      `Check ${named(Inputs.ApiKey)}: the key may be wrong, revoked, or from the other Refold ` +
      `environment (pk… production, tk… test). The key sent is ${kind}; use a current key of the ` +
      `environment where the event and the linked account exist.`
    )
  }
  if (status >= 200 && status < 300) {
    return `Check that ${named(Inputs.BaseUrl)} is Refold's API origin, such as https://api.gocobalt.io or https://app.refold.ai.`
  }
  if (status === 404 && errorCode === 'INVALID_EVENT') {
    return `Check ${named(Inputs.Event)}: event names must match exactly, case included.`
  }
  if (error.rateLimited) {
    return `Refold is rate limiting this key; raise ${named(Inputs.Retries)} or space out the runs.`
  }
  if (status === 403) {
    return `Check that ${named(Inputs.ApiKey)} may fire events for ${named(Inputs.LinkedAccountId)}.`
  }
  if (status === 404) {
    return (
      `Check that ${named(Inputs.BaseUrl)} is the Refold API's origin and that ${named(Inputs.LinkedAccountId)} ` +
      `exists in the environment of ${named(Inputs.ApiKey)}.`
    )
  }
  if (status === 400 || status === 422) {
    return (
      `Check the payload against the event's sample payload in Refold, and that ` +
      `${named(Inputs.LinkedAccountId)} and ${named(Inputs.ConfigId)} exist.`
    )
  }
  if (status >= 300 && status < 400) {
    return (
      `Set ${named(Inputs.BaseUrl)} to the address the API answers at: redirects are not followed, ` +
      `so the api key is never sent on to another host.`
    )
  }
  if (status < 500) {
    return `Check ${named(Inputs.ApiKey)}, ${named(Inputs.LinkedAccountId)} and ${named(Inputs.Event)} against Refold.`
  }
  return undefined
}

/**
 * The hint that names the events closest to `wanted` (server text, made safe for a log line), or
 * undefined when none is close: what the 404 INVALID_EVENT and the check before firing both say.
 */
export function closestEventsHint(wanted: string, names: readonly string[]): string | undefined {
  const closest = closestEventNames(wanted, names)
  if (!closest.length) return undefined
  return `Closest event names: ${closest.map(name => JSON.stringify(forLog(name))).join(', ')}.`
}

/** The event names closest to `wanted`, best first: same name in another case, then small typos. */
export function closestEventNames(wanted: string, names: readonly string[], count = 3): string[] {
  const target = wanted.toLowerCase()
  return names
    .map(name => ({ name, distance: editDistance(target, name.toLowerCase()) }))
    .filter(({ distance, name }) => distance <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, count)
    .map(({ name }) => name)
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
    }
    previous = current
  }
  return previous[b.length]
}

/** A linked account's key can fire events but not list them; said on a 401 from any list. */
export const ORG_KEY_HINT =
  'The events, executions and linked-accounts lists need an org-level API key: a linked ' +
  "account's key can fire events but not list them."
