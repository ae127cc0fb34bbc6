// Text that came from a server (a message, an execution's name or status, an error body) is
// untrusted input. These pure functions make it safe to keep (the api key replaced by `***`, the
// length bounded) and safe where it is shown: one log line that the runner cannot read as a
// workflow command, or inert text in the job summary's Markdown and HTML.

/** The most of one piece of untrusted text shown in a log line or the summary. */
export const TEXT_PIECE_LIMIT = 4 * 1024

export interface Cut {
  text: string
  /** Whether anything was cut off. */
  cut: boolean
  /** The UTF-8 size of the whole text. */
  bytes: number
}

/** The longest start of `text` within `maxBytes` of UTF-8, never splitting a character. */
export function cut(text: string, maxBytes: number): Cut {
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length <= maxBytes) return { text, cut: false, bytes: bytes.length }
  return { text: cutUtf8(bytes, maxBytes), cut: true, bytes: bytes.length }
}

/** Says how much of a text was kept, e.g. `cut at 4 KiB of 37 KiB`. */
function cutNote(maxBytes: number, bytes: number): string {
  return `cut at ${kib(maxBytes)} of ${kib(bytes)}`
}

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`
}

// Characters that end a line for the runner or a terminal, or that change how the rest of the
// line displays: C0 and C1 controls (tab excepted), DEL, the Unicode line and paragraph
// separators, and the bidirectional overrides.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g

function escapeControl(char: string): string {
  if (char === '\n') return '\\n'
  if (char === '\r') return '\\r'
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/**
 * Untrusted text as part of one log line. Line breaks and other controls become visible escapes
 * (`\n`, `\u001b`), so the text can never start a line of its own, where the runner would obey a
 * `::command::`. The runner's older `##[command]` form counts anywhere in a line, so it is broken
 * up too. Longer texts are cut at `maxBytes` with a note.
 */
export function forLog(text: string, maxBytes = TEXT_PIECE_LIMIT): string {
  const { text: kept, cut: wasCut, bytes } = cut(text, maxBytes)
  const line = kept
    .replace(CONTROL, escapeControl)
    .replace(/##\[/g, '##\\[')
    // Only reachable if a caller puts the text at the start of a line; the runner trims the line
    // first, so leading spaces do not help.
    .replace(/^(\s*)::/, '$1\\::')
  return wasCut ? `${line} … (${cutNote(maxBytes, bytes)})` : line
}

// HTML's specials and what Markdown could read as inline markup (emphasis, code, links, images,
// headings, tables, strike-through, math). As numeric references they read as the same characters
// in both languages but are never markup (CommonMark takes an entity as literal text). Characters
// that are markup only at the start of a line (`-`, `+`, `=`, `>`...) need nothing more, since the
// text never starts a line.
const MARKUP = /[&<>\\`*_{}[\]()#!|~$]/g

const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

function reference(char: string): string {
  return NAMED[char] ?? `&#${char.charCodeAt(0)};`
}

/**
 * Untrusted text for the job summary, inside an HTML element: inert as Markdown and as HTML, on
 * one source line (line breaks become `<br>`, so no blank line can end the surrounding HTML block
 * and start Markdown), cut at `maxBytes` with a note.
 */
export function forSummary(text: string, maxBytes = TEXT_PIECE_LIMIT): string {
  const { text: kept, cut: wasCut, bytes } = cut(text, maxBytes)
  const lines = kept
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(line => line.replace(CONTROL, escapeControl).replace(MARKUP, reference))
  const html = lines.join('<br>')
  return wasCut ? `${html} … <i>(${cutNote(maxBytes, bytes)})</i>` : html
}

/**
 * Replaces every secret in `text` by `***`, in the forms a server is likely to echo it back, and
 * in any JSON string whose escapes (`\u0074k…`) spell it: decoding the result never gives a key.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const present = secrets.filter(secret => secret)
  let result = text
  for (const secret of present) {
    // A JSON body carries the key escaped, a URL or query string carries it percent-encoded.
    const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])
    for (const form of forms) result = result.split(form).join('***')
  }
  if (!present.length || !result.includes('\\')) return result
  return result.replace(JSON_STRING, (literal, body: string, end: string) =>
    body.includes('\\') ? (redactLiteral(body, end === '"', present) ?? literal) : literal
  )
}

// A JSON string literal: its body, then its closing quote, or the end of a text cut inside it.
const JSON_STRING = /"((?:[^"\\]|\\[\s\S])*)("|\\?$)/g

/**
 * A JSON string literal rewritten without the secrets its decoded text holds; undefined when it
 * holds none or is not valid JSON. An unclosed one (the text was cut) stays unclosed.
 */
function redactLiteral(
  body: string,
  closed: boolean,
  secrets: readonly string[]
): string | undefined {
  // An unclosed literal is read up to its last whole escape.
  const whole = closed ? body : body.replace(/\\(u[0-9a-fA-F]{0,3})?$/, '')
  let decoded: string
  try {
    decoded = JSON.parse(`"${whole}"`) as string
  } catch {
    return undefined
  }
  if (!secrets.some(secret => decoded.includes(secret))) return undefined
  const kept = secrets.reduce((value, secret) => value.split(secret).join('***'), decoded)
  const rewritten = JSON.stringify(kept)
  return closed ? rewritten : rewritten.slice(0, -1)
}

/**
 * Drops a tail of `text` that could be the start of a secret: when a text is cut, a key that
 * straddled the cut would otherwise survive redaction in part.
 */
export function dropSecretPrefix(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) {
    for (let length = Math.min(secret.length - 1, text.length); length >= 4; length--) {
      if (text.endsWith(secret.slice(0, length))) return `${text.slice(0, -length)}***`
    }
  }
  return text
}

/** `text` cut to at most `maxBytes` bytes of UTF-8, with `note` after it when it was cut. */
export function cutText(text: string, maxBytes: number, note = '… (cut)'): string {
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length <= maxBytes) return text
  return `${cutUtf8(bytes, maxBytes)}${note}`
}

/** The first `maxBytes` bytes of `bytes` as text, never ending in half a character. */
export function cutUtf8(bytes: Buffer, maxBytes: number): string {
  let end = Math.min(maxBytes, bytes.length)
  // Step back over continuation bytes (10xxxxxx) to the start of the character the cut split.
  if (end < bytes.length) while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  return bytes.subarray(0, end).toString('utf8')
}

/** The `response` output carries at most this many bytes of the answer's body. */
const RESPONSE_OUTPUT_LIMIT = 64 * 1024

/** A body as the `response` output carries it: later steps read it, so it stays bounded. */
export function responseOutput(body: string): string {
  return cutText(
    body,
    RESPONSE_OUTPUT_LIMIT,
    '\n[refold-trigger: the response output is cut at 64 KiB; the answer was longer]'
  )
}
