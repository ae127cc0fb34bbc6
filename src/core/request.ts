// The trigger request as one value: built once, then either sent or, in a dry run, printed, so what
// a dry run shows can never drift from what is sent. Also home of the Refold API's fixed facts.
import pkg from '../../package.json' with { type: 'json' }

export const DEFAULT_BASE_URL = 'https://api.gocobalt.io'
export const USER_AGENT = `refold-trigger/${pkg.version}`

export const Paths = {
  TriggerEvent: '/api/v2/public/event',
  ListEvents: '/api/v2/public/application/event',
  ListExecutions: '/api/v2/public/execution',
  StopExecution: '/api/v2/public/execution/{id}/stop',
  LinkedAccounts: '/api/v2/public/linked-account'
} as const

/** What Node lets a header value hold; anything else would fail every attempt as a network error. */
export function fitsInHeader(value: string): boolean {
  return !/[^\t\x20-\x7e\x80-\xff]/.test(value)
}

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  /** Every header sent, in the order the contract lists them. */
  headers: Record<string, string>
  body?: string
}

/** What the trigger request is made of besides the account, its key and the payload. */
export interface TriggerTarget {
  /** API origin without a trailing slash. */
  baseUrl: string
  apiKey: string
  event: string
  configId?: string
  slug?: string
}

/**
 * `POST {base_url}/api/v2/public/event` for one linked account. `payloadJson` is the payload
 * already serialized, so a fan-out serializes it once, not once per account.
 */
export function triggerRequest(
  target: TriggerTarget,
  linkedAccountId: string,
  idempotencyKey: string,
  payloadJson: string
): HttpRequest {
  const headers: Record<string, string> = {
    'x-api-key': target.apiKey,
    linked_account_id: linkedAccountId
  }
  if (target.configId) headers.config_id = target.configId
  if (target.slug) headers.slug = target.slug
  Object.assign(headers, {
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': USER_AGENT,
    'Idempotency-Key': idempotencyKey
  })
  return {
    method: 'POST',
    url: `${target.baseUrl}${Paths.TriggerEvent}`,
    headers,
    body: `{"event":${JSON.stringify(target.event)},"payload":${payloadJson}}`
  }
}

/** The request as a dry run prints it: every header, the api key masked, the body pretty. */
export function printRequest(request: HttpRequest): string {
  const lines = [`${request.method} ${request.url}`]
  for (const [name, value] of Object.entries(request.headers)) {
    const shown = name === 'x-api-key' ? (value ? '***' : '(not set)') : value
    lines.push(`${name}: ${shown}`)
  }
  if (request.body !== undefined) {
    lines.push('', JSON.stringify(JSON.parse(request.body), null, 2))
  }
  return lines.join('\n')
}
