// `npm run local-action`: src/action/main.ts run by @github/local-action with .env.example's inputs and
// GitHub variables, against a fake Refold. Checked here because local-action stubs @actions/core by
// its file path: an update on either side can break local runs without breaking anything else.
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../test/run-action.js'

describe('npm run local-action', () => {
  it('fires .env.example’s event at the fake Refold and prints the outputs', async () => {
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>(resolve =>
      execFile(
        process.execPath,
        ['script/local-action.js', '--fake'],
        { cwd: ROOT, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout) => resolve({ code: error ? (error.code as number) : 0, stdout })
      )
    )
    expect(stdout).toContain('Refold accepted event "Release Published" for acme@example.com')
    expect(stdout).toContain('::set-output name=ok::true')
    expect(stdout).toContain('::set-output name=attempts::1')
    expect(stdout).toContain('"release":{"tag_name":"v2.4.0"')
    expect(stdout).toMatch(/The fake Refold received:\n {2}POST \/api\/v2\/public\/event\n/)
    expect(code).toBe(0)
  })

  it('.env.example sets every input of action.yml', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
    const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8')
    const set = [...example.matchAll(/^INPUT_(\w+)=/gm)].map(match => match[1].toLowerCase())
    expect(set).toEqual(Object.keys(action.inputs))
  })
})
