// The check before firing: whether an event's json_schema can be used, and where a payload breaks
// it. The schema is server data: it is bounded before it is read, interpreted (never compiled to
// code), and never fetched from; the validator loads only when there is a schema to check.
import type { OutputUnit, Schema, SchemaDraft as ValidatorDraft } from '@cfworker/json-schema'
import type { Payload } from './payload.js'

/** The largest schema used, as JSON. */
export const MAX_SCHEMA_BYTES = 1024 * 1024
/** The deepest nesting of objects and arrays a schema used may have. */
const MAX_SCHEMA_DEPTH = 100
/** The most violations a failed check lists. */
export const MAX_VIOLATIONS = 10
/** The `format`s checked; any other is ignored, as the contract says. */
const CHECKED_FORMATS: readonly string[] = [
  'date-time',
  'date',
  'email',
  'uri',
  'uuid',
  'ipv4',
  'ipv6'
]

/** The JSON Schema draft a schema is read as. */
export type SchemaDraft = '4' | '6' | '7' | '2019-09' | '2020-12'

export type SchemaUse = { ok: true; draft: SchemaDraft } | { ok: false; reason: string }

export interface Violation {
  /** A JSON Pointer into the payload (RFC 6901), `/` for the payload itself. */
  pointer: string
  /** What the schema wants there, in our words; never quotes the payload. */
  message: string
}

export type PayloadCheck =
  | { kind: 'valid' }
  | { kind: 'invalid'; violations: Violation[] }
  | { kind: 'unusable'; reason: string }

type Json = Record<string, unknown>

const DRAFTS = new Map<string, SchemaDraft>([
  ['json-schema.org/draft-04/schema', '4'],
  ['json-schema.org/draft-06/schema', '6'],
  ['json-schema.org/draft-07/schema', '7'],
  ['json-schema.org/draft/2019-09/schema', '2019-09'],
  ['json-schema.org/draft/2020-12/schema', '2020-12']
])

// The validator knows no draft 6; draft 7 only added keywords (if/then/else, content*) to it.
const VALIDATOR_DRAFT: Record<SchemaDraft, ValidatorDraft> = {
  '4': '4',
  '6': '7',
  '7': '7',
  '2019-09': '2019-09',
  '2020-12': '2020-12'
}

// Where a schema holds schemas: one, a list, or a map of names to schemas (`items` is one or a list).
const ONE_SCHEMA = new Set([
  'items',
  'additionalItems',
  'unevaluatedItems',
  'contains',
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'contentSchema'
])
const SCHEMA_LIST = new Set(['items', 'prefixItems', 'allOf', 'anyOf', 'oneOf'])
const SCHEMA_MAP = new Set([
  '$defs',
  'definitions',
  'properties',
  'patternProperties',
  'dependentSchemas',
  'dependencies'
])
const COUNTS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minContains',
  'maxContains'
]
const TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'])
// Not a URL anyone can reach: the base of a schema without an $id, so relative $ids resolve.
const ROOT_BASE = 'https://schema.invalid/root.json'

/**
 * Whether `schema` can be used to check a payload, and as which draft; if not, why not. Loads no
 * validator.
 */
export function usableSchema(schema: unknown): SchemaUse {
  if (!isObject(schema)) return unusable(`the schema is ${kindOf(schema)}, not a JSON object`)
  if (deeperThan(schema, MAX_SCHEMA_DEPTH)) {
    return unusable(`the schema nests deeper than ${MAX_SCHEMA_DEPTH} levels`)
  }
  const bytes = Buffer.byteLength(JSON.stringify(schema), 'utf8')
  if (bytes > MAX_SCHEMA_BYTES) {
    return unusable(`the schema is ${Math.ceil(bytes / 1024)} KiB as JSON, over 1 MiB`)
  }
  const named = schema.$schema
  let draft: SchemaDraft = '2020-12'
  if (named !== undefined) {
    const found = typeof named === 'string' ? draftNamed(named) : undefined
    if (!found) {
      return unusable(
        `the schema names $schema ${show(named)}, not draft 4, 6, 7, 2019-09 or 2020-12`
      )
    }
    draft = found
  }
  const fault = schemaFault(schema)
  return fault ? unusable(fault) : { ok: true, draft }
}

