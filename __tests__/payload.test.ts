import { describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { mkdtemp, writeFile, mkdir, symlink, truncate } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { actionNaming } from '../src/action/inputs.js'
import { InputError } from '../src/core/errors.js'
import type { GithubSummary } from '../src/action/context.js'
import type { Settings } from '../src/core/settings.js'
import { buildPayload, MAX_PAYLOAD_DEPTH, MAX_PAYLOAD_FILE_BYTES } from '../src/core/payload.js'
import { rejection } from './helpers/common.js'

const summary = { event_name: 'release', repository: 'acme/shop' } as unknown as GithubSummary
let workspace = ''

async function build(
  payload: Settings['payload'],
  githubContext: Settings['githubContext'] = 'auto'
) {
  workspace ||= await mkdtemp(path.join(tmpdir(), 'refold-payload-'))
  const githubSummary = jest.fn(async () => summary)
  const result = await buildPayload(
    { payload, githubContext },
    { baseDir: workspace, githubSummary, naming: actionNaming }
  )
  return { result, githubSummary }
}

async function failure(
  payload: Settings['payload'],
  githubContext: Settings['githubContext'] = 'auto'
): Promise<InputError> {
  const error = await rejection(build(payload, githubContext))
  expect(error).toBeInstanceOf(InputError)
  return error as InputError
}

const inline = (text: string): Settings['payload'] => ({ kind: 'inline', text })
const file = (p: string): Settings['payload'] => ({ kind: 'file', path: p })

describe('buildPayload', () => {
  it("takes the library's payload object as it is, with the same depth bound", async () => {
    expect((await build({ kind: 'value', value: { version: '1.2.3' } }, 'never')).result).toEqual({
      version: '1.2.3'
    })
    let deep: Record<string, unknown> = {}
    for (let i = 0; i < MAX_PAYLOAD_DEPTH + 5; i++) deep = { deep }
    const error = await failure({ kind: 'value', value: deep }, 'never')
    expect(error.message).toMatch(/is nested more than 256 levels deep/)
  })

  it('parses inline JSON as is, keeping numbers, booleans and nesting', async () => {
    const text = '{"version":"1.2.3","build":42,"draft":false,"env":{"name":"prod"},"tags":["a"]}'
    const { result, githubSummary } = await build(inline(text))
    expect(result).toEqual(JSON.parse(text))
    expect(githubSummary).not.toHaveBeenCalled()
  })

  it('parses inline YAML into an object', async () => {
    const { result } = await build(
      inline('version: 1.2.3\nbuild: 42\nnotify:\n  - ops\n  - sales\n')
    )
    expect(result).toEqual({ version: '1.2.3', build: 42, notify: ['ops', 'sales'] })
  })

  it('gives the line and column of invalid JSON and shows the line', async () => {
    const error = await failure(inline('{\n  "a": 1\n  "b": 2\n}'))
    expect(error.input).toBe('payload')
    expect(error.message).toContain(
      "Invalid input 'payload': the value is not valid JSON at line 3, column 3"
    )
    expect(error.message).toContain('  "b": 2\n')
  })

  it.each([
    ['{"b": [1, 2,],"c":1}', 'at line 1, column 13: unexpected "]".'],
    ['{"a": }', 'at line 1, column 7: unexpected "}".'],
    ['{"a":1', 'at line 1, column 7: the text ends too early.'],
    ['{"a" 1}', 'at line 1, column 6: unexpected "1".']
  ])("says what it found in %j in its own words, without the engine's text", async (text, said) => {
    const error = await failure(inline(text))
    expect(error.message).toContain(`is not valid JSON ${said}`)
    expect(error.message).not.toMatch(/is not valid JSON"|in JSON at position|Unexpected token/)
  })

  it('gives the line and column where Node itself gives none', async () => {
    const error = await failure(inline('{"a": }'))
    expect(error.message).toContain('at line 1, column 7')
  })

  it('treats text starting with [ as JSON and refuses an array payload', async () => {
    const error = await failure(inline('[1, 2]'))
    expect(error.message).toContain('is an array, but the payload must be an object')
  })

  it.each([
    ['a scalar', 'just words', 'is a string'],
    ['a number', '42', 'is a number'],
    ['null', 'null', 'is null'],
    ['a YAML list', '- a\n- b', 'is an array']
  ])('refuses %s as payload', async (_, text, expected) => {
    const error = await failure(inline(text))
    expect(error.input).toBe('payload')
    expect(error.message).toContain(expected)
  })

  it('reports invalid YAML with line and column', async () => {
    const error = await failure(inline('tag: v1\nname: first\nname: second\n'))
    expect(error.message).toContain('the value is not valid YAML at line 3, column 1')
    expect(error.message).toContain('Map keys must be unique')
  })

  it('reads a .json, .yml and .yaml payload_file relative to the workspace', async () => {
    await build({ kind: 'none' })
    await mkdir(path.join(workspace, 'ci'), { recursive: true })
    await writeFile(path.join(workspace, 'ci/payload.json'), '{"from":"json"}')
    await writeFile(path.join(workspace, 'ci/payload.yml'), 'from: yml\n')
    await writeFile(path.join(workspace, 'ci/payload.yaml'), 'from: yaml\n')
    expect((await build(file('ci/payload.json'))).result).toEqual({ from: 'json' })
    expect((await build(file('ci/payload.yml'))).result).toEqual({ from: 'yml' })
    expect((await build(file('ci/payload.yaml'))).result).toEqual({ from: 'yaml' })
  })

  it('names payload_file and the path when the file is missing or of another kind', async () => {
    const missing = await failure(file('nope/payload.json'))
    expect(missing.input).toBe('payload_file')
    expect(missing.message).toContain('"nope/payload.json" cannot be read: no such file')
    const other = await failure(file('payload.txt'))
    expect(other.message).toContain('"payload.txt" is not a .json, .yml or .yaml file')
  })

  it('reports invalid JSON in a payload_file under payload_file', async () => {
    await build({ kind: 'none' })
    await writeFile(path.join(workspace, 'broken.json'), '{"a": 1,}')
    const error = await failure(file('broken.json'))
    expect(error.input).toBe('payload_file')
    expect(error.message).toContain('"broken.json" is not valid JSON at line 1, column 9')
  })

  describe('payloads that would escape the input errors', () => {
    const nestedJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)

    it('refuses 100,000 levels of nested JSON as an input error naming payload', async () => {
      const error = await failure(inline(nestedJson(100_000)))
      expect(error.input).toBe('payload')
      expect(error.message).toBe(
        `Invalid input 'payload': the value is nested more than ${MAX_PAYLOAD_DEPTH} levels deep, more than a payload may be.`
      )
    })

    it('refuses 100,000 levels of nested JSON that is also invalid, with its position', async () => {
      const text = '['.repeat(100_000) + ']'.repeat(99_999) + '}'
      const error = await failure(inline(text))
      expect(error.input).toBe('payload')
      expect(error.message).toContain(`is not valid JSON at line 1, column ${text.length}`)
    })

    it(`accepts exactly ${MAX_PAYLOAD_DEPTH} levels and refuses one more`, async () => {
      const { result } = await build(inline(nestedJson(MAX_PAYLOAD_DEPTH)))
      expect(result).toHaveProperty('a')
      expect((await failure(inline(nestedJson(MAX_PAYLOAD_DEPTH + 1)))).message).toContain(
        'is nested more than'
      )
    })

    it('refuses deeply nested YAML, block or flow, naming the input', async () => {
      for (const text of [
        'a: ' + '['.repeat(100_000) + ']'.repeat(100_000),
        'a:\n  ' + '- '.repeat(100_000) + 'x',
        'a: ' + '['.repeat(300) + ']'.repeat(300)
      ]) {
        const error = await failure(inline(text))
        expect(error.input).toBe('payload')
        expect(error.message).toContain(`is nested more than ${MAX_PAYLOAD_DEPTH} levels deep`)
      }
    })

    it('refuses a YAML alias bomb (billion laughs) as an input error', async () => {
      const levels = 'abcdefghi'.split('')
      const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      for (const [i, name] of levels.slice(1).entries()) {
        const prev = levels[i]
        lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
      }
      const started = Date.now()
      const error = await failure(inline(lines.join('\n') + '\n'))
      expect(error.input).toBe('payload')
      expect(error.message).toBe(
        "Invalid input 'payload': the value is not accepted as YAML: its aliases (*name) expand it " +
          'too far: more than 100 uses of anchored values.'
      )
      expect(Date.now() - started).toBeLessThan(2000)
    })

    it('refuses an unresolved YAML alias as an input error naming the input', async () => {
      const error = await failure(inline('version: 1.2.3\nnotify: *team\n'))
      expect(error.input).toBe('payload')
      expect(error.message).toMatch(
        /^Invalid input 'payload': the value is not accepted as YAML: Unresolved alias.*: team\.$/
      )
    })

    it('refuses a YAML alias inside its own anchor, which would never end', async () => {
      const error = await failure(inline('a: &loop\n  b: *loop\n'))
      expect(error.input).toBe('payload')
      expect(error.message).toBe(
        "Invalid input 'payload': the value contains itself (an alias inside its own anchor)."
      )
    })

    it('still accepts ordinary YAML aliases', async () => {
      const { result } = await build(inline('team: &team [ops, sales]\nnotify: *team\n'))
      expect(result).toEqual({ team: ['ops', 'sales'], notify: ['ops', 'sales'] })
    })
  })

  describe('payload_file', () => {
    it('accepts a UTF-8 byte-order mark at the start of a .json or .yml file', async () => {
      await build({ kind: 'none' })
      await writeFile(path.join(workspace, 'bom.json'), '\uFEFF{"from":"windows"}')
      await writeFile(path.join(workspace, 'bom.yml'), '\uFEFFfrom: windows\n')
      expect((await build(file('bom.json'))).result).toEqual({ from: 'windows' })
      expect((await build(file('bom.yml'))).result).toEqual({ from: 'windows' })
    })

    it('refuses a FIFO at once, without waiting for a writer', async () => {
      await build({ kind: 'none' })
      execFileSync('mkfifo', [path.join(workspace, 'pipe.json')])
      const started = Date.now()
      const error = await failure(file('pipe.json'))
      expect(Date.now() - started).toBeLessThan(1000)
      expect(error.input).toBe('payload_file')
      expect(error.message).toBe(
        `Invalid input 'payload_file': "pipe.json" is not a regular file (it is a FIFO); ` +
          'only regular files are read.'
      )
    })

    it.each(['/dev/zero', '/dev/urandom'])(
      'refuses %s reached through a .json symlink',
      async dev => {
        await build({ kind: 'none' })
        const link = `${path.basename(dev)}.json`
        await symlink(dev, path.join(workspace, link))
        const error = await failure(file(link))
        expect(error.input).toBe('payload_file')
        expect(error.message).toContain('is not a regular file (it is a device)')
      }
    )

    it('refuses a socket, naming what it is', async () => {
      await build({ kind: 'none' })
      const server = createServer()
      server.listen(path.join(workspace, 'socket.json'))
      await once(server, 'listening')
      try {
        const error = await failure(file('socket.json'))
        expect(error.message).toBe(
          `Invalid input 'payload_file': "socket.json" cannot be read: it is a socket, not a regular file.`
        )
      } finally {
        server.close()
      }
    })

    it('names the error code when a file cannot be opened for another reason', async () => {
      await build({ kind: 'none' })
      await symlink('loop.json', path.join(workspace, 'loop.json'))
      expect((await failure(file('loop.json'))).message).toBe(
        `Invalid input 'payload_file': "loop.json" cannot be read: ELOOP.`
      )
    })

    // /proc/self/mem is a regular file that opens but cannot be read from its start.
    ;(process.platform === 'linux' ? it : it.skip)(
      'turns an error while reading into an input error',
      async () => {
        await build({ kind: 'none' })
        await symlink('/proc/self/mem', path.join(workspace, 'mem.json'))
        expect((await failure(file('mem.json'))).message).toBe(
          `Invalid input 'payload_file': "mem.json" cannot be read: EIO.`
        )
      }
    )

    it('refuses a directory', async () => {
      await build({ kind: 'none' })
      await mkdir(path.join(workspace, 'dir.json'), { recursive: true })
      const error = await failure(file('dir.json'))
      expect(error.message).toContain('"dir.json" is not a regular file (it is a directory)')
    })

    it('refuses a file above 10 MiB from its size, before reading it', async () => {
      await build({ kind: 'none' })
      // Sparse: 4 GiB on paper, nothing on disk; reading it would take seconds and the memory.
      const huge = path.join(workspace, 'huge.json')
      await writeFile(huge, '')
      await truncate(huge, 4 * 1024 ** 3)
      const started = Date.now()
      const error = await failure(file('huge.json'))
      expect(Date.now() - started).toBeLessThan(1000)
      expect(error.message).toBe(
        `Invalid input 'payload_file': "huge.json" is larger than 10 MiB, the most a payload file ` +
          `may hold (it is ${4 * 1024 ** 3} bytes).`
      )
    })

    it('accepts a file of exactly 10 MiB and refuses one byte more', async () => {
      await build({ kind: 'none' })
      const body = (size: number) => `{"a":"${'x'.repeat(size - 8)}"}`
      await writeFile(path.join(workspace, 'max.json'), body(MAX_PAYLOAD_FILE_BYTES))
      await writeFile(path.join(workspace, 'over.json'), body(MAX_PAYLOAD_FILE_BYTES + 1))
      const { result } = await build(file('max.json'))
      expect((result.a as string).length).toBe(MAX_PAYLOAD_FILE_BYTES - 8)
      expect((await failure(file('over.json'))).message).toContain('is larger than 10 MiB')
    })
  })

  describe('github_context', () => {
    it('auto: the payload is {github: summary} when none is given', async () => {
      expect((await build({ kind: 'none' }, 'auto')).result).toEqual({ github: summary })
    })

    it('auto: a given payload is sent as is', async () => {
      const { result, githubSummary } = await build(inline('{"a":1}'), 'auto')
      expect(result).toEqual({ a: 1 })
      expect(githubSummary).not.toHaveBeenCalled()
    })

    it('always: the summary is added under github', async () => {
      expect((await build(inline('{"a":1}'), 'always')).result).toEqual({ a: 1, github: summary })
      expect((await build({ kind: 'none' }, 'always')).result).toEqual({ github: summary })
    })

    it('always: an existing github key is an input error naming both inputs', async () => {
      const error = await failure(inline('{"github":{"mine":true}}'), 'always')
      expect(error.input).toBe('github_context')
      expect(error.message).toContain("Invalid input 'payload' with input 'github_context' always")
    })

    it('never: no context, and an empty object when no payload is given', async () => {
      const { result, githubSummary } = await build({ kind: 'none' }, 'never')
      expect(result).toEqual({})
      expect(githubSummary).not.toHaveBeenCalled()
      expect((await build(inline('{"a":1}'), 'never')).result).toEqual({ a: 1 })
    })
  })
})
