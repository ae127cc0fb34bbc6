// Where a JSON payload first goes wrong, as the 1-based line and column an author can find.
import { describe, it, expect } from '@jest/globals'
import { locateJsonError, positionOf } from '../src/core/json-error.js'

describe('locateJsonError', () => {
  it('points at the value after a missing comma on line 3', () => {
    const text = ['{', '  "a": 1,', '  "b": 2 "c": 3', '}'].join('\n')
    expect(locateJsonError(text)).toEqual({ line: 3, column: 10 })
  })

  it('points at the start of the next line when the comma is missing at the end of line 3', () => {
    const text = ['{', '  "a": 1,', '  "b": 2', '  "c": 3', '}'].join('\n')
    expect(locateJsonError(text)).toEqual({ line: 4, column: 3 })
  })

  it('points at the closing brace after a trailing comma in an object', () => {
    expect(locateJsonError('{"a": 1,}')).toEqual({ line: 1, column: 9 })
    expect(locateJsonError('{\n  "a": 1,\n}')).toEqual({ line: 3, column: 1 })
  })

  it('points at the closing bracket after a trailing comma in an array', () => {
    expect(locateJsonError('[1, 2,]')).toEqual({ line: 1, column: 7 })
  })

  it('points at the end of the text for an unterminated string', () => {
    expect(locateJsonError('{"a": "abc')).toEqual({ line: 1, column: 11 })
  })

  it('points at the line break inside a string left open at the end of a line', () => {
    expect(locateJsonError('{\n  "a": "abc\n}')).toEqual({ line: 2, column: 12 })
  })

  it('points at the character after the backslash of a bad escape', () => {
    // JSON.parse agrees: "Bad escaped character in JSON at position 9"
    expect(locateJsonError('{"a": "x\\q"}')).toEqual({ line: 1, column: 10 })
    expect(locateJsonError('{\n  "a": "\\u12G4"\n}')).toEqual({ line: 2, column: 10 })
  })

  it('points at trailing garbage after the value', () => {
    expect(locateJsonError('{"a": 1} x')).toEqual({ line: 1, column: 10 })
    expect(locateJsonError('{"a": 1}\n}')).toEqual({ line: 2, column: 1 })
  })

  it('points at line 1, column 1 for an empty text', () => {
    expect(locateJsonError('')).toEqual({ line: 1, column: 1 })
  })

  it('points past the whitespace for a text of only whitespace', () => {
    expect(locateJsonError('  \n ')).toEqual({ line: 2, column: 2 })
  })

  it('points at single quotes and unquoted keys', () => {
    expect(locateJsonError("{'a': 1}")).toEqual({ line: 1, column: 2 })
    expect(locateJsonError('{\n  a: 1\n}')).toEqual({ line: 2, column: 3 })
  })

  it('points at a bad literal or number', () => {
    expect(locateJsonError('{"a": tru}')).toEqual({ line: 1, column: 7 })
    expect(locateJsonError('[01]')).toEqual({ line: 1, column: 3 })
    expect(locateJsonError('[1.]')).toEqual({ line: 1, column: 3 })
  })

  it('points at a raw control character inside a string', () => {
    expect(locateJsonError('["a\tb"]')).toEqual({ line: 1, column: 4 })
  })

  it('is undefined for valid nested objects and arrays', () => {
    const text = JSON.stringify(
      { a: { b: [1, { c: [[], {}, null, true, false] }], d: 'x' }, e: [] },
      null,
      2
    )
    expect(locateJsonError(text)).toBeUndefined()
    expect(locateJsonError('{}')).toBeUndefined()
    expect(locateJsonError('[]')).toBeUndefined()
  })

  it('is undefined for numbers with exponents and signs', () => {
    expect(locateJsonError('[1e10, -1.5E-3, 0.5e+2, 0, -0, 12.25, 3E2]')).toBeUndefined()
  })

  it('is undefined for unicode escapes and other escapes', () => {
    expect(
      locateJsonError(
        '{"e": "\\u00e9\\uD83D\\uDE00", "s": "\\"\\\\\\/\\b\\f\\n\\r\\t", "raw": "déjà 🚀"}'
      )
    ).toBeUndefined()
  })

  it('is undefined for a scalar and for surrounding whitespace', () => {
    expect(locateJsonError(' \r\n\t{"a": 1}\n ')).toBeUndefined()
    expect(locateJsonError('"text"')).toBeUndefined()
    expect(locateJsonError('42')).toBeUndefined()
  })

  it('agrees with JSON.parse on which texts are valid', () => {
    const texts = [
      '{"a": [1, 2, {"b": null}]}',
      '{"a": 1,}',
      '[1 2]',
      '{"a" 1}',
      '{"a": "\\x"}',
      '{"a": 1}}',
      '',
      '[-]',
      '[1e]',
      '{"a": -0.0e-0}',
      '"\\u0041"',
      'nul',
      '[true, false, null]'
    ]
    for (const text of texts) {
      let valid = true
      try {
        JSON.parse(text)
      } catch {
        valid = false
      }
      expect([text, locateJsonError(text) === undefined]).toEqual([text, valid])
    }
  })
})

describe('locateJsonError on absurdly deep nesting', () => {
  const depth = 100_000

  it('is undefined for 100,000 levels of valid nesting, without running out of stack', () => {
    expect(locateJsonError('['.repeat(depth) + ']'.repeat(depth))).toBeUndefined()
    expect(locateJsonError('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))).toBeUndefined()
  })

  it('points at the error after 100,000 levels of nesting', () => {
    const text = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth - 1) + ']'
    expect(locateJsonError(text)).toEqual({ line: 1, column: text.length })
  })
})

describe('positionOf', () => {
  it('turns an offset into a 1-based line and column', () => {
    const text = 'ab\ncd\n\nef'
    expect(positionOf(text, 0)).toEqual({ line: 1, column: 1 })
    expect(positionOf(text, 2)).toEqual({ line: 1, column: 3 })
    expect(positionOf(text, 3)).toEqual({ line: 2, column: 1 })
    expect(positionOf(text, 6)).toEqual({ line: 3, column: 1 })
    expect(positionOf(text, 8)).toEqual({ line: 4, column: 2 })
  })
})