/**
 * Checks the payload that would be sent (as its JSON) against `schema`: valid, the first
 * MAX_VIOLATIONS violations, or why the schema cannot be used. Loads the validator.
 */
export async function checkPayload(schema: unknown, payload: Payload): Promise<PayloadCheck> {
  const use = usableSchema(schema)
  if (!use.ok) return { kind: 'unusable', reason: use.reason }
  // Loaded here only: a run that checks nothing never pays for the validator.
  const { dereference, validate } = await import(
    /* webpackChunkName: "json-schema" */ '@cfworker/json-schema'
  )
  const prepared = prepare(schema as Json)
  let lookup: Lookup
  let instance: unknown
  let errors: OutputUnit[]
  try {
    lookup = dereference(prepared.schema)
    const dangling = danglingRef(prepared.schema, lookup)
    if (dangling) return { kind: 'unusable', reason: dangling }
    // The check is of the body on the wire, which is this JSON (a Date is its string there).
    instance = JSON.parse(JSON.stringify(payload))
    errors = validate(instance, prepared.schema, VALIDATOR_DRAFT[use.draft], lookup, false).errors
  } catch (error) {
    return { kind: 'unusable', reason: failureReason(error) }
  }
  if (errors.length === 0) return { kind: 'valid' }
  return {
    kind: 'invalid',
    violations: violationsOf(errors, { root: prepared.schema, lookup, instance, ...prepared })
  }
}

function unusable(reason: string): SchemaUse {
  return { ok: false, reason }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function own(value: Json | unknown[], key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** Whether objects and arrays nest deeper than `limit` (the value itself is level 1). */
function deeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (limit === 0) return true
  return Object.values(value).some(child => deeperThan(child, limit - 1))
}

function draftNamed(uri: string): SchemaDraft | undefined {
  const bare = /^https?:\/\/(.*?)#?$/.exec(uri)?.[1]
  return bare === undefined ? undefined : DRAFTS.get(bare)
}

/** Schema text in a message: JSON, cut short. It is server data, never the payload. */
function show(value: unknown, max = 80): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1')
}

// Keywords whose value is not a schema, whatever it holds.
const NOT_SCHEMAS = new Set([
  '$schema',
  '$id',
  'id',
  '$ref',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
  '$vocabulary',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'type',
  'enum',
  'const',
  'required',
  'dependentRequired',
  'format',
  'pattern',
  'contentEncoding',
  'contentMediaType',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'uniqueItems',
  ...COUNTS
])

interface Slot {
  holder: Json | unknown[]
  key: string | number
  /** The slot's JSON Pointer in the schema. */
  at: string
  /**
   * Whether a keyword of the drafts puts a schema there. The validator also takes the object under
   * an unknown keyword for a schema (`#/components/schemas/x` is found), so those are walked too.
   */
  known: boolean
}

/** The places in a schema object that hold a schema, as far as their shape allows. */
function subschemaSlots(node: Json, at: string): Slot[] {
  const slots: Slot[] = []
  for (const [keyword, value] of Object.entries(node)) {
    const here = `${at}/${pointerSegment(keyword)}`
    if (SCHEMA_LIST.has(keyword) && Array.isArray(value)) {
      value.forEach((_, index) =>
        slots.push({ holder: value, key: index, at: `${here}/${index}`, known: true })
      )
    } else if (ONE_SCHEMA.has(keyword)) {
      slots.push({ holder: node, key: keyword, at: here, known: true })
    } else if (SCHEMA_MAP.has(keyword) && isObject(value)) {
      for (const [name, inner] of Object.entries(value)) {
        // dependencies maps a name to a schema or (the draft 4-7 dependentRequired) to names
        if (keyword === 'dependencies' && Array.isArray(inner)) continue
        slots.push({ holder: value, key: name, at: `${here}/${pointerSegment(name)}`, known: true })
      }
    } else if (
      !SCHEMA_LIST.has(keyword) &&
      !SCHEMA_MAP.has(keyword) &&
      !NOT_SCHEMAS.has(keyword) &&
      (isObject(value) || typeof value === 'boolean')
    ) {
      slots.push({ holder: node, key: keyword, at: here, known: false })
    }
  }
  return slots
}

