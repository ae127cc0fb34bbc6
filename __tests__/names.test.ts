// The input and output names the code reads and writes are exactly those action.yml declares.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { Inputs, Outputs } from '../src/core/names.js'
import { ROOT } from '../test/run-action.js'

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}

describe('src/core/names.ts against action.yml', () => {
  it('names every input of action.yml, and no other', () => {
    expect(Object.values(Inputs).sort()).toEqual(Object.keys(action.inputs).sort())
  })

  it('names every output of action.yml, and no other', () => {
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(action.outputs).sort())
  })
})
