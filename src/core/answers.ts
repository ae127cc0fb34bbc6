// What Refold's answers are made of, read defensively: every field the run relies on is checked,
// and an answer of another shape is a MalformedAnswerError (retried like a 5xx), never a crash.
// An executions page is the exception in part: its docs are checked only once they matched.
// Non-2xx answers become RefoldApiError with whatever the error body says.
import type { IncomingHttpHeaders } from 'node:http'
import { MalformedAnswerError, RefoldApiError } from './errors.js'
import { cutText } from './untrusted.js'

/** Server text quoted in a message (Refold's `message`, `error_code`…) is cut at this many bytes. */
export const MESSAGE_TEXT_LIMIT = 1024

export interface ApiAnswer {
  status: number
  /** The body, redacted of the api key and cut at 1 MiB where it was read. */
  body: string
  headers: IncomingHttpHeaders
}

/** An event as GET /application/event lists it. */
export interface RefoldEvent {
  _id: string
  name: string
  /** The payload's JSON Schema, set when the event was created; server data, never trusted. */
  json_schema?: unknown
}

/**
 * One doc of the executions list, each field this action reads kept only when it is a text.
 * Nothing is required of it: most docs are other events' runs, whose shape must decide nothing.
 * A doc's shape is checked (readExecution) only once it matched the event.
 */
export interface ListedExecution {
  _id?: string
  name?: string
  status?: string
  associated_event_id?: string
  custom_trigger_id?: string
  associated_workflow?: { _id?: string; name?: string }
  config_id?: string
  /** The trigger's `instance_tag` header, when Refold carries it back. */
  instance_tag?: string
  createdAt?: string
  completion_time?: string
}

/** A matched execution with the fields its verdict rests on checked. */
export interface Execution {
  _id: string
  /** Upper-cased; undefined when the doc has none that can be read. */
  status?: string
  createdAt: string
  /** `createdAt` in ms since the epoch. */
  created: number
  name?: string
  associated_workflow?: { _id?: string; name?: string }
  completion_time?: string
  /** `completion_time` in ms since the epoch, when it can be read. */
  finished?: number
}

/** Where the next page of a paginated list is (mongoose-paginate style, as Refold answers). */
export interface Paging {
  hasNextPage: boolean
  nextPage?: number | null
  /** How many docs the whole list holds, when the answer says. */
  totalDocs?: number
}

export interface ExecutionPage extends Paging {
  docs: ListedExecution[]
}

/** The page to read after `page`: the one the answer names, or the next one when it names none. */
export function pageAfter(page: number, paging: Paging): number {
  return paging.nextPage && paging.nextPage > page ? paging.nextPage : page + 1
}

/** The docs and paging fields of a page of any list, checked; or what is wrong with them. */
function readPage(json: unknown): { docs: unknown[]; paging: Paging } | string {
  if (!isRecord(json) || !Array.isArray(json.docs)) return 'expected an object with a docs array'
  const { hasNextPage, nextPage, totalDocs } = json
  if (hasNextPage != null && typeof hasNextPage !== 'boolean') {
    return `hasNextPage is ${typeName(hasNextPage)}, not true or false`
  }
  if (nextPage != null && !(Number.isSafeInteger(nextPage) && (nextPage as number) > 0)) {
    return `nextPage is ${typeName(nextPage)}, not a page number`
  }
  return {
    docs: json.docs,
    paging: {
      hasNextPage: hasNextPage === true,
      nextPage: nextPage as number | null | undefined,
      ...(Number.isSafeInteger(totalDocs) && (totalDocs as number) >= 0
        ? { totalDocs: totalDocs as number }
        : {})
    }
  }
}

/** What the events list answer holds; an entry without a text id and name is skipped. */
export function readEvents(json: unknown): RefoldEvent[] | string {
  if (!Array.isArray(json)) return 'expected an array of events'
  return json.filter(
    (event: unknown): event is RefoldEvent =>
      isRecord(event) && typeof event._id === 'string' && typeof event.name === 'string'
  )
}

/**
 * A page of the executions list, or what is wrong with it. Only the page itself must have the
 * documented shape: a doc that is not an object is dropped, and a field of another type is left
 * out, since one odd doc of another event must not break the page.
 */
export function readExecutionPage(json: unknown): ExecutionPage | string {
  const page = readPage(json)
  if (typeof page === 'string') return page
  return { docs: page.docs.filter(isRecord).map(listedExecution), ...page.paging }
}

function listedExecution(doc: Record<string, unknown>): ListedExecution {
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : undefined
  const workflow = isRecord(doc.associated_workflow) ? doc.associated_workflow : undefined
  return dropUndefined({
    _id: text(doc._id),
    name: text(doc.name),
    status: text(doc.status),
    associated_event_id: text(doc.associated_event_id),
    custom_trigger_id: text(doc.custom_trigger_id),
    associated_workflow:
      workflow && (text(workflow._id) ?? text(workflow.name)) !== undefined
        ? dropUndefined({ _id: text(workflow._id), name: text(workflow.name) })
        : undefined,
    config_id: text(doc.config_id),
    instance_tag: text(doc.instance_tag),
    createdAt: text(doc.createdAt),
    completion_time: text(doc.completion_time)
  })
}

