// The hints added to a refused event: what to check next, never the key itself.
import { actionNaming } from '../src/action/inputs.js'
import { describe, it, expect } from '@jest/globals'
import { closestEventNames, hintFor } from '../src/core/hints.js'
import { apiError } from './helpers/common.js'

const unauthorized = apiError(401, {
  httpErrorType: 'UNAUTHORIZED',
  errorCode: 'SERVER_ERROR',
  refoldMessage: 'Invalid Credentials'
})

describe('hintFor', () => {
  it('says a 401 was sent a production key for a pk… key, without the key', () => {
    const key = 'pk_live_5a4b3c2d1e0f9a8b'
    const hint = hintFor(unauthorized, key, actionNaming)
    expect(hint).toContain('api_key')
    expect(hint).toMatch(/production key/)
    expect(hint).not.toMatch(/test key/)
    expect(hint).not.toContain(key)
    expect(hint).not.toContain('5a4b3c2d1e0f9a8b')
  })

  it('says a 401 was sent a test key for a tk… key, without the key', () => {
    const key = 'tk_test_0f9e8d7c6b5a4321'
    const hint = hintFor(unauthorized, key, actionNaming)
    expect(hint).toContain('api_key')
    expect(hint).toMatch(/test key/)
    expect(hint).not.toMatch(/a production key/)
    expect(hint).not.toContain(key)
    expect(hint).not.toContain('0f9e8d7c6b5a4321')
  })

  it('says a 401 was sent neither kind of key for any other key, without the key', () => {
    const key = 'sk-abcdef0123456789'
    const hint = hintFor(unauthorized, key, actionNaming)
    expect(hint).toContain('api_key')
    expect(hint).toMatch(/neither/)
    expect(hint).not.toContain(key)
    expect(hint).not.toContain('abcdef0123456789')
  })

  it.each(['pk_live_5a4b3c2d1e0f9a8b', 'tk_test_0f9e8d7c6b5a4321', 'sk-abcdef0123456789'])(
    'says a 401 key (%s) may be wrong, revoked, or from the other environment (pk production / tk test)',
    key => {
      const hint = hintFor(unauthorized, key, actionNaming)!
      expect(hint).toMatch(/wrong, revoked, or from the other Refold environment/)
      expect(hint).toContain('pk… production, tk… test')
    }
  )

  it('tells the three key kinds apart', () => {
    const hints = ['pk_1234567890', 'tk_1234567890', 'xx_1234567890'].map(key =>
      hintFor(unauthorized, key, actionNaming)
    )
    expect(new Set(hints).size).toBe(3)
  })

  it('says event names must match exactly for a 404 INVALID_EVENT', () => {
    const hint = hintFor(
      apiError(404, {
        httpErrorType: 'NOT_FOUND',
        errorCode: 'INVALID_EVENT',
        refoldMessage: 'Trigger not found'
      }),
      'pk_1234567890',
      actionNaming
    )
    expect(hint).toContain("'event'")
    expect(hint).toMatch(/exactly/)
    expect(hint).toMatch(/case/)
  })

  it('points a 404 that is not INVALID_EVENT at base_url and the linked account', () => {
    const hint = hintFor(apiError(404, { errorCode: 'NOT_FOUND' }), 'pk_1234567890', actionNaming)
    expect(hint).toContain("'base_url'")
    expect(hint).toContain("'linked_account_id'")
    expect(hint).not.toMatch(/event names/)
  })

  it('points a 400 or 422 at the payload', () => {
    for (const status of [400, 422]) {
      expect(hintFor(apiError(status), 'pk_1234567890', actionNaming)).toMatch(/payload/)
    }
  })

  it('gives any other 4xx a hint too', () => {
    expect(hintFor(apiError(409), 'pk_1234567890', actionNaming)).toContain("'event'")
  })

  it('says Refold is rate limiting for a 429', () => {
    const hint = hintFor(
      apiError(429, { refoldMessage: 'Too Many Requests' }),
      'pk_1234567890',
      actionNaming
    )
    expect(hint).toMatch(/rate limit/i)
    expect(hint).toContain("'retries'")
  })

  it('says Refold is rate limiting for a 403 "Rate Limit Hit"', () => {
    const hint = hintFor(
      apiError(403, { refoldMessage: 'Rate Limit Hit' }),
      'pk_1234567890',
      actionNaming
    )
    expect(hint).toMatch(/rate limit/i)
  })

  it('gives a plain 403 a permission hint, not a rate-limit one', () => {
    const hint = hintFor(
      apiError(403, { refoldMessage: 'Forbidden' }),
      'pk_1234567890',
      actionNaming
    )
    expect(hint).toBeDefined()
    expect(hint).not.toMatch(/rate limit/i)
    expect(hint).toContain("'linked_account_id'")
  })

  it('says redirects are not followed for a 3xx', () => {
    const hint = hintFor(apiError(301), 'pk_1234567890', actionNaming)
    expect(hint).toContain("'base_url'")
    expect(hint).toMatch(/redirect/)
  })

  it('has no hint for a server error, which is retried instead', () => {
    expect(hintFor(apiError(500), 'pk_1234567890', actionNaming)).toBeUndefined()
  })

  it('is appended to the error message by withHint', () => {
    const hint = hintFor(unauthorized, 'tk_1234567890', actionNaming)!
    const hinted = unauthorized.withHint(hint)
    expect(hinted.message).toContain(unauthorized.message)
    expect(hinted.message).toContain(hint)
    expect(hinted.message).not.toContain('tk_1234567890')
  })
})

