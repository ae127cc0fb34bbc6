// The library door's own checks, before the core's: options must be an object, and a misspelt
// option is refused rather than silently replaced by its default. Nothing here reaches a network.
import { describe, expect, it } from '@jest/globals'
import { fire, InputError, type FireOptions } from '../src/lib.js'
import { rejection } from './helpers/common.js'

describe('fire() from the library', () => {
  it('refuses an unknown option, naming it and the options there are', async () => {
    const options = { event: 'Release Published', linkedAccounts: ['acme'], waitTimout: 60 }
    const error = await rejection(fire(options as FireOptions))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(
      /^Unknown option options\.waitTimout; the options are .*waitTimeout/
    )
  })

  it('refuses options that are not an object', async () => {
    const error = await rejection(fire(null as unknown as FireOptions))
    expect(error.message).toBe(
      'Invalid options: expected an object such as { event, linkedAccounts }.'
    )
  })

  it('checks typed options with the inputs’ rules, in the library’s words', async () => {
    const error = await rejection(
      fire({ apiKey: 'tk_x', event: 'E', linkedAccounts: ['a'], concurrency: 0 })
    )
    expect(error.message).toBe('Invalid options.concurrency: 0 is not a whole number from 1 to 20.')
    const missing = await rejection(fire({ event: 'E', linkedAccounts: ['a'] }))
    expect(missing.message).toBe(
      'Missing options.apiKey: pass options.apiKey, or set options.dryRun with named accounts.'
    )
  })
})
