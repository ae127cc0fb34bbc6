// The README's and docs' YAML examples are what authors paste into their workflows, so each one is
// held to what the runner will do with it: it parses, its inputs and outputs exist, and nothing in
// it changes meaning once GitHub has filled in the expressions or YAML has typed the values. The
// pages' links lead somewhere, and the README stays a page for users.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { isMap, isScalar, parse, parseDocument, visit, type Node, type Scalar } from 'yaml'
import { docsMessage, TABLES_FILE, updateTables } from '../script/docs.js'
import { ROOT } from '../test/run-action.js'

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')
const readme = read('README.md')
const actionYml = read('action.yml')
const action = parse(actionYml) as { inputs: object; outputs: object }

/** The Markdown pages a user or contributor reads: their examples and links are checked. */
const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter(name => name.endsWith('.md'))
    .map(name => `docs/${name}`)
]

interface Block {
  /** The README line of the opening fence, so a failure says where to look. */
  line: number
  text: string
}

/** Every ```yaml (or ```yml) fenced block of a Markdown text. */
function yamlBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map(match => ({
    line: markdown.slice(0, match.index).split('\n').length,
    text: match[1]
  }))
}

/** An expression inside a YAML payload, as GitHub substitutes it: only `toJSON(...)` quotes it. */
const BARE_EXPRESSION = /\$\{\{(?!\s*toJSON\()[^}]*\}\}/g

/**
 * What would go wrong if the block were pasted into a workflow, one line per problem; empty when
 * nothing would.
 */
function problems(text: string): string[] {
  const document = parseDocument(text)
  const found = [...document.errors, ...document.warnings].map(p => `not valid YAML: ${p.message}`)
  if (found.length) return found
  const source = (node: Node): string =>
    node.range ? text.slice(node.range[0], node.range[1]) : ''

  visit(document, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      // GitHub pastes an expression's value into the script before the shell reads it, so a
      // message with a quote, `$(` or a parenthesis breaks the script or runs as code; a value
      // passed through `env:` reaches the shell as a variable, never as code.
      if (key === 'run' && isScalar(pair.value) && String(pair.value.value).includes('${{')) {
        found.push(`run: has a \${{ }} expression (pass it through env:): ${source(pair.value)}`)
      }
      if (key !== 'with' || !isMap(pair.value)) return
      for (const item of pair.value.items) {
        const name = isScalar(item.key) ? String(item.key.value) : ''
        if (!isScalar(item.value)) continue
        const value = item.value as Scalar
        // Every input reaches the action as text, and the runner makes that text from the typed
        // value: an unquoted `1.10` becomes "1.1", `1e5` "100000", `0042` "42". Only numbers whose
        // text does not survive are flagged: `wait_timeout: 300` arrives as "300", as written.
        // Booleans are not flagged: `true`/`false` arrive as written, which is what the boolean
        // inputs read, and `True` arriving as "true" means the same to them. `yes`, `on` and
        // the like are strings in YAML 1.2, which the runner and this action's payload parser
        // follow, so they arrive as written too (and a boolean input refuses them by name).
        if (typeof value.value === 'number' && String(value.value) !== source(value)) {
          found.push(
            `with: ${name}: ${source(value)} reaches the action as "${value.value}" (quote it)`
          )
        }
        // A YAML payload is parsed after GitHub pasted the expressions in, so a tag `1.10` would
        // become the number 1.1 and a title with `: ` or a quote would break the payload.
        if (name !== 'payload') continue
        for (const [expression] of String(value.value).matchAll(BARE_EXPRESSION)) {
          found.push(
            `with: payload: ${expression} is pasted into the payload as it is ` +
              '(write ${{ toJSON(...) }}, which quotes it)'
          )
        }
      }
    }
  })
  return found
}

