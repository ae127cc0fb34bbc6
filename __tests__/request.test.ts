// The trigger request as one value: what is sent and what a dry run prints are the same object.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  DEFAULT_BASE_URL,
  Paths,
  printRequest,
  triggerRequest,
  USER_AGENT
} from '../src/core/request.js'
import { TEST_API_KEY } from './helpers/common.js'

const VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8')
).version

/** Everything of a trigger but the account, its key and the payload. */
interface Target {
  baseUrl: string
  apiKey: string
  event: string
  configId?: string
  slug?: string
}

const target: Target = {
  baseUrl: 'https://api.gocobalt.io',
  apiKey: TEST_API_KEY,
  event: 'Release Published'
}
const KEY = 'octo/shop/42/1/release/notify/Release%20Published/acme-corp'
const PAYLOAD = '{"version":"1.2.3","notes":"fix: \\"quoted\\"\\nline 2","n":[1,2.5,null]}'
const TAG = 'octo/shop/42/1/release/notify/acme-corp'

function build(t: Target, account: string, idempotencyKey: string, payloadJson: string) {
  const { baseUrl, apiKey, event, configId, slug } = t
  return triggerRequest(
    { baseUrl, apiKey },
    { event, configId, slug, account, idempotencyKey, instanceTag: TAG, payloadJson }
  )
}

describe('triggerRequest', () => {
  it('POSTs to {base_url}/api/v2/public/event', () => {
    const request = build(target, 'acme-corp', KEY, PAYLOAD)
    expect(request.method).toBe('POST')
    expect(request.url).toBe('https://api.gocobalt.io/api/v2/public/event')
    expect(Paths.TriggerEvent).toBe('/api/v2/public/event')
    expect(DEFAULT_BASE_URL).toBe('https://api.gocobalt.io')
  })

  it('joins a base_url path prefix and port with the path, without a double slash', () => {
    const request = build(
      { ...target, baseUrl: 'https://refold.acme.internal:8443/refold' },
      'acme-corp',
      KEY,
      PAYLOAD
    )
    expect(request.url).toBe('https://refold.acme.internal:8443/refold/api/v2/public/event')
  })

  it('sends every header of the contract, in its order, without config_id or slug when unset', () => {
    const request = build(target, 'acme-corp', KEY, PAYLOAD)
    expect(Object.entries(request.headers)).toEqual([
      ['x-api-key', TEST_API_KEY],
      ['linked_account_id', 'acme-corp'],
      ['content-type', 'application/json'],
      ['accept', 'application/json'],
      ['user-agent', `refold-trigger/${VERSION}`],
      ['Idempotency-Key', KEY],
      ['instance_tag', TAG]
    ])
    expect(USER_AGENT).toBe(`refold-trigger/${VERSION}`)
  })

  it('sends config_id and slug, in the contract order, when they are set', () => {
    const request = build(
      { ...target, configId: 'cfg-7', slug: 'hubspot' },
      'acme-corp',
      KEY,
      PAYLOAD
    )
    expect(Object.keys(request.headers)).toEqual([
      'x-api-key',
      'linked_account_id',
      'config_id',
      'slug',
      'content-type',
      'accept',
      'user-agent',
      'Idempotency-Key',
      'instance_tag'
    ])
    expect(request.headers.config_id).toBe('cfg-7')
    expect(request.headers.slug).toBe('hubspot')
  })

  it.each([
    ['only config_id', { configId: 'cfg-7' }, ['config_id'], ['slug']],
    ['only slug', { slug: 'hubspot' }, ['slug'], ['config_id']],
    ['both empty', { configId: '', slug: '' }, [], ['config_id', 'slug']]
  ] as const)('with %s, sends exactly the headers that are set', (_, set, present, absent) => {
    const { headers } = build({ ...target, ...set }, 'acme-corp', KEY, PAYLOAD)
    for (const name of present) expect(headers).toHaveProperty(name)
    for (const name of absent) expect(headers).not.toHaveProperty(name)
  })

  it('sends the account and the key it is given, for each account of a fan-out', () => {
    const a = build(target, 'acme', `${KEY}-a`, PAYLOAD)
    const b = build(target, 'globex', `${KEY}-b`, PAYLOAD)
    expect([a.headers.linked_account_id, a.headers['Idempotency-Key']]).toEqual([
      'acme',
      `${KEY}-a`
    ])
    expect([b.headers.linked_account_id, b.headers['Idempotency-Key']]).toEqual([
      'globex',
      `${KEY}-b`
    ])
  })

  it('sends the body as exactly {"event":…,"payload":…}, the payload JSON embedded as given', () => {
    const request = build({ ...target, event: 'Déploiement "prod"\n✓' }, 'acme-corp', KEY, PAYLOAD)
    expect(request.body).toBe(`{"event":"Déploiement \\"prod\\"\\n✓","payload":${PAYLOAD}}`)
    expect(JSON.parse(request.body!)).toEqual({
      event: 'Déploiement "prod"\n✓',
      payload: JSON.parse(PAYLOAD)
    })
  })

  it('embeds the payload text as is, not re-serialized', () => {
    // Key order and number spelling are kept exactly as the payload was serialized once.
    const payload = '{"b":1.50e2,"a":{}}'
    expect(build(target, 'acme-corp', KEY, payload).body).toBe(
      `{"event":"Release Published","payload":{"b":1.50e2,"a":{}}}`
    )
  })
})