/**
 * A matched execution checked, or what is wrong with it: it needs an id and a readable
 * `createdAt`. A status that cannot be read is left undefined (the gate counts it as failed).
 */
export function readExecution(listed: ListedExecution): Execution | string {
  if (!listed._id) return 'has no _id'
  if (listed.createdAt === undefined) return 'has no createdAt'
  const created = parseTimestamp(listed.createdAt)
  if (Number.isNaN(created)) return 'has a createdAt that is not a date'
  const status = listed.status?.trim().toUpperCase()
  const finished = parseTimestamp(listed.completion_time ?? '')
  return dropUndefined({
    _id: listed._id,
    status: status || undefined,
    createdAt: listed.createdAt,
    created,
    name: listed.name,
    associated_workflow: listed.associated_workflow,
    completion_time: listed.completion_time,
    finished: Number.isNaN(finished) ? undefined : finished
  })
}

const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * An ISO 8601 timestamp in ms since the epoch, NaN when `text` is not one. A time without a zone
 * is UTC (Date.parse would take it as the runner's local time).
 */
export function parseTimestamp(text: string): number {
  const match = TIMESTAMP.exec(text.trim())
  if (!match) return NaN
  const [, date, time, zone] = match
  if (!time) return Date.parse(`${date}T00:00:00Z`)
  const offset = zone?.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') ?? 'Z'
  return Date.parse(`${date}T${time}${offset}`)
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

export function readJson<T>(body: string): T | undefined {
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null ? (value as T) : undefined
  } catch {
    return undefined
  }
}

/** A short description of a body that is not Refold's JSON: empty, an HTML error page, or text. */
export function describeBody(body: string): string {
  const trimmed = body.trim()
  if (!trimmed) return 'an empty body'
  if (/^<(!doctype|html)/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim()
    return `an HTML page${title ? ` ("${cutText(title, 200)}")` : ''}, likely from a proxy or load balancer`
  }
  const oneLine = trimmed.replace(/\s+/g, ' ')
  return JSON.stringify(oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine)
}

/** A MalformedAnswerError for an answer whose body is not what `action` expects. */
export function malformed(
  answer: ApiAnswer,
  action: string,
  host: string,
  problem: string
): MalformedAnswerError {
  return new MalformedAnswerError(
    { action, host, status: answer.status, refoldMessage: problem, body: answer.body },
    problem
  )
}

/** What one execution's detail says about how it ended; every field is optional but the id. */
export interface ExecutionDetail {
  _id: string
  name?: string
  status?: string
  /** The execution's own error text (`error`, `message` or `error_message`). */
  error?: string
  /** The first node that failed, with its error when it carries one. */
  failedNode?: { name: string; error?: string }
}

const FAILED_NODE_STATUSES = /^(ERRORED|FAILED|TIMED_OUT|TERMINATED|STOPPED|ERROR)$/i

/** GET /execution/{id}; its `nodes` vary in structure, so only text fields are taken from them. */
export function readExecutionDetail(json: unknown): ExecutionDetail | string {
  if (!isRecord(json)) return 'expected an execution object'
  if (typeof json._id !== 'string' || !json._id) return `_id is ${typeName(json._id)}, not a text`
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.trim() ? value.trim() : undefined
  const errorText = (record: Record<string, unknown>): string | undefined => {
    const error = record.error
    return (
      text(error) ??
      (isRecord(error) ? text(error.message) : undefined) ??
      text(record.error_message) ??
      text(record.message)
    )
  }
  const detail: ExecutionDetail = { _id: json._id }
  if (text(json.name)) detail.name = text(json.name)
  if (text(json.status)) detail.status = text(json.status)
  const error = errorText(json)
  if (error) detail.error = error
  const nodes = Array.isArray(json.nodes) ? json.nodes.filter(isRecord) : []
  const failed = nodes.find(node => FAILED_NODE_STATUSES.test(text(node.status) ?? ''))
  if (failed) {
    detail.failedNode = { name: text(failed.name) ?? text(failed.node_name) ?? '(unnamed step)' }
    const nodeError = errorText(failed)
    if (nodeError) detail.failedNode.error = nodeError
  }
  return detail
}

/** One page of GET /linked-account: the ids to fire for (`account_id`) and where the next page is. */
export interface LinkedAccountPage extends Paging {
  accounts: string[]
}

export function readLinkedAccountPage(json: unknown): LinkedAccountPage | string {
  const page = readPage(json)
  if (typeof page === 'string') return page
  const accounts: string[] = []
  for (const [index, doc] of page.docs.entries()) {
    const id = isRecord(doc) ? doc.account_id : undefined
    if (typeof id !== 'string' || !id) {
      return `docs[${index}].account_id is ${typeName(id)}, not a text`
    }
    accounts.push(id)
  }
  return { accounts, ...page.paging }
}