/** The `with:` keys of every step that uses this action, and the outputs the block reads. */
function namesUsed(text: string): { inputs: string[]; outputs: string[] } {
  const inputs: string[] = []
  visit(parseDocument(text), {
    Map(_, map) {
      if (!/refold-trigger@/.test(String(map.get('uses') ?? ''))) return
      const given = map.get('with')
      if (isMap(given)) for (const item of given.items) inputs.push(String(source(item.key)))
    }
  })
  const outputs = [...text.matchAll(/steps\.[\w-]+\.outputs\.([\w-]+)/g)].map(match => match[1])
  return { inputs, outputs }
  function source(key: unknown): unknown {
    return isScalar(key) ? key.value : key
  }
}

const blocks = PAGES.flatMap(page =>
  yamlBlocks(read(page)).map(block => [`${page}:${block.line}`, block] as const)
)

describe('YAML examples of README.md and docs/', () => {
  it('are found (the README has its usage and example blocks)', () => {
    expect(yamlBlocks(readme).length).toBeGreaterThanOrEqual(5)
  })

  it.each(blocks)(
    'the block at %s can be pasted: it parses, passes outputs through env:, quotes what YAML would retype',
    (_, block) => {
      expect(problems(block.text)).toEqual([])
    }
  )

  it.each(blocks)(
    'the block at %s names only inputs and outputs that action.yml has',
    (_, block) => {
      const { inputs, outputs } = namesUsed(block.text)
      for (const name of inputs) expect(Object.keys(action.inputs)).toContain(name)
      for (const name of outputs) expect(Object.keys(action.outputs)).toContain(name)
    }
  )
})

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** Every relative link of a page: `[text](target)` outside code, without a scheme. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '')
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(match => match[1])
    .filter(target => !/^[a-z][a-z+.-]*:/i.test(target))
}

