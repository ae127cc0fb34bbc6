// The README's inputs and outputs tables are generated from action.yml (npm run docs): a user
// reads the README, the runner reads action.yml, and the two must say the same thing.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { renderReadme } from '../script/docs.js'
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