describe('printRequest', () => {
  it('prints the method, URL, every header with the key masked, and the body pretty', () => {
    const request = build({ ...target, configId: 'cfg-7' }, 'acme-corp', KEY, '{"a":[1]}')
    expect(printRequest(request)).toBe(
      [
        'POST https://api.gocobalt.io/api/v2/public/event',
        'x-api-key: ***',
        'linked_account_id: acme-corp',
        'config_id: cfg-7',
        'content-type: application/json',
        'accept: application/json',
        `user-agent: refold-trigger/${VERSION}`,
        `Idempotency-Key: ${KEY}`,
        `instance_tag: ${TAG}`,
        '',
        '{',
        '  "event": "Release Published",',
        '  "payload": {',
        '    "a": [',
        '      1',
        '    ]',
        '  }',
        '}'
      ].join('\n')
    )
  })

  it('never prints the api key', () => {
    const text = printRequest(build(target, 'acme-corp', KEY, PAYLOAD))
    expect(text).not.toContain(TEST_API_KEY)
    expect(text).toContain('x-api-key: ***')
  })

  it('says the key is not set in a dry run without one', () => {
    const text = printRequest(build({ ...target, apiKey: '' }, 'acme-corp', KEY, PAYLOAD))
    expect(text).toContain('x-api-key: (not set)')
    expect(text).not.toContain('***')
  })

  it('prints a GET without a body', () => {
    expect(
      printRequest({
        method: 'GET',
        url: 'https://x.test/a',
        headers: { accept: 'application/json' }
      })
    ).toBe('GET https://x.test/a\naccept: application/json')
  })

  it('prints the very request that is sent: each of its headers, the URL and the body', () => {
    const request = build(
      { ...target, configId: 'cfg-7', slug: 'hubspot' },
      'acme-corp',
      KEY,
      PAYLOAD
    )
    const printed = printRequest(request)
    const lines = printed.split('\n')
    expect(lines[0]).toBe(`${request.method} ${request.url}`)
    for (const [name, value] of Object.entries(request.headers)) {
      expect(lines).toContain(name === 'x-api-key' ? `${name}: ***` : `${name}: ${value}`)
    }
    // Exactly the headers sent: nothing printed that is not sent.
    expect(lines.slice(1, lines.indexOf(''))).toHaveLength(Object.keys(request.headers).length)
    const body = lines.slice(lines.indexOf('') + 1).join('\n')
    expect(JSON.parse(body)).toEqual(JSON.parse(request.body!))
  })
})