/**
 * Calls `visit` on `node` and every schema object inside it, each with its base URI and whether
 * the drafts' keywords lead there (`known`), as opposed to an unknown keyword on the way.
 */
function walkSchemas(
  node: Json,
  visit: (node: Json, at: string, base: URL | undefined, known: boolean) => void,
  at = '',
  parentBase: URL | undefined = new URL(ROOT_BASE),
  known = true
): void {
  const base = baseOf(node, parentBase)
  visit(node, at, base, known)
  for (const slot of subschemaSlots(node, at)) {
    const inner = (slot.holder as Record<string | number, unknown>)[slot.key]
    if (isObject(inner)) walkSchemas(inner, visit, slot.at, base, known && slot.known)
  }
}

/** The base URI inside `node`; undefined when an $id cannot be read as a URI reference. */
function baseOf(node: Json, parentBase: URL | undefined): URL | undefined {
  const id = own(node, '$id') ?? own(node, 'id')
  if (typeof id !== 'string' || id === '' || parentBase === undefined) return parentBase
  let url: URL
  try {
    url = new URL(id, parentBase)
  } catch {
    return undefined
  }
  // `#name` names a place (drafts 4-7); it starts no new document
  if (url.hash.length > 1) return parentBase
  url.hash = ''
  return url
}

function documentOf(url: URL): string {
  return url.href.replace(/#.*$/, '')
}

/** Why a schema object cannot be used, or undefined: the refs and the shapes of what is checked. */
function schemaFault(schema: Json): string | undefined {
  const documents = new Set<string>()
  const refs: { ref: string; at: string; target: string | undefined }[] = []
  let fault: string | undefined
  walkSchemas(schema, (node, at, base, known) => {
    if (base === undefined) {
      fault ??= `the $id at ${at || '/'} is not a URI reference`
      return
    }
    documents.add(documentOf(base))
    // An unknown keyword's object may be anything; it is only read if a $ref leads there.
    if (known) fault ??= shapeFault(node, at)
    const ref = own(node, '$ref')
    if (ref !== undefined) {
      if (typeof ref !== 'string') fault ??= `the $ref at ${at || '/'} is not a string`
      else refs.push({ ref, at, target: ref.startsWith('#') ? undefined : targetOf(ref, base) })
    }
  })
  if (fault) return fault
  for (const { ref, at, target } of refs) {
    if (!ref.startsWith('#') && (target === undefined || !documents.has(target))) {
      return `the $ref ${show(ref)} at ${at || '/'} points outside the schema (nothing is fetched)`
    }
  }
  return undefined
}

function targetOf(ref: string, base: URL): string | undefined {
  try {
    return documentOf(new URL(ref, base))
  } catch {
    return undefined
  }
}

/** Why one schema object's keywords cannot be checked as written, or undefined. */
function shapeFault(node: Json, at: string): string | undefined {
  const where = (keyword: string) => `${at}/${pointerSegment(keyword)}`
  const wrong = (keyword: string, what: string) =>
    `the ${keyword} at ${where(keyword)} is not ${what}`
  for (const [keyword, value] of Object.entries(node)) {
    if (SCHEMA_LIST.has(keyword) && keyword !== 'items' && !Array.isArray(value)) {
      return wrong(keyword, 'a list of schemas')
    }
    if (SCHEMA_MAP.has(keyword) && !isObject(value)) return wrong(keyword, 'an object')
  }
  for (const slot of subschemaSlots(node, at)) {
    const inner = (slot.holder as Record<string | number, unknown>)[slot.key]
    if (slot.known && !isObject(inner) && typeof inner !== 'boolean') {
      return `the schema at ${slot.at} is not a schema`
    }
  }
  const type = own(node, 'type')
  const types = Array.isArray(type) ? type : [type]
  if (type !== undefined && !types.every(name => typeof name === 'string' && TYPES.has(name))) {
    return wrong('type', 'a JSON type or a list of them')
  }
  const enumValues = own(node, 'enum')
  if (enumValues !== undefined && !Array.isArray(enumValues)) return wrong('enum', 'a list')
  const required = own(node, 'required')
  if (required !== undefined && !isNameList(required)) return wrong('required', 'a list of names')
  const dependentRequired = own(node, 'dependentRequired')
  if (
    dependentRequired !== undefined &&
    !(isObject(dependentRequired) && Object.values(dependentRequired).every(isNameList))
  ) {
    return wrong('dependentRequired', 'an object of name lists')
  }
  for (const keyword of ['minimum', 'maximum', ...COUNTS]) {
    const value = own(node, keyword)
    if (value !== undefined && typeof value !== 'number') return wrong(keyword, 'a number')
  }
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum']) {
    const value = own(node, keyword)
    if (value !== undefined && typeof value !== 'number' && typeof value !== 'boolean') {
      return wrong(keyword, 'a number')
    }
  }
  const multipleOf = own(node, 'multipleOf')
  if (multipleOf !== undefined && !(typeof multipleOf === 'number' && multipleOf > 0)) {
    return wrong('multipleOf', 'a positive number')
  }
  const pattern = own(node, 'pattern')
  if (pattern !== undefined && !isPattern(pattern)) return wrong('pattern', 'a regular expression')
  const patternProperties = own(node, 'patternProperties')
  if (isObject(patternProperties)) {
    const bad = Object.keys(patternProperties).find(key => !isPattern(key))
    if (bad !== undefined) {
      return `the patternProperties at ${where('patternProperties')} has ${show(bad)}, not a regular expression`
    }
  }
  const recursiveRef = own(node, '$recursiveRef')
  if (recursiveRef !== undefined && recursiveRef !== '#') return wrong('$recursiveRef', '"#"')
  if (own(node, '$dynamicRef') !== undefined) {
    return `the schema uses $dynamicRef (at ${where('$dynamicRef')}), which this check cannot follow`
  }
  return undefined
}

