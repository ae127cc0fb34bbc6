// A stand-in for @actions/core, handed to the action's run(): inputs come from a plain object,
// everything written is recorded.
import { jest } from '@jest/globals'

export const inputs: Record<string, string> = {}
export const outputs: Record<string, string> = {}
export const summaries: string[] = []

export const getInput = jest.fn((name: string) => inputs[name] ?? '')
export const setSecret = jest.fn<(secret: string) => void>()
export const setOutput = jest.fn((name: string, value: string) => {
  outputs[name] = value
})
export const debug = jest.fn<(message: string) => void>()
export const info = jest.fn<(message: string) => void>()
export const notice = jest.fn<(message: string) => void>()
export const warning = jest.fn<(message: string) => void>()
export const error = jest.fn<(message: string) => void>()
export const setFailed = jest.fn<(message: string) => void>()
export const summary = {
  addRaw(text: string) {
    summaries.push(text)
    return this
  },
  write: jest.fn(async () => summary)
}

/** Resets the recorded calls and sets the inputs for the next run (action.yml defaults first). */
export function reset(next: Record<string, string> = {}): void {
  for (const record of [inputs, outputs]) for (const key of Object.keys(record)) delete record[key]
  summaries.length = 0
  Object.assign(inputs, next)
  for (const mock of [
    getInput,
    setSecret,
    setOutput,
    debug,
    info,
    notice,
    warning,
    error,
    setFailed
  ]) {
    mock.mockClear()
  }
}

/** Every line the run wrote to the log, in any channel. */
export function logged(): string[] {
  return [debug, info, notice, warning, error, setFailed].flatMap(mock =>
    mock.mock.calls.map(call => String(call[0]))
  )
}
