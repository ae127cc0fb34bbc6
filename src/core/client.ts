// The Refold API client: one method per endpoint, one HTTP attempt per call (http.ts). Non-2xx
// answers become RefoldApiError with whatever the error body says; no answer becomes NetworkError.
// Retrying is retry.ts's job.
import type { IncomingHttpHeaders } from 'node:http'
import { Paths, USER_AGENT } from './request.js'
import { MalformedAnswerError, NetworkError, RefoldApiError } from './errors.js'
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
    if (!Array.isArray(events)) {
      throw this.unexpected(
        answer,
        'list events',
        `expected an array of events, got ${describeBody(answer.body)}`
      )
    }
    // An entry without a text id and name cannot be the event looked for, so it is skipped.
    return events.filter(
      (event: unknown): event is RefoldEvent =>
        isRecord(event) && typeof event._id === 'string' && typeof event.name === 'string'
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
    const json = readJson<unknown>(answer.body)
    const page = json === undefined ? undefined : readExecutionPage(json)
    if (typeof page !== 'object') {
      throw this.unexpected(
        answer,
        'list executions',
        page ?? `expected a page of executions, got ${describeBody(answer.body)}`
      )
    }
    return page
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

  private unexpected(answer: ApiAnswer, action: string, problem: string): MalformedAnswerError {
    return new MalformedAnswerError(
      { action, host: this.host, status: answer.status, refoldMessage: problem, body: answer.body },
      problem
    )
  }
}

/**
 * A page of the executions list with every field this action reads checked, or what is wrong with
 * it. The fields that decide which executions belong to the event and how they ended must have
 * the documented type; a label (a name, a finish time) of another type is only left out.
 */
export function readExecutionPage(json: unknown): ExecutionPage | string {
  if (!isRecord(json) || !Array.isArray(json.docs)) return 'expected an object with a docs array'
  const { hasNextPage, nextPage } = json
  if (hasNextPage != null && typeof hasNextPage !== 'boolean') {
    return `hasNextPage is ${typeName(hasNextPage)}, not true or false`
  }
  if (nextPage != null && !(Number.isSafeInteger(nextPage) && (nextPage as number) > 0)) {
    return `nextPage is ${typeName(nextPage)}, not a page number`
  }
  const docs: Execution[] = []
  for (const [index, doc] of json.docs.entries()) {
    const execution = readExecution(doc)
    if (typeof execution === 'string') return `docs[${index}]${execution}`
    docs.push(execution)
  }
  return {
    docs,
    hasNextPage: hasNextPage === true,
    nextPage: nextPage as number | null | undefined
  }
}

/** One doc of the list, or what is wrong with it (to follow `docs[i]`). */
function readExecution(doc: unknown): Execution | string {
  if (!isRecord(doc)) return ` is ${typeName(doc)}, not an execution`
  for (const field of ['_id', 'status', 'createdAt'] as const) {
    if (typeof doc[field] !== 'string' || !doc[field]) {
      return `.${field} is ${typeName(doc[field])}, not a text`
    }
  }
  const createdAt = doc.createdAt as string
  if (Number.isNaN(Date.parse(createdAt))) return '.createdAt is not a date'
  for (const field of ['associated_event_id', 'custom_trigger_id', 'config_id'] as const) {
    if (doc[field] != null && typeof doc[field] !== 'string') {
      return `.${field} is ${typeName(doc[field])}, not a text`
    }
  }
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : undefined
  const workflow = isRecord(doc.associated_workflow) ? doc.associated_workflow : undefined
  const execution: Execution = {
    _id: doc._id as string,
    status: doc.status as string,
    createdAt
  }
  const optional: Partial<Execution> = {
    name: text(doc.name),
    associated_event_id: text(doc.associated_event_id),
    custom_trigger_id: text(doc.custom_trigger_id),
    config_id: text(doc.config_id),
    completion_time: text(doc.completion_time),
    associated_workflow:
      workflow && (text(workflow._id) ?? text(workflow.name)) !== undefined
        ? dropUndefined({ _id: text(workflow._id), name: text(workflow.name) })
        : undefined
  }
  return { ...execution, ...dropUndefined(optional) }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A value's kind for an error message; never the value, which may be long or hostile. */
function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (value === undefined) return 'missing'
  if (value === '') return 'empty'
  const kind = typeof value
  return kind === 'object' ? 'an object' : `a ${kind}`
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
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
