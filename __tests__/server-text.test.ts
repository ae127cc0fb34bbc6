// Server text made safe to keep: the key redacted, the length bounded, never half a character.
import { describe, expect, it } from '@jest/globals'
import { cutText, dropSecretPrefix, redact, responseOutput } from '../src/core/server-text.js'

describe('redact', () => {
  it('replaces every occurrence of the key, and its JSON-escaped and percent-encoded forms', () => {
    const key = 'pk/"x"'
    expect(redact(`a ${key} b ${JSON.stringify(key)} c ${encodeURIComponent(key)}`, [key])).toBe(
      'a *** b "***" c ***'
    )
  })

  it('ignores an empty secret', () => {
    expect(redact('text', [''])).toBe('text')
  })
})

describe('dropSecretPrefix', () => {
  it('replaces a tail that starts the key, and leaves other text alone', () => {
    expect(dropSecretPrefix('body pk_live_12', ['pk_live_123456'])).toBe('body ***')
    expect(dropSecretPrefix('body pk_', ['pk_live_123456'])).toBe('body pk_')
    expect(dropSecretPrefix('plain body', ['pk_live_123456'])).toBe('plain body')
  })
})

describe('cutText', () => {
  it('keeps a text within the limit as it is', () => {
    expect(cutText('héllo', 6)).toBe('héllo')
  })

  it('cuts at a byte limit, never inside a character, and adds the note', () => {
    expect(cutText('aé🚀b', 4, '…')).toBe('aé…')
    expect(cutText('aé🚀b', 2, '…')).toBe('a…')
  })
})

describe('responseOutput', () => {
  it('caps the response output at 64 KiB with a note', () => {
    const output = responseOutput('r'.repeat(200_000))
    expect(output.startsWith('r'.repeat(65_536))).toBe(true)
    expect(output.slice(65_536)).toBe(
      '\n[refold-trigger: the response output is cut at 64 KiB; the answer was longer]'
    )
    expect(responseOutput('{"message":"ok"}')).toBe('{"message":"ok"}')
  })
})