function isNameList(value: unknown): boolean {
  return Array.isArray(value) && value.every(name => typeof name === 'string')
}

function isPattern(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    new RegExp(value, 'u')
    return true
  } catch {
    return false
  }
}

interface Prepared {
  schema: Json
  /** The `{not: {}}` objects that stand for a `false` schema. */
  refusals: WeakSet<object>
}

/**
 * A copy of the schema as the validator should see it: formats the contract does not check
 * removed (the validator would check more), and each `false` subschema made `{not: {}}` so a
 * violation of it carries where it is (the validator reports a bare `false` without its place).
 */
function prepare(schema: Json): Prepared {
  const copy = structuredClone(schema)
  const refusals = new WeakSet<object>()
  walkSchemas(copy, (node, at) => {
    const format = own(node, 'format')
    if (format !== undefined && !(typeof format === 'string' && CHECKED_FORMATS.includes(format))) {
      delete node.format
    }
    for (const { holder, key } of subschemaSlots(node, at)) {
      const slots = holder as Record<string | number, unknown>
      if (slots[key] === false) {
        const refusal = { not: {} }
        refusals.add(refusal)
        slots[key] = refusal
      }
    }
  })
  return { schema: copy, refusals }
}

type Lookup = Record<string, Schema | boolean>

/** Why a $ref finds nothing in the schema, or undefined when every one does. */
function danglingRef(schema: Json, lookup: Lookup): string | undefined {
  let dangling: string | undefined
  walkSchemas(schema, (node, at) => {
    const ref = own(node, '$ref')
    if (
      typeof ref === 'string' &&
      dangling === undefined &&
      targetSchema(node, lookup) === undefined
    ) {
      dangling = `the $ref ${show(ref)} at ${at || '/'} points to nothing in the schema`
    }
  })
  return dangling
}

function targetSchema(node: Json | Schema, lookup: Lookup): Schema | boolean | undefined {
  const ref = (node as Schema).__absolute_ref__ ?? node.$ref
  return typeof ref === 'string' ? (own(lookup, ref) as Schema | boolean | undefined) : undefined
}

function failureReason(error: unknown): string {
  if (error instanceof RangeError) {
    return 'the payload nests too deep to check against this schema'
  }
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
  if (/^Duplicate schema URI/.test(text)) return 'the schema gives two of its parts the same $id'
  return `the check failed: ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`
}

