import { describe, expect, it } from '@jest/globals'
import {
  cut,
  cutText,
  dropSecretPrefix,
  forLog,
  forSummary,
  redact,
  responseOutput,
  TEXT_PIECE_LIMIT
} from '../src/core/untrusted.js'

/** Every line as the runner reads it: split on CR or LF, leading whitespace trimmed. */
const runnerLines = (text: string): string[] => text.split(/\r\n|\r|\n/).map(l => l.trimStart())

describe('cut', () => {
  it('keeps a text within the limit whole', () => {
    expect(cut('héllo', 6)).toEqual({ text: 'héllo', cut: false, bytes: 6 })
  })

  it('cuts by UTF-8 bytes and never splits a character', () => {
    expect(cut('aé😀b', 4)).toEqual({ text: 'aé', cut: true, bytes: 8 })
    expect(cut('😀😀', 5)).toEqual({ text: '😀', cut: true, bytes: 8 })
  })
})

describe('forLog', () => {
  it('keeps a plain message as it is', () => {
    expect(forLog('Webhook Fired Success')).toBe('Webhook Fired Success')
  })

  it.each([
    ['LF', 'ok\n::error::injected'],
    ['CRLF', 'ok\r\n::add-mask::injected'],
    ['CR', 'ok\r::warning::injected'],
    ['LF and spaces', 'ok\n    ::error::injected'],
    ['vertical tab and form feed', 'ok\u000b::error::a\u000c::error::b'],
    ['line separators', 'ok\u2028::error::a\u2029::error::b\u0085::error::c']
  ])('puts text with %s on one line, so no line starts with ::', (_label, text) => {
    const line = `Refold accepted: ${forLog(text)}`
    expect(runnerLines(line)).toHaveLength(1)
    expect(line).toMatch(/^Refold accepted: ok\\/)
  })

  it('shows line breaks as visible escapes', () => {
    expect(forLog('a\nb\r\nc')).toBe('a\\nb\\r\\nc')
  })

  it('escapes terminal controls and bidirectional overrides', () => {
    expect(forLog('\u001b[2Khidden\u202eevil\u0000')).toBe('\\u001b[2Khidden\\u202eevil\\u0000')
  })

  it("breaks up the runner's older ##[command] form anywhere in the text", () => {
    const line = forLog('done ##[error]injected ###[add-mask]x')
    expect(line).not.toContain('##[')
    expect(line).toBe('done ##\\[error]injected ###\\[add-mask]x')
  })

  it('never starts with :: even when the text does', () => {
    expect(forLog('::error::x')).toBe('\\::error::x')
    expect(forLog('  ::add-mask::x')).toBe('  \\::add-mask::x')
    expect(forLog('a::b')).toBe('a::b')
  })

  it('keeps tabs and unicode text', () => {
    expect(forLog('a\tb — ✅ 日本')).toBe('a\tb — ✅ 日本')
  })

  it('cuts a long text at 4 KiB with a note', () => {
    const line = forLog('x'.repeat(10_000))
    expect(line).toBe(`${'x'.repeat(TEXT_PIECE_LIMIT)} … (cut at 4 KiB of 10 KiB)`)
  })
})

describe('forSummary', () => {
  /** What is left of the markup once entities are decoded and our own tags are taken out. */
  const hostile = [
    'Webhook Fired Success',
    '',
    '## Approved by security',
    '',
    '[click to rotate your key](https://evil.example/phish)',
    '![tracker](https://evil.example/pixel.png)',
    '<img src=x onerror=alert(1)> <a href="https://evil.example">link</a> <script>x</script>',
    '| a | b |',
    '|---|---|',
    '**bold** _em_ `code` ~~strike~~ $x^2$ \\escaped'
  ].join('\n')

  it('puts every line break on one source line as <br>, so no blank line can end the HTML block', () => {
    const html = forSummary(hostile)
    expect(html).not.toMatch(/[\r\n]/)
    expect(html.split('<br>')).toHaveLength(10)
    expect(forSummary('a\r\nb\rc\u2028d')).toBe('a<br>b<br>c<br>d')
  })

  it('leaves no HTML tag of its own', () => {
    const html = forSummary(hostile).replace(/<br>/g, '')
    expect(html).not.toMatch(/[<>]/)
    expect(html).toContain('&lt;img src=x onerror=alert&#40;1&#41;&gt;')
    expect(html).toContain('&lt;script&gt;')
  })

  it('leaves no Markdown heading, link, image, table, emphasis, code or math', () => {
    const html = forSummary(hostile).replace(/&#\d+;|&lt;|&gt;|&amp;/g, '')
    for (const char of ['#', '[', ']', '(', ')', '!', '|', '*', '_', '`', '~', '$', '\\']) {
      expect(html).not.toContain(char)
    }
    expect(forSummary(hostile)).toContain('&#35;&#35; Approved by security')
    expect(forSummary(hostile)).toContain(
      '&#33;&#91;tracker&#93;&#40;https://evil.example/pixel.png&#41;'
    )
  })

  it('reads the same once the entities are decoded', () => {
    const decoded = forSummary(hostile)
      .replace(/<br>/g, '\n')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
    expect(decoded).toBe(hostile)
  })

  it('keeps dates, quotes, colons and e-mail addresses readable in the source', () => {
    expect(forSummary('"acme@example.com" at 2026-11-28T10:00:00Z')).toBe(
      '"acme@example.com" at 2026-11-28T10:00:00Z'
    )
  })

  it('shows controls as the log does (its backslash a reference too)', () => {
    expect(forSummary('a\u001b[31mb')).toBe('a&#92;u001b&#91;31mb')
  })

  it('cuts each piece at 4 KiB with a note', () => {
    const html = forSummary('y'.repeat(5000))
    expect(html).toBe(`${'y'.repeat(TEXT_PIECE_LIMIT)} … <i>(cut at 4 KiB of 5 KiB)</i>`)
  })
})

describe('redact', () => {
  it('replaces every occurrence of the key, and its JSON-escaped and percent-encoded forms', () => {
    const key = 'pk/"x"'
    expect(redact(`a ${key} b ${JSON.stringify(key)} c ${encodeURIComponent(key)}`, [key])).toBe(
      'a *** b "***" c ***'
    )
  })

  it('rewrites a JSON string whose \\u escapes spell the key, so decoding gives no key', () => {
    const key = 'tk_test_1'
    const spelled = `t\\u006b\\u005Ftest_1`
    const body = `{"message":"bad ${spelled} here\\n","other":"a\\tb","plain":"${spelled.length}"}`
    const redacted = redact(body, [key])
    expect(redacted).toBe(
      '{"message":"bad *** here\\n","other":"a\\tb","plain":"' + `${spelled.length}"}`
    )
    expect(JSON.stringify(JSON.parse(redacted))).not.toContain(key)
  })

  it('rewrites an unclosed JSON string at the end of a cut text, and leaves text that is not JSON', () => {
    const key = 'tk_test_1'
    expect(redact('{"message":"\\u0074k_test_1 and \\u00', [key])).toBe('{"message":"*** and ')
    expect(redact('<p class="x">a \\ b</p> "\\q"', [key])).toBe('<p class="x">a \\ b</p> "\\q"')
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
