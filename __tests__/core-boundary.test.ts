// src/core knows nothing of its host: the lint rule that keeps it so, tried on code that breaks it.
import { describe, expect, it } from '@jest/globals'
import { ESLint } from 'eslint'

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath })
  return result.messages.map(message => message.message)
}

describe('the src/core boundary', () => {
  it.each([
    ["import * as core from '@actions/core'\nexport const x = core", /@actions\/core/],
    ["import { context } from '@actions/github'\nexport const x = context", /@actions\/github/],
    ["import { run } from '../action/main.js'\nexport const x = run", /must not import a door/],
    ["import { run } from '../cli/main.js'\nexport const x = run", /must not import a door/],
    ['export const x = process.env.GITHUB_RUN_ID', /passes the environment/]
  ])('refuses %j in src/core', async (code, expected) => {
    expect(await problems(code, 'src/core/probe.ts')).toEqual([expect.stringMatching(expected)])
  })

  it('lets the doors reach for their host', async () => {
    const code = "import * as core from '@actions/core'\nexport const x = [core, process.env.CI]"
    expect(await problems(code, 'src/action/probe.ts')).toEqual([])
  })
})
