// The action door's inputs: the core's Settings, and the generated Idempotency-Key's shared part
// made of the run's coordinates.
import { describe, expect, it, jest } from '@jest/globals'
import { deriveIdempotencyKey, readActionSettings } from '../src/action/inputs.js'

const env = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '123',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'release',
  GITHUB_ACTION: 'notify'
}

describe('deriveIdempotencyKey', () => {
  it('is the same for every attempt of one step and differs for another step or a re-run', () => {
    const key = deriveIdempotencyKey(env, 'Release Published')
    expect(deriveIdempotencyKey({ ...env }, 'Release Published')).toBe(key)
    expect(
      deriveIdempotencyKey({ ...env, GITHUB_ACTION: 'notify2' }, 'Release Published')
    ).not.toBe(key)
    expect(deriveIdempotencyKey({ ...env, GITHUB_RUN_ATTEMPT: '3' }, 'Release Published')).not.toBe(
      key
    )
  })

  it('is the run coordinates and the event, in the contract order', () => {
    expect(deriveIdempotencyKey(env, 'Release Published')).toBe(
      'acme/shop/123/2/release/notify/Release%20Published'
    )
  })

  it('percent-encodes the event name so the header stays ASCII', () => {
    expect(deriveIdempotencyKey(env, 'Déploiement / prod ✓')).toBe(
      `acme/shop/123/2/release/notify/${encodeURIComponent('Déploiement / prod ✓')}`
    )
    expect(deriveIdempotencyKey(env, 'Déploiement / prod ✓')).toMatch(/^[\x20-\x7e]+$/)
  })

  it('leaves a coordinate the runner did not set empty rather than "undefined"', () => {
    expect(deriveIdempotencyKey({ GITHUB_REPOSITORY: 'acme/shop' }, 'E')).toBe('acme/shop/////E')
  })
})

describe('readActionSettings', () => {
  it('reads the Settings and derives the key base from the environment, not process.env', () => {
    const inputs: Record<string, string> = {
      api_key: 'pk_live_0123456789abcdef',
      event: 'Release Published',
      linked_account_id: 'acme'
    }
    const { settings, keyBase } = readActionSettings(
      {
        getInput: name => inputs[name] ?? '',
        setSecret: jest.fn<(secret: string) => void>(),
        debug: jest.fn<(message: string) => void>()
      },
      env
    )
    expect(settings.event).toBe('Release Published')
    expect(settings.idempotencyKey).toBeUndefined()
    expect(keyBase).toBe('acme/shop/123/2/release/notify/Release%20Published')
  })
})
