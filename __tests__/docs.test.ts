// The README's inputs and outputs tables are generated from action.yml (npm run docs): a user
// reads the README, the runner reads action.yml, and the two must say the same thing.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { FLAGS_FILE, renderFlags, renderReadme } from '../script/docs.js'
import { ROOT } from '../test/run-action.js'

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const actionYml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')

describe('README.md', () => {
  it('has the inputs and outputs tables npm run docs writes from action.yml', () => {
    expect(renderReadme(readme, actionYml)).toBe(readme)
  })

  it('names every input and output of action.yml, and no other', () => {
    const action = parse(actionYml)
    const names = (section: string) =>
      [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map(match => match[1])
    const between = (name: string) =>
      readme.slice(readme.indexOf(`<!-- ${name}:start`), readme.indexOf(`<!-- ${name}:end -->`))
    expect(names(between('inputs'))).toEqual(Object.keys(action.inputs))
    expect(names(between('outputs'))).toEqual(Object.keys(action.outputs))
  })
})

describe('renderReadme', () => {
  it('changes nothing when run twice (npm run docs is idempotent)', () => {
    const once = renderReadme(readme, actionYml)
    expect(renderReadme(once, actionYml)).toBe(once)
  })

  it('follows a change in action.yml', () => {
    const changed = actionYml.replace(
      'inputs:\n',
      "inputs:\n  new_input:\n    description: A | pipe\n    required: false\n    default: 'x'\n"
    )
    expect(renderReadme(readme, changed)).toContain('| `new_input` | no | `x` | A \\| pipe |')
  })

  it('refuses a README whose markers are gone, rather than dropping the tables', () => {
    expect(() => renderReadme('# no tables\n', actionYml)).toThrow(/inputs:start/)
  })
})

describe('renderFlags', () => {
  it('wrote src/cli/flags.ts, the CLI flag table, from action.yml as it is now', async () => {
    const flags = readFileSync(path.join(ROOT, FLAGS_FILE), 'utf8')
    expect(await renderFlags(actionYml)).toBe(flags)
    expect(flags).toMatch(/^\/\/ Generated from action.yml by `npm run docs`/)
  })

  it('follows a change in action.yml: a value flag, or a switch that flips a default', async () => {
    const changed = actionYml.replace(
      'inputs:\n',
      'inputs:\n' +
        "  new_input:\n    description: Some text.\n    required: false\n    default: 'x'\n" +
        "  new_switch:\n    description: On unless turned off.\n    required: false\n    default: 'true'\n"
    )
    const flags = await renderFlags(changed)
    expect(flags).toContain(
      "flag: 'new-input',\n    input: 'new_input',\n    required: false,\n    default: 'x',\n" +
        "    description: 'Some text.',\n    takesValue: true\n"
    )
    expect(flags).toContain("flag: 'no-new-switch',\n    input: 'new_switch',")
    expect(flags).toContain("takesValue: false,\n    sets: 'false'\n")
  })
})