interface Context extends Prepared {
  root: Json
  lookup: Lookup
  instance: unknown
}

/** One anyOf or oneOf that failed, and how its failure is best told. */
interface Choice {
  unit: OutputUnit
  /** Branch index → whether that branch failed only on the instance's type. */
  failed: Map<number, boolean>
  /** The types the branches that failed on type want. */
  types: string[]
  /** Open: the one branch whose own failures are told instead of the choice. */
  open?: number
}

const COMBINATORS = new Set(['anyOf', 'oneOf'])
// Units that only say "something inside failed": what failed is told by the units after them.
const WRAPPERS = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  'if',
  'dependentSchemas',
  'propertyNames'
])

/**
 * The violations the validator's output units tell, in its order, de-duplicated, at most
 * MAX_VIOLATIONS. A failed anyOf/oneOf is told as one violation, unless one of its branches is
 * the one the payload meant (the others failed on type alone): then that branch's failures are.
 */
function violationsOf(units: OutputUnit[], context: Context): Violation[] {
  const choices = new Map<OutputUnit, Choice>()
  eachWithinChoices(
    units,
    (unit, enclosing) => {
      for (const choice of enclosing) noteBranch(choice, unit, context)
      if (COMBINATORS.has(unit.keyword)) {
        choices.set(unit, { unit, failed: new Map(), types: [] })
      }
    },
    choices
  )
  for (const choice of choices.values()) decide(choice, context)

  const found = new Map<string, Violation>()
  eachWithinChoices(
    units,
    (unit, enclosing) => {
      if (found.size >= MAX_VIOLATIONS) return
      if (!enclosing.every(choice => choice.open === branchOf(choice, unit))) return
      const choice = choices.get(unit)
      const messages = choice ? choiceMessages(choice, context) : leafMessages(unit, context)
      for (const message of messages) {
        const violation = { pointer: payloadPointer(unit.instanceLocation), message }
        const key = `${violation.pointer}\u0000${message}`
        if (!found.has(key) && found.size < MAX_VIOLATIONS) found.set(key, violation)
      }
    },
    choices
  )
  return [...found.values()]
}

/**
 * Calls `visit` on each unit with the failed choices it lies inside. The validator lists a
 * choice's unit right before its branches' units, so the enclosing choices form a stack.
 */
function eachWithinChoices(
  units: OutputUnit[],
  visit: (unit: OutputUnit, enclosing: Choice[]) => void,
  choices: Map<OutputUnit, Choice>
): void {
  const stack: Choice[] = []
  for (const unit of units) {
    while (stack.length > 0 && !encloses(stack[stack.length - 1]!.unit, unit)) stack.pop()
    visit(unit, stack)
    const choice = choices.get(unit)
    if (choice) stack.push(choice)
  }
}

function encloses(outer: OutputUnit, inner: OutputUnit): boolean {
  const instanceInside =
    inner.instanceLocation === outer.instanceLocation ||
    inner.instanceLocation.startsWith(`${outer.instanceLocation}/`)
  return instanceInside && inner.keywordLocation.startsWith(`${outer.keywordLocation}/`)
}

function branchOf(choice: Choice, unit: OutputUnit): number {
  const rest = unit.keywordLocation.slice(choice.unit.keywordLocation.length + 1)
  return Number(rest.split('/')[0])
}

function noteBranch(choice: Choice, unit: OutputUnit, context: Context): void {
  const branch = branchOf(choice, unit)
  const inBranch = keywordsOf(unit.keywordLocation.slice(choice.unit.keywordLocation.length))
    .slice(1)
    .map(step => step.keyword)
    .filter(keyword => keyword !== '$ref' && keyword !== '$recursiveRef')
  // A branch that failed on type alone (perhaps through a $ref) is one the payload did not mean.
  const onTypeAlone =
    unit.instanceLocation === choice.unit.instanceLocation &&
    (unit.keyword === 'type' ? inBranch.join('/') === 'type' : inBranch.length === 0)
  choice.failed.set(branch, (choice.failed.get(branch) ?? true) && onTypeAlone)
  if (onTypeAlone && unit.keyword === 'type') {
    const wants = own(schemaHolding(unit, context) ?? {}, 'type')
    for (const type of Array.isArray(wants) ? wants : [wants]) {
      if (typeof type === 'string' && !choice.types.includes(type)) choice.types.push(type)
    }
  }
}

