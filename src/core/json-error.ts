// Where a JSON text first goes wrong. JSON.parse says so only in some messages and only on newer
// Node versions, and an author fixing a payload in a workflow file needs the line and column.

export interface TextPosition {
  line: number
  column: number
}

/** The 1-based line and column of the first syntax error in `text`, or undefined if it is valid. */
export function locateJsonError(text: string): TextPosition | undefined {
  const offset = new JsonScanner(text).firstErrorOffset()
  return offset === undefined ? undefined : positionOf(text, offset)
}

export function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`)
  }
}

/** true, false, null or a number, matched where the scanner stands (sticky). */
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/**
 * A validating scanner that only tracks the offset; the value itself comes from JSON.parse. It
 * keeps open containers on a list, not the call stack, so no depth of nesting can overflow it.
 */
class JsonScanner {
  private at = 0
  constructor(private readonly text: string) {}

  firstErrorOffset(): number | undefined {
    try {
      this.document()
      return undefined
    } catch (error) {
      // Nothing else throws: the scanner uses no recursion, so no depth overflows its stack.
      return (error as SyntaxAt).offset
    }
  }

  private document(): void {
    /** The closing bracket of each container still open, innermost last. */
    const closers: string[] = []
    for (;;) {
      if (this.valueStart(closers)) continue
      // A value ended: close containers until a comma asks for the next value, or the text ends.
      for (;;) {
        this.space()
        const closer = closers.at(-1)
        if (closer === undefined) {
          if (this.at < this.text.length) throw new SyntaxAt(this.at)
          return
        }
        if (this.text[this.at] === ',') {
          this.at++
          if (closer === '}') this.key()
          break
        }
        this.expect(closer)
        closers.pop()
      }
    }
  }

  /** Reads a scalar, or opens a container; true when the container holds a value still to read. */
  private valueStart(closers: string[]): boolean {
    this.space()
    const char = this.text[this.at]
    if (char === '{' || char === '[') {
      const closer = char === '{' ? '}' : ']'
      this.at++
      this.space()
      if (this.text[this.at] === closer) {
        this.at++
        return false
      }
      closers.push(closer)
      if (closer === '}') this.key()
      return true
    }
    if (char === '"') {
      this.string()
      return false
    }
    LITERAL.lastIndex = this.at
    const literal = LITERAL.exec(this.text)
    if (!literal) throw new SyntaxAt(this.at)
    this.at += literal[0].length
    return false
  }

  /** An object member's name and colon; its value follows. */
  private key(): void {
    this.space()
    this.string()
    this.space()
    this.expect(':')
  }

  private space(): void {
    while (/[ \t\n\r]/.test(this.text[this.at] ?? '')) this.at++
  }

  private expect(char: string): void {
    if (this.text[this.at] !== char) throw new SyntaxAt(this.at)
    this.at++
  }

  private string(): void {
    this.expect('"')
    for (;;) {
      const char = this.text[this.at]
      if (char === undefined || char < ' ') throw new SyntaxAt(this.at)
      this.at++
      if (char === '"') return
      if (char === '\\') {
        const escape = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(
          this.text.slice(this.at, this.at + 5)
        )
        if (!escape) throw new SyntaxAt(this.at)
        this.at += escape[0].length
      }
    }
  }
}
