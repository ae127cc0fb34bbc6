// The Refold API client: one method per endpoint, one HTTP attempt per call (http.ts). Non-2xx
// answers become RefoldApiError with whatever the error body says; no answer becomes NetworkError.
// Retrying is retry.ts's job.
import type { IncomingHttpHeaders } from 'node:http'
import { Paths, USER_AGENT } from './constants.js'
import { NetworkError, RefoldApiError } from './errors.js'
import { attempt, type ProxyEnv } from './http.js'
import { cutText } from './server-text.js'

/** Server text quoted in a message (Refold's `message`, `error_code`…) is cut at this many bytes. */
export const MESSAGE_TEXT_LIMIT = 1024

export interface ClientOptions {
  /** API origin without a trailing slash. */
  baseUrl: string
  apiKey: string
  linkedAccountId: string
  /** Time allowed for one attempt: proxy tunnel, connect, response headers and body. */
  timeoutMs: number
  /** The environment's HTTPS_PROXY, HTTP_PROXY and NO_PROXY (an empty object: no proxy). */
  proxyEnv: ProxyEnv
}

export interface TriggerRequest {
  event: string
  payload: Record<string, unknown>
  configId?: string
  slug?: string
  idempotencyKey: string
}

export interface ApiAnswer {
  status: number
  /** The raw body. */
  body: string
  headers: IncomingHttpHeaders
}

export interface TriggerAnswer extends ApiAnswer {
  /** Refold's `message`, e.g. "Webhook Fired Success". */
  message?: string
}

/** An event as GET /application/event lists it. */
export interface RefoldEvent {
  _id: string
  name: string
}

export interface ExecutionQuery {
  page: number
  limit: number
  /** UTC date, YYYY-MM-DD. */
  startDate: string
  slug?: string
}

/** One workflow execution as GET /execution lists it; only the fields this action reads. */
export interface Execution {
  _id: string
  name?: string
  status: string
  associated_event_id?: string
  custom_trigger_id?: string
  associated_workflow?: { _id?: string; name?: string }
  config_id?: string
  createdAt: string
  completion_time?: string
}

export interface ExecutionPage {
  docs: Execution[]
  hasNextPage: boolean
  nextPage?: number | null
}

export class RefoldClient {
  private readonly host: string

  constructor(private readonly options: ClientOptions) {
    this.host = new URL(options.baseUrl).host
  }

  async triggerEvent(request: TriggerRequest): Promise<TriggerAnswer> {
    const headers: Record<string, string> = {
      'x-api-key': this.options.apiKey,
      linked_account_id: this.options.linkedAccountId,
      'content-type': 'application/json',
      'Idempotency-Key': request.idempotencyKey
    }
    if (request.configId) headers.config_id = request.configId
    if (request.slug) headers.slug = request.slug
    const body = JSON.stringify({ event: request.event, payload: request.payload })
    const answer = await this.send(
      'POST',
      Paths.TriggerEvent,
      `trigger event ${JSON.stringify(request.event)}`,
      headers,
      body
    )
    const message = readJson<{ message?: unknown }>(answer.body)?.message
    return {
      ...answer,
      message: typeof message === 'string' ? cutText(message, MESSAGE_TEXT_LIMIT) : undefined
    }
  }

  /** The org's events; needs an org key, so a linked-account-only setup cannot read it. */
  async listEvents(): Promise<RefoldEvent[]> {
    const answer = await this.send('GET', Paths.ListEvents, 'list events', {
      'x-api-key': this.options.apiKey
    })
    const events = readJson<unknown>(answer.body)
    if (!Array.isArray(events)) throw this.unexpected(answer, 'list events', 'an array of events')
    return events.filter(
      (event): event is RefoldEvent =>
        typeof event?._id === 'string' && typeof event?.name === 'string'
    )
  }

  async listExecutions(query: ExecutionQuery): Promise<ExecutionPage> {
    const params = new URLSearchParams({
      page: String(query.page),
      limit: String(query.limit),
      execution_source: 'Event',
      start_date: query.startDate,
      // Newest first: the executions of an event just fired are on the first page.
      sortAsc: 'false'
    })
    if (query.slug) params.set('slug', query.slug)
    const answer = await this.send('GET', `${Paths.ListExecutions}?${params}`, 'list executions', {
      'x-api-key': this.options.apiKey,
      linked_account_id: this.options.linkedAccountId
    })
    const page = readJson<Partial<ExecutionPage>>(answer.body)
    if (!page || !Array.isArray(page.docs)) {
      throw this.unexpected(answer, 'list executions', 'a page of executions')
    }
    return { docs: page.docs, hasNextPage: page.hasNextPage === true, nextPage: page.nextPage }
  }

  /** One attempt, bounded by the timeout from the proxy tunnel to the last byte of the body. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    action: string,
    headers: Record<string, string>,
    body?: string
  ): Promise<ApiAnswer> {
    let answer: ApiAnswer
    try {
      answer = await attempt({
        method,
        url: `${this.options.baseUrl}${path}`,
        headers: { accept: 'application/json', ...headers, 'user-agent': USER_AGENT },
        body,
        timeoutMs: this.options.timeoutMs,
        proxyEnv: this.options.proxyEnv,
        secrets: [this.options.apiKey]
      })
    } catch (error) {
      throw new NetworkError(action, this.host, (error as Error).message, { cause: error })
    }
    if (answer.status < 200 || answer.status > 299) throw parseApiError(answer, action, this.host)
    return answer
  }

  private unexpected(answer: ApiAnswer, action: string, expected: string): RefoldApiError {
    return new RefoldApiError({
      action,
      host: this.host,
      status: answer.status,
      refoldMessage: `expected ${expected}, got ${describeBody(answer.body)}`,
      body: answer.body
    })
  }
}

/** A non-2xx answer as the author should read it, whatever shape the body has. */
export function parseApiError(answer: ApiAnswer, action: string, host?: string): RefoldApiError {
  const json = readJson<Record<string, unknown>>(answer.body)
  const text = (key: string): string | undefined => {
    const value = json?.[key]
    return typeof value === 'string' && value.trim()
      ? cutText(value.trim(), MESSAGE_TEXT_LIMIT)
      : undefined
  }
  const retryAfter = answer.headers['retry-after']
  return new RefoldApiError({
    action,
    host,
    status: answer.status,
    httpErrorType: text('http_error_type'),
    errorCode: text('error_code') ?? text('error') ?? text('error_type'),
    errorText: text('error'),
    refoldMessage: text('message') ?? (json ? undefined : describeBody(answer.body)),
    requestId: text('request_id') ?? headerText(answer.headers['x-request-id']),
    body: answer.body,
    retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter
  })
}

function headerText(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return first === undefined ? undefined : cutText(first, MESSAGE_TEXT_LIMIT)
}

function readJson<T>(body: string): T | undefined {
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null ? (value as T) : undefined
  } catch {
    return undefined
  }
}

/** A short description of a body that is not Refold's JSON: empty, an HTML error page, or text. */
function describeBody(body: string): string {
  const trimmed = body.trim()
  if (!trimmed) return 'an empty body'
  if (/^<(!doctype|html)/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim()
    return `an HTML page${title ? ` ("${cutText(title, 200)}")` : ''}, likely from a proxy or load balancer`
  }
  const oneLine = trimmed.replace(/\s+/g, ' ')
  return JSON.stringify(oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine)
}