function decide(choice: Choice, context: Context): void {
  const branches = own(schemaHolding(choice.unit, context) ?? {}, choice.unit.keyword)
  if (!Array.isArray(branches) || choice.failed.size < branches.length) return
  const meant = [...choice.failed].filter(([, typeAlone]) => !typeAlone)
  if (meant.length === 1) choice.open = meant[0]![0]
}

function choiceMessages(choice: Choice, context: Context): string[] {
  const branches = own(schemaHolding(choice.unit, context) ?? {}, choice.unit.keyword)
  const count = Array.isArray(branches) ? branches.length : 0
  const matches = count - choice.failed.size
  if (matches > 0) {
    return [`must match exactly one of the ${count} schemas in oneOf, not ${matches}`]
  }
  if (choice.open !== undefined) return []
  if ([...choice.failed.values()].every(Boolean) && choice.types.length > 0) {
    return [`must be ${orList(choice.types)}`]
  }
  const which = choice.unit.keyword === 'anyOf' ? 'at least one' : 'exactly one'
  return [`must match ${which} of the ${count} schemas in ${choice.unit.keyword}`]
}

/** The schema object whose keyword a unit reports, following the $refs its location went through. */
function schemaHolding(unit: OutputUnit, context: Context): Json | undefined {
  const segments = unit.keywordLocation.split('/').slice(1, -1)
  let node: unknown = context.root
  for (const raw of segments) {
    if (!isObject(node) && !Array.isArray(node)) return undefined
    const segment = decodeSegment(raw)
    if (segment === '$ref' && isObject(node)) node = targetSchema(node, context.lookup)
    else if (segment === '$recursiveRef' && isObject(node)) {
      const target = (node as Schema).__absolute_recursive_ref__
      node = target === undefined ? undefined : own(context.lookup, target)
    } else node = own(node, segment)
  }
  return isObject(node) ? node : undefined
}

function decodeSegment(raw: string): string {
  return decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
}

