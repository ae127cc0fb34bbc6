// The check before firing, on its own: which schemas are used, and the violations a payload that
// breaks one is told (a JSON Pointer and what the schema wants, never the payload's values).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import nock from 'nock'
import {
  checkPayload,
  MAX_SCHEMA_BYTES,
  MAX_VIOLATIONS,
  usableSchema,
  type PayloadCheck,
  type Violation
} from '../src/core/schema.js'

beforeAll(() => nock.disableNetConnect())
// nock patches node:http for the whole worker; give it back for the test files that follow.
afterAll(() => {
  nock.enableNetConnect()
  nock.restore()
})

type Json = Record<string, unknown>

/** The violations of a payload that must break the schema. */
async function violations(schema: unknown, payload: Json): Promise<Violation[]> {
  const check = await checkPayload(schema, payload)
  if (check.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(check)}`)
  return check.violations
}

/** Why a schema is not used, by usableSchema and by checkPayload alike. */
async function reason(schema: unknown): Promise<string> {
  const use = usableSchema(schema)
  if (use.ok) throw new Error(`expected an unusable schema, got draft ${use.draft}`)
  expect(await checkPayload(schema, {})).toEqual({ kind: 'unusable', reason: use.reason })
  return use.reason
}

/** `depth` objects, each holding the next under `a`. */
function nested(depth: number): Json {
  let value: Json = {}
  for (let level = 1; level < depth; level++) value = { a: value }
  return value
}

describe('which schema is used', () => {
  it('reads a schema without $schema as draft 2020-12', () => {
    expect(usableSchema({ type: 'object' })).toEqual({ ok: true, draft: '2020-12' })
  })

  it.each([
    ['http://json-schema.org/draft-04/schema#', '4'],
    ['http://json-schema.org/draft-04/schema', '4'],
    ['https://json-schema.org/draft-04/schema#', '4'],
    ['http://json-schema.org/draft-06/schema#', '6'],
    ['http://json-schema.org/draft-07/schema#', '7'],
    ['https://json-schema.org/draft-07/schema', '7'],
    ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
    ['http://json-schema.org/draft/2019-09/schema#', '2019-09'],
    ['https://json-schema.org/draft/2020-12/schema', '2020-12'],
    ['https://json-schema.org/draft/2020-12/schema#', '2020-12']
  ])('reads $schema %s as draft %s', ($schema, draft) => {
    expect(usableSchema({ $schema, type: 'object' })).toEqual({ ok: true, draft })
  })

  it.each([
    'http://json-schema.org/draft-03/schema#',
    'http://json-schema.org/draft-07/hyper-schema#',
    'https://example.com/my-meta-schema',
    'json-schema.org/draft-07/schema',
    42
  ])('does not use a schema whose $schema is %j', async $schema => {
    expect(await reason({ $schema })).toBe(
      `the schema names $schema ${JSON.stringify($schema)}, not draft 4, 6, 7, 2019-09 or 2020-12`
    )
  })

  it.each([
    ['a string', '{"type":"object"}'],
    ['a boolean', true],
    ['a boolean', false],
    ['null', null],
    ['an array', [{ type: 'object' }]],
    ['a number', 7]
  ])('does not use a schema that is %s', async (kind, schema) => {
    expect(await reason(schema)).toBe(`the schema is ${kind}, not a JSON object`)
  })

  it('does not use a schema over 1 MiB as JSON, and uses one just under', async () => {
    const sized = (bytes: number) => {
      const schema = { description: '' }
      schema.description = 'x'.repeat(bytes - JSON.stringify(schema).length)
      return schema
    }
    expect(usableSchema(sized(MAX_SCHEMA_BYTES)).ok).toBe(true)
    expect(await reason(sized(MAX_SCHEMA_BYTES + 1))).toBe(
      'the schema is 1025 KiB as JSON, over 1 MiB'
    )
  })

  it('uses a schema nested 100 levels deep, not one nested 101 or 200 levels deep', async () => {
    expect(usableSchema(nested(100)).ok).toBe(true)
    expect(await reason(nested(101))).toBe('the schema nests deeper than 100 levels')
    let deep: Json = { type: 'string' }
    for (let level = 0; level < 100; level++) deep = { type: 'object', properties: { a: deep } }
    expect(await reason(deep)).toBe('the schema nests deeper than 100 levels')
  })

  it('does not use a schema that refers outside itself, and fetches nothing', async () => {
    const remote = nock('https://evil.example').get('/x.json').reply(200, { type: 'string' })
    const fetchSpy = jest.spyOn(globalThis, 'fetch')
    try {
      const schema = { properties: { a: { $ref: 'https://evil.example/x.json' } } }
      expect(await reason(schema)).toBe(
        'the $ref "https://evil.example/x.json" at /properties/a points outside the schema (nothing is fetched)'
      )
      expect(await checkPayload(schema, { a: 1 })).toMatchObject({ kind: 'unusable' })
      expect(remote.isDone()).toBe(false)
      expect(fetchSpy).not.toHaveBeenCalled()
    } finally {
      fetchSpy.mockRestore()
      nock.cleanAll()
    }
  })

  it.each([
    ['a relative document', { $ref: 'other.json' }, 'other.json'],
    ['an unreadable URI', { $ref: 'http://[bad' }, 'http://[bad'],
    [
      'another document of the same site',
      { $id: 'https://a.example/e.json', $ref: 'x.json' },
      'x.json'
    ],
    [
      'a document named like an embedded $id on another site',
      { $defs: { x: { $id: 'https://a.example/x.json' } }, $ref: 'https://b.example/x.json' },
      'https://b.example/x.json'
    ]
  ])('does not use a schema whose $ref names %s', async (_, schema, ref) => {
    expect(await reason(schema)).toBe(
      `the $ref "${ref}" at / points outside the schema (nothing is fetched)`
    )
  })

  it('uses a $ref to a document the schema holds under its $id', async () => {
    const schema = {
      $id: 'https://a.example/event.json',
      properties: { when: { $ref: 'time.json' }, who: { $ref: 'https://a.example/person.json' } },
      $defs: {
        time: { $id: 'time.json', type: 'string', format: 'date-time' },
        person: { $id: 'https://a.example/person.json', type: 'object', required: ['name'] }
      }
    }
    expect(usableSchema(schema)).toEqual({ ok: true, draft: '2020-12' })
    expect(await violations(schema, { when: 'noon', who: {} })).toEqual([
      { pointer: '/when', message: 'must match format date-time' },
      { pointer: '/who', message: 'missing required property name' }
    ])
  })

  it('does not use a schema whose $ref points to nothing in it', async () => {
    const schema = { properties: { a: { $ref: '#/$defs/missing' } }, $defs: {} }
    expect(usableSchema(schema).ok).toBe(true)
    expect(await checkPayload(schema, {})).toEqual({
      kind: 'unusable',
      reason: 'the $ref "#/$defs/missing" at /properties/a points to nothing in the schema'
    })
  })

  it('does not use a schema that gives two parts the same $id', async () => {
    const schema = {
      $defs: { a: { $id: 'https://a.example/x.json' }, b: { $id: 'https://a.example/x.json' } }
    }
    expect(await checkPayload(schema, {})).toEqual({
      kind: 'unusable',
      reason: 'the schema gives two of its parts the same $id'
    })
  })

  it.each([
    [{ properties: { a: { $ref: 5 } } }, 'the $ref at /properties/a is not a string'],
    [{ $id: 'http://[bad' }, 'the $id at / is not a URI reference'],
    [{ type: 'text' }, 'the type at /type is not a JSON type or a list of them'],
    [{ type: ['string', 7] }, 'the type at /type is not a JSON type or a list of them'],
    [{ enum: 'a' }, 'the enum at /enum is not a list'],
    [{ required: 'name' }, 'the required at /required is not a list of names'],
    [
      { dependentRequired: { a: 'b' } },
      'the dependentRequired at /dependentRequired is not an object of name lists'
    ],
    [{ minimum: '3' }, 'the minimum at /minimum is not a number'],
    [{ maxLength: null }, 'the maxLength at /maxLength is not a number'],
    [{ exclusiveMaximum: '3' }, 'the exclusiveMaximum at /exclusiveMaximum is not a number'],
    [{ multipleOf: 0 }, 'the multipleOf at /multipleOf is not a positive number'],
    [{ items: { pattern: '(' } }, 'the pattern at /items/pattern is not a regular expression'],
    [
      { patternProperties: { '[': {} } },
      'the patternProperties at /patternProperties has "[", not a regular expression'
    ],
    [{ properties: [] }, 'the properties at /properties is not an object'],
    [{ anyOf: { type: 'string' } }, 'the anyOf at /anyOf is not a list of schemas'],
    [{ properties: { a: 'string' } }, 'the schema at /properties/a is not a schema'],
    [{ items: [{}, 3] }, 'the schema at /items/1 is not a schema'],
    [{ $recursiveRef: '#/x' }, 'the $recursiveRef at /$recursiveRef is not "#"'],
    [
      { $dynamicRef: '#meta' },
      'the schema uses $dynamicRef (at /$dynamicRef), which this check cannot follow'
    ]
  ])('does not use %j', async (schema, expected) => {
    expect(await reason(schema)).toBe(expected)
  })

  it('reads $ref and the other keywords only where a schema stands, not in data', () => {
    const schema = {
      properties: { $ref: { type: 'string' }, type: { const: { type: 'weird', $ref: 'x:y' } } },
      default: { $ref: 'https://evil.example/x.json' },
      examples: [{ type: 'nonsense' }],
      enum: [{ $ref: 'https://evil.example/x.json' }, { type: 'object' }]
    }
    expect(usableSchema(schema)).toEqual({ ok: true, draft: '2020-12' })
  })

  it('leaves the schema it was given as it was', async () => {
    const schema = {
      $defs: { s: { type: 'string', format: 'hostname' } },
      properties: { a: { $ref: '#/$defs/s' } },
      additionalProperties: false
    }
    const before = structuredClone(schema)
    await checkPayload(schema, { a: 1, b: 2 })
    expect(schema).toEqual(before)
    expect(Object.getOwnPropertyNames(schema.properties.a)).toEqual(['$ref'])
  })
})

describe('what a payload that breaks the schema is told', () => {
  const release = {
    type: 'object',
    required: ['version', 'notes'],
    properties: {
      version: { type: 'string', pattern: '^v\\d+\\.\\d+\\.\\d+$' },
      notes: { type: 'string', maxLength: 10 },
      channel: { enum: ['stable', 'beta'] }
    },
    additionalProperties: false
  }

  it('passes a payload that matches', async () => {
    const check: PayloadCheck = await checkPayload(release, {
      version: 'v1.2.3',
      notes: 'fixes',
      channel: 'beta'
    })
    expect(check).toEqual({ kind: 'valid' })
  })

  it('tells each violation as a JSON Pointer and what the schema wants there', async () => {
    expect(
      await violations(release, { version: 1.2, channel: 'nightly', extra: { x: 1 } })
    ).toEqual([
      { pointer: '/', message: 'missing required property notes' },
      { pointer: '/version', message: 'must be string' },
      { pointer: '/channel', message: 'must be one of "stable", "beta"' },
      { pointer: '/extra', message: 'is not an allowed property' }
    ])
  })

  it.each<[string, Json, unknown, string]>([
    ['type', { type: 'integer' }, 1.5, 'must be integer'],
    ['a list of types', { type: ['string', 'null'] }, 3, 'must be string or null'],
    ['three types', { type: ['string', 'number', 'null'] }, true, 'must be string, number or null'],
    ['const', { const: 'release' }, 'draft', 'must be "release"'],
    ['enum', { enum: ['a', 1, null] }, 'b', 'must be one of "a", 1, null'],
    [
      'a long enum',
      { enum: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] },
      'z',
      'must be one of "a", "b", "c", "d", "e", "f", "g", "h", … (10 in all)'
    ],
    ['minimum', { minimum: 3 }, 2, 'must be >= 3'],
    ['maximum', { maximum: 3 }, 4, 'must be <= 3'],
    ['exclusiveMinimum', { exclusiveMinimum: 3 }, 3, 'must be > 3'],
    ['exclusiveMaximum', { exclusiveMaximum: 3 }, 3, 'must be < 3'],
    ['multipleOf', { multipleOf: 0.5 }, 0.7, 'must be a multiple of 0.5'],
    ['minLength', { minLength: 3 }, 'ab', 'must have at least 3 characters'],
    ['maxLength', { maxLength: 1 }, 'ab', 'must have at most 1 character'],
    ['pattern', { pattern: '^v\\d+$' }, 'x1', 'must match pattern ^v\\d+$'],
    ['minItems', { minItems: 1 }, [], 'must have at least 1 item'],
    ['maxItems', { maxItems: 3 }, [1, 2, 3, 4], 'must have at most 3 items'],
    ['uniqueItems', { uniqueItems: true }, [1, 1], 'must not have duplicate items'],
    [
      'contains',
      { contains: { type: 'string' } },
      [1],
      'must contain an item that matches its contains schema'
    ],
    [
      'minContains',
      { contains: { type: 'string' }, minContains: 2 },
      ['a', 1],
      'must contain at least 2 items matching its contains schema'
    ],
    [
      'maxContains',
      { contains: { type: 'string' }, maxContains: 1 },
      ['a', 'b'],
      'must contain at most 1 item matching its contains schema'
    ],
    ['minProperties', { minProperties: 2 }, { a: 1 }, 'must have at least 2 properties'],
    ['maxProperties', { maxProperties: 1 }, { a: 1, b: 2 }, 'must have at most 1 property'],
    ['not', { not: { type: 'string' } }, 'a', 'must not match its not schema']
  ])('says what %s wants', async (_, wants, value, message) => {
    expect(await violations({ properties: { v: wants } }, { v: value })).toEqual([
      { pointer: '/v', message }
    ])
  })

  it('tells a property missing for dependentRequired and for draft-07 dependencies', async () => {
    const expected = [
      { pointer: '/', message: 'missing property zip, required when city is present' }
    ]
    expect(await violations({ dependentRequired: { city: ['zip'] } }, { city: 'x' })).toEqual(
      expected
    )
    const draft7 = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      dependencies: { city: ['zip'] }
    }
    expect(await violations(draft7, { city: 'x' })).toEqual(expected)
  })

  it('reads draft 4 exclusiveMinimum and exclusiveMaximum as flags on minimum and maximum', async () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      properties: {
        low: { minimum: 3, exclusiveMinimum: true },
        high: { maximum: 3, exclusiveMaximum: true }
      }
    }
    expect(await violations(schema, { low: 3, high: 3 })).toEqual([
      { pointer: '/low', message: 'must be > 3' },
      { pointer: '/high', message: 'must be < 3' }
    ])
  })

  it('reads a draft 6 schema as draft 7 would', async () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-06/schema#',
      properties: { v: { const: 2 } }
    }
    expect(await violations(schema, { v: 1 })).toEqual([{ pointer: '/v', message: 'must be 2' }])
  })

  it('picks the draft from $schema: before 2019-09, keywords beside a $ref are ignored', async () => {
    const schema = {
      definitions: { s: { type: 'string' } },
      properties: { v: { $ref: '#/definitions/s', maxLength: 2 } }
    }
    const draft7 = { $schema: 'http://json-schema.org/draft-07/schema#', ...schema }
    expect(await checkPayload(draft7, { v: 'abcd' })).toEqual({ kind: 'valid' })
    expect(await violations(schema, { v: 'abcd' })).toEqual([
      { pointer: '/v', message: 'must have at most 2 characters' }
    ])
  })

  it.each([
    ['date-time', '2025-06-02T12:00:00Z', '2025-06-02 noon'],
    ['date', '2025-06-02', '2025-02-30'],
    ['email', 'ops@acme.example', 'ops at acme'],
    ['uri', 'https://acme.example/releases/1', 'releases/1'],
    ['uuid', '0b4f7c5e-8d4b-4d55-9d2e-3c1f0a6b7e21', '0b4f7c5e-8d4b'],
    ['ipv4', '192.0.2.10', '192.0.2.300'],
    ['ipv6', '2001:db8::1', '2001:db8:::1']
  ])('checks format %s', async (format, good, bad) => {
    const schema = { properties: { v: { type: 'string', format } } }
    expect(await checkPayload(schema, { v: good })).toEqual({ kind: 'valid' })
    expect(await violations(schema, { v: bad })).toEqual([
      { pointer: '/v', message: `must match format ${format}` }
    ])
  })

  it.each(['hostname', 'time', 'regex', 'duration', 'uri-reference', 'hasOwnProperty', 'x-custom'])(
    'ignores format %s',
    async format => {
      const schema = { properties: { v: { format }, w: { anyOf: [{ format }, { type: 'null' }] } } }
      expect(await checkPayload(schema, { v: '(( not it', w: '(( not it' })).toEqual({
        kind: 'valid'
      })
    }
  )

  it('checks the payload as the JSON that is sent', async () => {
    const schema = { properties: { at: { type: 'string', format: 'date-time' } } }
    const at = new Date('2025-06-02T12:00:00Z') as unknown
    expect(await checkPayload(schema, { at })).toEqual({ kind: 'valid' })
  })

  it('points at the payload itself with /, and escapes ~ and / in names (RFC 6901)', async () => {
    const schema = {
      type: 'object',
      properties: {
        'a/b': { properties: { 'c~d': { type: 'string' }, 'e f%': { type: 'string' } } }
      }
    }
    expect(await violations(schema, [] as unknown as Json)).toEqual([
      { pointer: '/', message: 'must be object' }
    ])
    expect(await violations(schema, { 'a/b': { 'c~d': 1, 'e f%': 2 } })).toEqual([
      { pointer: '/a~1b/c~0d', message: 'must be string' },
      { pointer: '/a~1b/e f%', message: 'must be string' }
    ])
  })

  it('never quotes the payload: a secret-looking value appears in no message', async () => {
    const secret = 'ghp_S3cr3tT0k3nValue0123456789abcdef'
    const schema = {
      properties: Object.fromEntries(
        [
          { type: 'number' },
          { const: 'x' },
          { enum: ['a', 'b'] },
          { maxLength: 3 },
          { pattern: '^[0-9]+$' },
          { format: 'email' },
          { format: 'date-time' },
          { not: { type: 'string' } },
          { anyOf: [{ type: 'number' }, { const: 'y' }] },
          { oneOf: [{ type: 'string' }, { type: 'string' }] }
        ].map((wants, index) => [`p${index}`, wants])
      ),
      additionalProperties: false,
      propertyNames: { maxLength: 2 }
    }
    const payload = Object.fromEntries(
      Array.from({ length: 10 }, (_, index) => [`p${index}`, secret])
    )
    const found = await violations(schema, { ...payload, extra: secret, list: [secret] })
    expect(found).toHaveLength(MAX_VIOLATIONS)
    for (const { pointer, message } of found) {
      expect(message).not.toContain(secret)
      expect(message).not.toContain('ghp_')
      expect(pointer).not.toContain(secret)
    }
  })

  it('lists at most 10 violations, in the order the schema names them', async () => {
    const schema = {
      properties: Object.fromEntries(
        Array.from({ length: 30 }, (_, index) => [`p${index}`, { type: 'string' }])
      )
    }
    const payload = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [`p${index}`, index])
    )
    expect(await violations(schema, payload)).toEqual(
      Array.from({ length: 10 }, (_, index) => ({
        pointer: `/p${index}`,
        message: 'must be string'
      }))
    )
  })

  it('tells a violation reached two ways once', async () => {
    const schema = {
      allOf: [{ required: ['a'] }, { required: ['a'] }, { properties: { b: { type: 'string' } } }],
      properties: { b: { type: 'string' } }
    }
    expect(await violations(schema, { b: 1 })).toEqual([
      { pointer: '/', message: 'missing required property a' },
      { pointer: '/b', message: 'must be string' }
    ])
  })

  it('tells what a property name must be under propertyNames', async () => {
    expect(await violations({ propertyNames: { pattern: '^[a-z]+$' } }, { ok: 1, Bad: 2 })).toEqual(
      [{ pointer: '/Bad', message: 'property name must match pattern ^[a-z]+$' }]
    )
  })
})

describe('arrays, references and choices', () => {
  it('checks a draft-07 tuple: items as a list, then additionalItems', async () => {
    const tuple = (additionalItems: unknown) => ({
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: {
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems }
      }
    })
    expect(await checkPayload(tuple(false), { pair: ['a', 1] })).toEqual({ kind: 'valid' })
    expect(await violations(tuple(false), { pair: [1, 'b', null] })).toEqual([
      { pointer: '/pair/0', message: 'must be string' },
      { pointer: '/pair/1', message: 'must be integer' },
      { pointer: '/pair/2', message: 'is not an allowed item' }
    ])
    expect(await violations(tuple({ type: 'boolean' }), { pair: ['a', 1, true, 'x'] })).toEqual([
      { pointer: '/pair/3', message: 'must be boolean' }
    ])
  })

  it('checks a 2020-12 prefixItems without $schema', async () => {
    const schema = {
      properties: { pair: { prefixItems: [{ type: 'string' }, { enum: [1, 2] }], items: false } }
    }
    expect(await checkPayload(schema, { pair: ['a', 2] })).toEqual({ kind: 'valid' })
    expect(await violations(schema, { pair: [1, 3, 'extra'] })).toEqual([
      { pointer: '/pair/0', message: 'must be string' },
      { pointer: '/pair/1', message: 'must be one of 1, 2' },
      { pointer: '/pair/2', message: 'is not an allowed item' }
    ])
  })

  it('follows a recursive $ref to the root down a tree', async () => {
    const node = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#' } } }
    }
    const tree = {
      name: 'root',
      children: [{ name: 'a', children: [{ name: 'b' }, { name: 7 }, { children: [] }] }]
    }
    expect(await violations(node, tree)).toEqual([
      { pointer: '/children/0/children/1/name', message: 'must be string' },
      { pointer: '/children/0/children/2', message: 'missing required property name' }
    ])
  })

  it('follows $refs into $defs and into draft-07 definitions', async () => {
    const defs = {
      $defs: { semver: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' } },
      properties: { version: { $ref: '#/$defs/semver' } }
    }
    const definitions = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: { semver: { $id: '#semver', type: 'string', minLength: 5 } },
      properties: { version: { $ref: '#semver' } }
    }
    expect(await violations(defs, { version: '1.2' })).toEqual([
      { pointer: '/version', message: 'must match pattern ^\\d+\\.\\d+\\.\\d+$' }
    ])
    expect(await violations(definitions, { version: '1.2' })).toEqual([
      { pointer: '/version', message: 'must have at least 5 characters' }
    ])
  })

  it('tells a nullable value (anyOf of types) by the types it may be', async () => {
    const schema = {
      $defs: { when: { type: 'string' } },
      properties: { v: { anyOf: [{ $ref: '#/$defs/when' }, { type: 'null' }] } }
    }
    expect(await violations(schema, { v: 5 })).toEqual([
      { pointer: '/v', message: 'must be string or null' }
    ])
  })

  it('tells the failures of the one branch of an anyOf the value was meant for', async () => {
    const schema = {
      properties: { v: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] } }
    }
    expect(await violations(schema, { v: 'yesterday' })).toEqual([
      { pointer: '/v', message: 'must match format date-time' }
    ])
  })

  it('tells a failed oneOf as one violation when no branch is clearly meant', async () => {
    const schema = {
      oneOf: [
        { type: 'object', required: ['tag'] },
        { type: 'object', required: ['sha'] }
      ]
    }
    expect(await violations(schema, { ref: 'main' })).toEqual([
      { pointer: '/', message: 'must match exactly one of the 2 schemas in oneOf' }
    ])
    expect(await violations(schema, { tag: 'v1', sha: 'abc' })).toEqual([
      { pointer: '/', message: 'must match exactly one of the 2 schemas in oneOf, not 2' }
    ])
    expect(await violations({ anyOf: schema.oneOf }, {})).toEqual([
      { pointer: '/', message: 'must match at least one of the 2 schemas in anyOf' }
    ])
  })

  it('tells each item that breaks the same anyOf at its own pointer', async () => {
    const schema = {
      properties: {
        list: { items: { anyOf: [{ type: 'string' }, { type: 'object', required: ['id'] }] } }
      }
    }
    expect(await violations(schema, { list: [1, 'ok', {}, true] })).toEqual([
      { pointer: '/list/0', message: 'must be string or object' },
      { pointer: '/list/2', message: 'missing required property id' },
      { pointer: '/list/3', message: 'must be string or object' }
    ])
  })

  it('tells what a false schema refuses by where it stands', async () => {
    const schema = {
      properties: { gone: false },
      patternProperties: { '^x-': false },
      not: { required: ['forbidden'] },
      if: { required: ['a'] },
      then: false
    }
    expect(await violations(schema, { gone: 1, 'x-y': 2 })).toEqual([
      { pointer: '/gone', message: 'is not an allowed property' },
      { pointer: '/x-y', message: 'is not an allowed property' }
    ])
    expect(await violations(schema, { a: 1 })).toEqual([
      { pointer: '/', message: 'is not allowed here' }
    ])
  })
})

describe('what the validator finds where the drafts put nothing', () => {
  it('follows a 2019-09 $recursiveRef down a tree', async () => {
    const tree = {
      $schema: 'https://json-schema.org/draft/2019-09/schema',
      $id: 'https://a.example/tree.json',
      $recursiveAnchor: true,
      type: 'object',
      properties: { name: { type: 'string' }, kids: { items: { $recursiveRef: '#' } } }
    }
    expect(await violations(tree, { name: 'r', kids: [{ kids: [{ name: 2 }] }] })).toEqual([
      { pointer: '/kids/0/kids/0/name', message: 'must be string' }
    ])
  })

  it('follows a $ref into an unknown keyword, as OpenAPI components are, by the same rules', async () => {
    const schema = {
      components: {
        schemas: {
          Host: { type: 'string', format: 'hostname' },
          When: { type: 'string', format: 'date-time' },
          Closed: { properties: { a: false } }
        }
      },
      properties: {
        host: { $ref: '#/components/schemas/Host' },
        when: { $ref: '#/components/schemas/When' },
        closed: { $ref: '#/components/schemas/Closed' }
      }
    }
    expect(usableSchema(schema).ok).toBe(true)
    expect(
      await violations(schema, { host: '(( not a host', when: 'noon', closed: { a: 1 } })
    ).toEqual([
      { pointer: '/when', message: 'must match format date-time' },
      { pointer: '/closed/a', message: 'is not an allowed property' }
    ])
    const leaking = { components: { x: { $ref: 'https://evil.example/x.json' } } }
    expect(await reason(leaking)).toBe(
      'the $ref "https://evil.example/x.json" at /components/x points outside the schema (nothing is fetched)'
    )
  })

  it('lets an unknown keyword hold anything', async () => {
    const schema = { 'x-ui': { required: true, type: 'widget', items: 3 }, type: 'object' }
    expect(usableSchema(schema)).toEqual({ ok: true, draft: '2020-12' })
    expect(await checkPayload(schema, {})).toEqual({ kind: 'valid' })
  })

  it('gives up on a payload nested too deep for a recursive schema', async () => {
    let payload: Json = {}
    for (let level = 0; level < 20_000; level++) payload = { a: payload }
    expect(await checkPayload({ properties: { a: { $ref: '#' } } }, payload)).toEqual({
      kind: 'unusable',
      reason: 'the payload nests too deep to check against this schema'
    })
  })

  it('gives up, saying why, when the validator fails', async () => {
    const payload = JSON.parse('{"\\ud800": 1}') as Json
    expect(await checkPayload({ additionalProperties: { type: 'string' } }, payload)).toEqual({
      kind: 'unusable',
      reason: 'the check failed: URI malformed'
    })
  })
})
