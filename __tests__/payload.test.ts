import { describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { InputError } from '../src/core/errors.js'
import type { GithubSummary } from '../src/action/context.js'
import type { Settings } from '../src/core/settings.js'
import { buildPayload } from '../src/core/payload.js'

const summary = { event_name: 'release', repository: 'acme/shop' } as unknown as GithubSummary
let workspace = ''

async function build(
  payload: Settings['payload'],
  githubContext: Settings['githubContext'] = 'auto'
) {
  workspace ||= await mkdtemp(path.join(tmpdir(), 'refold-payload-'))
  const githubSummary = jest.fn(async () => summary)
  const result = await buildPayload({ payload, githubContext }, { workspace, githubSummary })
  return { result, githubSummary }
}

async function failure(
  payload: Settings['payload'],
  githubContext: Settings['githubContext'] = 'auto'
): Promise<InputError> {
  const error = await build(payload, githubContext).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(InputError)
  return error as InputError
}

const inline = (text: string): Settings['payload'] => ({ kind: 'inline', text })
const file = (p: string): Settings['payload'] => ({ kind: 'file', path: p })

describe('buildPayload', () => {
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
      expect(error.message).toContain("'payload' and 'github_context'")
    })

    it('never: no context, and an empty object when no payload is given', async () => {
      const { result, githubSummary } = await build({ kind: 'none' }, 'never')
      expect(result).toEqual({})
      expect(githubSummary).not.toHaveBeenCalled()
      expect((await build(inline('{"a":1}'), 'never')).result).toEqual({ a: 1 })
    })
  })
})
