// Text that came from a server is untrusted: it may echo the api key back, and it may be of any
// length. These helpers make it safe to keep: the key replaced by `***`, and the length bounded.

/** Replaces every secret in `text` by `***`, in the forms a server is likely to echo it back. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    if (!secret) continue
    // A JSON body carries the key escaped, a URL or query string carries it percent-encoded.
    const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])
    for (const form of forms) result = result.split(form).join('***')
  }
  return result
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
export const RESPONSE_OUTPUT_LIMIT = 64 * 1024

/** A body as the `response` output carries it: later steps read it, so it stays bounded. */
export function responseOutput(body: string): string {
  return cutText(
    body,
    RESPONSE_OUTPUT_LIMIT,
    '\n[refold-trigger: the response output is cut at 64 KiB; the answer was longer]'
  )
}
