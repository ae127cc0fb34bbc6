// The action door's inputs: read through @actions/core, the generated Idempotency-Key's shared part
// and the instance tag made of the run's coordinates, and where the results file goes.
import { describe, expect, it, jest } from '@jest/globals'
import {
  actionInputs,
  actionNaming,
  deriveIdempotencyKey,
  resultsFilePath,
  runAttemptTag
} from '../src/action/inputs.js'
import { readSettings } from '../src/core/settings.js'

const env = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '123',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'release',
  GITHUB_ACTION: 'notify'
}

describe('deriveIdempotencyKey', () => {
  it('is the same for every attempt of one step and for a re-run; differs for another step', () => {
    const key = deriveIdempotencyKey(env, 'Release Published')
    expect(deriveIdempotencyKey({ ...env }, 'Release Published')).toBe(key)
    expect(
      deriveIdempotencyKey({ ...env, GITHUB_ACTION: 'notify2' }, 'Release Published')
    ).not.toBe(key)
    // "Re-run jobs" must send the same key, so Refold can drop the repeat.
    expect(deriveIdempotencyKey({ ...env, GITHUB_RUN_ATTEMPT: '3' }, 'Release Published')).toBe(key)
  })

  it('is the run coordinates and the event, in the contract order, without the run attempt', () => {
    expect(deriveIdempotencyKey(env, 'Release Published')).toBe(
      'acme/shop/123/release/notify/Release%20Published'
    )
  })

  it('percent-encodes the event name so the header stays ASCII', () => {
    expect(deriveIdempotencyKey(env, 'Déploiement / prod ✓')).toBe(
      `acme/shop/123/release/notify/${encodeURIComponent('Déploiement / prod ✓')}`
    )
    expect(deriveIdempotencyKey(env, 'Déploiement / prod ✓')).toMatch(/^[\x20-\x7e]+$/)
  })

  it('leaves a coordinate the runner did not set empty rather than "undefined"', () => {
    expect(deriveIdempotencyKey({ GITHUB_REPOSITORY: 'acme/shop' }, 'E')).toBe('acme/shop////E')
  })
})

describe('runAttemptTag', () => {
  it('tells one run attempt from another, unlike the key', () => {
    expect(runAttemptTag(env)).toBe('acme/shop/123/2/release/notify')
    expect(runAttemptTag({ ...env, GITHUB_RUN_ATTEMPT: '3' })).not.toBe(runAttemptTag(env))
  })
})

describe('resultsFilePath', () => {
  it('is in RUNNER_TEMP, named after the run and the step', () => {
    expect(resultsFilePath({ ...env, RUNNER_TEMP: '/tmp/runner' })).toBe(
      '/tmp/runner/refold-results-123-notify.jsonl'
    )
  })
})

describe('actionInputs', () => {
  it('reads inputs through getInput and masks the key through setSecret', () => {
    const inputs: Record<string, string> = {
      api_key: 'pk_live_0123456789abcdef',
      event: 'Release Published',
      linked_account_id: 'acme'
    }
    const core = {
      getInput: (name: string) => inputs[name] ?? '',
      setSecret: jest.fn<(secret: string) => void>(),
      debug: jest.fn<(message: string) => void>()
    }
    const settings = readSettings(actionInputs(core), actionNaming)
    expect(settings.event).toBe('Release Published')
    expect(settings.idempotencyKey).toBeUndefined()
    expect(core.setSecret).toHaveBeenCalledWith('pk_live_0123456789abcdef')
  })
})
