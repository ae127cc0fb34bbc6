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

/** Where every request goes and what it is authorized with: the run's client holds the one copy. */
export interface Origin {
  /** API origin without a trailing slash. */
  baseUrl: string
  apiKey: string
}

/** One account's trigger, besides the origin. */
export interface TriggerParts {
  event: string
  configId?: string
  slug?: string
  account: string
  idempotencyKey: string
  /** Tells this run attempt's executions from another's, where Refold echoes it. */
  instanceTag: string
  /** The payload already serialized, so a fan-out serializes it once, not once per account. */
  payloadJson: string
}

/** The headers every call carries: the key, and the linked account for account-scoped calls. */
export function apiHeaders(apiKey: string, account?: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-api-key': apiKey }
  if (account !== undefined) headers.linked_account_id = account
  return headers
}

/** `POST {base_url}/api/v2/public/event` for one linked account, headers in the contract's order. */
export function triggerRequest(origin: Origin, parts: TriggerParts): HttpRequest {
  const headers = apiHeaders(origin.apiKey, parts.account)
  if (parts.configId) headers.config_id = parts.configId
  if (parts.slug) headers.slug = parts.slug
  Object.assign(headers, {
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': USER_AGENT,
    'Idempotency-Key': parts.idempotencyKey,
    instance_tag: parts.instanceTag
  })
  return {
    method: 'POST',
    url: `${origin.baseUrl}${Paths.TriggerEvent}`,
    headers,
    body: `{"event":${JSON.stringify(parts.event)},"payload":${parts.payloadJson}}`
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