/** Whether `target`, a link written in `page`, leads to an existing file (and heading, if named). */
function resolves(page: string, target: string): boolean {
  const [file, anchor] = target.split('#')
  const where = file ? path.join(path.dirname(page), file) : page
  if (!existsSync(path.join(ROOT, where))) return false
  if (!anchor || statSync(path.join(ROOT, where)).isDirectory() || !where.endsWith('.md')) {
    return true
  }
  const headings = [...read(where).matchAll(/^#{1,6} (.+)$/gm)].map(match => slug(match[1]))
  return headings.includes(anchor)
}

describe('links of README.md, CONTRIBUTING.md and docs/', () => {
  it.each(PAGES)('every relative link in %s leads to a file that exists', page => {
    const broken = relativeLinks(read(page)).filter(target => !resolves(page, target))
    expect(broken).toEqual([])
  })

  it('are found, and a broken one is caught', () => {
    expect(relativeLinks(readme)).toEqual(expect.arrayContaining(['docs/inputs-outputs.md']))
    expect(resolves('README.md', 'docs/inputs-outputs.md')).toBe(true)
    expect(resolves('docs/cli.md', 'inputs-outputs.md')).toBe(true)
    expect(resolves('README.md', 'docs/nope.md')).toBe(false)
    expect(resolves('README.md', 'CONTRIBUTING.md#releasing')).toBe(true)
    expect(resolves('README.md', 'CONTRIBUTING.md#no-such-heading')).toBe(false)
    expect(relativeLinks('see `[x](nope.md)` and [y](https://example.com)')).toEqual([])
  })
})

describe('README.md, for users', () => {
  it('opens with the two commands, as CONTRIBUTING.md does', () => {
    for (const page of ['README.md', 'CONTRIBUTING.md']) {
      const first = read(page).match(/^```sh\n([\s\S]*?)^```$/m)
      expect(read(page).indexOf('```sh')).toBeLessThan(read(page).indexOf('\n## '))
      expect(first?.[1]).toMatch(/^npm ci && npm run demo\b.*\nnpm test\b/)
    }
  })

  it('stays short: at most about 350 lines, the reference in docs/', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(360)
  })

  it('says <owner> is a placeholder and shows pinning to a full commit SHA', () => {
    expect(readme).toContain('uses: <owner>/refold-trigger@v1')
    expect(readme).toMatch(/`<owner>` is a placeholder/)
    expect(readme).toMatch(/uses: <owner>\/refold-trigger@<full-40-character-commit-sha> # v\d/)
    expect(readme).not.toMatch(/(?<![\w-])org\/refold-trigger\b/)
  })
})

// The checks above only mean something if they catch what they are meant to catch.
describe('the README example checks', () => {
  const step = (lines: string): string =>
    `- uses: org/refold-trigger@v1\n  id: refold\n  with:\n${lines}`

  it('report YAML that does not parse', () => {
    const text = `- run: echo "::notice::Refold said: \${{ steps.refold.outputs.message }}"\n`
    expect(problems(text)).toEqual([expect.stringMatching(/^not valid YAML: /)])
  })

  it('report an expression inside a run: script, and accept it passed through env:', () => {
    expect(problems('- run: echo "${{ steps.refold.outputs.message }}"\n')).toEqual([
      expect.stringContaining('run: has a ${{ }} expression')
    ])
    expect(
      problems('- run: echo "$MESSAGE"\n  env:\n    MESSAGE: ${{ steps.refold.outputs.message }}\n')
    ).toEqual([])
  })

  it.each([
    ['1.10', '1.1'],
    ['1e5', '100000'],
    ['0042', '42'],
    ['0x1F', '31'],
    ['1.0', '1']
  ])('report an unquoted %s, which reaches the action as "%s"', (written, received) => {
    expect(problems(step(`    idempotency_key: ${written}\n`))).toEqual([
      `with: idempotency_key: ${written} reaches the action as "${received}" (quote it)`
    ])
  })

  it.each([
    "idempotency_key: '1.10'",
    'idempotency_key: "1e5"',
    'wait_timeout: 300',
    'wait: true',
    'dry_run: True',
    'event: yes',
    'slug: on'
  ])('accept %s, which reaches the action as written or means the same', line => {
    expect(problems(step(`    ${line}\n`))).toEqual([])
  })

  it('report an expression pasted bare into a YAML payload, and accept it through toJSON', () => {
    const payload = (value: string): string =>
      step(`    payload: |\n      version: ${value}\n      notify: [ops]\n`)
    expect(problems(payload('${{ github.event.deployment.ref }}'))).toEqual([
      expect.stringContaining('${{ github.event.deployment.ref }} is pasted into the payload')
    ])
    expect(problems(payload("'${{ github.event.deployment.ref }}'"))).toHaveLength(1)
    expect(problems(payload('${{ toJSON(github.event.deployment.ref) }}'))).toEqual([])
  })

  it('find the inputs of the action step and the outputs read', () => {
    const text =
      step('    event: Release\n    wait: true\n') +
      '- run: echo "$OK"\n  env:\n    OK: ${{ steps.refold.outputs.ok }}\n' +
      '- uses: actions/checkout@v4\n  with:\n    fetch-depth: 0\n'
    expect(namesUsed(text)).toEqual({ inputs: ['event', 'wait'], outputs: ['ok'] })
  })
})

describe('npm run docs', () => {
  const tables = read(TABLES_FILE)

  it('says the tables already match when it has nothing to write', () => {
    const { text, changed } = updateTables(tables, actionYml)
    expect(text).toBe(tables)
    expect(docsMessage(changed)).toBe('docs/inputs-outputs.md tables already match action.yml.')
  })

  it('says which table it rewrote', () => {
    const stale = tables.replace('| `summary` | no | `true` |', '| `summary` | no | `false` |')
    const { text, changed } = updateTables(stale, actionYml)
    expect(text).toBe(tables)
    expect(docsMessage(changed)).toBe(
      'docs/inputs-outputs.md inputs table updated from action.yml.'
    )
  })

  it('says both tables when both were stale', () => {
    const stale = tables
      .replace('| `summary` | no | `true` |', '| `summary` | no | `false` |')
      .replace('| `ok` |', '| `okay` |')
    expect(docsMessage(updateTables(stale, actionYml).changed)).toBe(
      'docs/inputs-outputs.md inputs and outputs tables updated from action.yml.'
    )
  })
})