/** The validator's `#/a/b%20c` as the JSON Pointer `/a/b c`; `/` for the whole payload. */
function payloadPointer(location: string): string {
  const pointer = decodeURIComponent(location.replace(/^#/, ''))
  return pointer === '' ? '/' : pointer
}

function valueAt(instance: unknown, location: string): unknown {
  let value = instance
  for (const raw of location.split('/').slice(1)) {
    if (!isObject(value) && !Array.isArray(value)) return undefined
    value = own(value, decodeSegment(raw))
  }
  return value
}

function leafMessages(unit: OutputUnit, context: Context): string[] {
  if (WRAPPERS.has(unit.keyword)) return []
  const through = keywordsOf(unit.keywordLocation).map(step => step.keyword)
  // The items that miss a contains schema break nothing; the contains unit tells the array's fault.
  if (through.slice(0, -1).includes('contains')) return []
  const messages = keywordMessages(unit, schemaHolding(unit, context) ?? {}, context)
  // Under propertyNames the value checked is a property's name, at the property's pointer.
  const ofName = through.includes('propertyNames')
  return ofName ? messages.map(message => `property name ${message}`) : messages
}

/**
 * The keywords a keyword location passes through, each with the property name or index that
 * follows it (`#/properties/a/items/0/type` → properties a, items 0, type).
 */
function keywordsOf(location: string): { keyword: string; member?: string }[] {
  const segments = location.split('/').slice(1).map(decodeSegment)
  const steps: { keyword: string; member?: string }[] = []
  for (let index = 0; index < segments.length; index++) {
    const keyword = segments[index]!
    const next = segments[index + 1]
    const takesMember =
      next !== undefined &&
      (SCHEMA_MAP.has(keyword) || (SCHEMA_LIST.has(keyword) && /^\d+$/.test(next)))
    steps.push(takesMember ? { keyword, member: segments[++index] } : { keyword })
  }
  return steps
}

function keywordMessages(unit: OutputUnit, node: Json, context: Context): string[] {
  const value = own(node, unit.keyword)
  switch (unit.keyword) {
    case 'type':
      return [`must be ${orList((Array.isArray(value) ? value : [value]).map(String))}`]
    case 'const':
      return [`must be ${show(value)}`]
    case 'enum':
      return [`must be one of ${listOf(Array.isArray(value) ? value : [])}`]
    case 'required':
      return missing(value, valueAt(context.instance, unit.instanceLocation)).map(
        name => `missing required property ${name}`
      )
    case 'dependentRequired':
    case 'dependencies':
      return dependentMissing(value, valueAt(context.instance, unit.instanceLocation))
    case 'minProperties':
      return [`must have at least ${count(value, 'property', 'properties')}`]
    case 'maxProperties':
      return [`must have at most ${count(value, 'property', 'properties')}`]
    case 'minItems':
      return [`must have at least ${count(value, 'item', 'items')}`]
    case 'maxItems':
      return [`must have at most ${count(value, 'item', 'items')}`]
    case 'minLength':
      return [`must have at least ${count(value, 'character', 'characters')}`]
    case 'maxLength':
      return [`must have at most ${count(value, 'character', 'characters')}`]
    case 'uniqueItems':
      return ['must not have duplicate items']
    case 'contains':
      return ['must contain an item that matches its contains schema']
    case 'minContains':
      return [`must contain at least ${count(value, 'item', 'items')} matching its contains schema`]
    case 'maxContains':
      return [`must contain at most ${count(value, 'item', 'items')} matching its contains schema`]
    case 'minimum':
      return [`must be ${own(node, 'exclusiveMinimum') === true ? '>' : '>='} ${show(value)}`]
    case 'maximum':
      return [`must be ${own(node, 'exclusiveMaximum') === true ? '<' : '<='} ${show(value)}`]
    case 'exclusiveMinimum':
      return [`must be > ${show(value)}`]
    case 'exclusiveMaximum':
      return [`must be < ${show(value)}`]
    case 'multipleOf':
      return [`must be a multiple of ${show(value)}`]
    case 'pattern':
      return [`must match pattern ${typeof value === 'string' ? cutText(value, 120) : show(value)}`]
    case 'format':
      return [`must match format ${String(value)}`]
    case 'not':
      return [context.refusals.has(node) ? refusal(unit) : 'must not match its not schema']
    default:
      return [`does not satisfy ${unit.keyword}`]
  }
}

/** What a `false` schema refuses, told by the keyword it stands under. */
function refusal(unit: OutputUnit): string {
  const steps = keywordsOf(unit.keywordLocation)
  const holder = steps[steps.length - 2]?.keyword
  if (
    holder === 'properties' ||
    holder === 'patternProperties' ||
    holder === 'additionalProperties' ||
    holder === 'unevaluatedProperties'
  ) {
    return 'is not an allowed property'
  }
  if (
    holder === 'items' ||
    holder === 'prefixItems' ||
    holder === 'additionalItems' ||
    holder === 'unevaluatedItems'
  ) {
    return 'is not an allowed item'
  }
  return 'is not allowed here'
}

function missing(required: unknown, value: unknown): string[] {
  if (!Array.isArray(required) || !isObject(value)) return []
  return required.filter(
    name => typeof name === 'string' && !Object.prototype.hasOwnProperty.call(value, name)
  )
}

function dependentMissing(dependencies: unknown, value: unknown): string[] {
  if (!isObject(dependencies) || !isObject(value)) return []
  const messages: string[] = []
  for (const [present, needed] of Object.entries(dependencies)) {
    if (!Object.prototype.hasOwnProperty.call(value, present) || !Array.isArray(needed)) continue
    for (const name of missing(needed, value)) {
      messages.push(`missing property ${name}, required when ${present} is present`)
    }
  }
  return messages
}

function count(value: unknown, one: string, many: string): string {
  return `${show(value)} ${value === 1 ? one : many}`
}

function orList(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}

function listOf(values: unknown[]): string {
  const shown = values.slice(0, 8).map(value => show(value, 40))
  return values.length > 8 ? `${shown.join(', ')}, … (${values.length} in all)` : shown.join(', ')
}

function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