describe('closestEventNames', () => {
  const events = [
    'Deploy Finished',
    'Release Published',
    'release published',
    'Release Publishd',
    'Relase Published',
    'Customer Created',
    'Invoice Paid'
  ]

  it('ranks a name that differs only in case first', () => {
    expect(
      closestEventNames('RELEASE PUBLISHED', ['Release Publishd', 'Release Published'])[0]
    ).toBe('Release Published')
    expect(
      closestEventNames('release published', ['Relase Published', 'Release Published'])
    ).toEqual(['Release Published', 'Relase Published'])
  })

  it('finds names with small typos', () => {
    expect(closestEventNames('Release Publisehd', ['Release Published', 'Invoice Paid'])).toEqual([
      'Release Published'
    ])
    expect(closestEventNames('Deploy Finshed', ['Deploy Finished', 'Customer Created'])).toEqual([
      'Deploy Finished'
    ])
  })

  it('excludes unrelated names', () => {
    const found = closestEventNames('Release Published', events)
    expect(found).not.toContain('Deploy Finished')
    expect(found).not.toContain('Customer Created')
    expect(found).not.toContain('Invoice Paid')
    expect(closestEventNames('Order Shipped', events)).toEqual([])
  })

  it('returns at most 3 names, best first', () => {
    const found = closestEventNames('Release Publishe', events)
    expect(found).toHaveLength(3)
    // distance 1 ('Release Published', 'release published', 'Release Publishd') before distance 2
    expect(found).not.toContain('Relase Published')
    expect(found).toEqual(expect.arrayContaining(['Release Published', 'release published']))
  })

  it('returns nothing when there are no events', () => {
    expect(closestEventNames('Release Published', [])).toEqual([])
  })

  it('honours a smaller count', () => {
    expect(closestEventNames('Release Publishe', events, 1)).toHaveLength(1)
  })
})

describe('hints in the command line’s words', () => {
  it('name the flags and REFOLD_API_KEY, not action inputs', async () => {
    const { cliNaming } = await import('../src/cli/main.js')
    expect(hintFor(unauthorized, 'tk_1234567890', cliNaming)).toMatch(/^Check REFOLD_API_KEY: /)
    expect(hintFor(apiError(404, { errorCode: 'NOT_FOUND' }), 'pk_1', cliNaming)).toBe(
      "Check that --base-url is the Refold API's origin and that --linked-account-id exists in " +
        'the environment of REFOLD_API_KEY.'
    )
    expect(hintFor(apiError(429), 'pk_1', cliNaming)).toContain('raise --retries')
  })
})
