// SIGINT and SIGTERM as GitHub sends them to a cancelled step: the first cancels the run, a second
// exits at once. Driven with process.emit, every listener the module adds removed after each test.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { cancelOnSignals, statusFor } from '../src/cancel.js'

const SIGNALS = ['SIGINT', 'SIGTERM'] as const

let before: Record<(typeof SIGNALS)[number], NodeJS.SignalsListener[]>
beforeEach(() => {
  before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
})
afterEach(() => {
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before[signal].includes(listener)) process.removeListener(signal, listener)
    }
    expect(process.listeners(signal)).toEqual(before[signal])
  }
})

/** Delivers `signal` as Node does: its listeners get the signal's name. */
function deliver(signal: NodeJS.Signals): boolean {
  return process.emit(signal, signal)
}

/** Stands in for process.exit: throws, as a real exit never returns. */
function exitStub() {
  return jest.fn((signal: NodeJS.Signals): never => {
    throw new Error(`exited at once on ${signal}`)
  })
}

describe('cancelOnSignals', () => {
  it('listens for SIGINT and SIGTERM, and has not cancelled before a signal', () => {
    const exit = exitStub()
    const cancellation = cancelOnSignals(exit)
    for (const signal of SIGNALS) {
      expect(process.listenerCount(signal)).toBe(before[signal].length + 1)
    }
    expect(cancellation.signal.aborted).toBe(false)
    expect(cancellation.received()).toBeUndefined()
    expect(exit).not.toHaveBeenCalled()
  })

  it.each(SIGNALS)('cancels the run on the first %s and says which signal came', signal => {
    const exit = exitStub()
    const cancellation = cancelOnSignals(exit)
    deliver(signal)
    expect(cancellation.signal.aborted).toBe(true)
    expect(cancellation.signal.reason).toEqual(new Error(`cancelled by ${signal}`))
    expect(cancellation.received()).toBe(signal)
    expect(exit).not.toHaveBeenCalled()
  })

  it('exits at once on a second signal, with that signal', () => {
    const exit = exitStub()
    const cancellation = cancelOnSignals(exit)
    deliver('SIGINT')
    expect(() => deliver('SIGTERM')).toThrow('exited at once on SIGTERM')
    expect(exit).toHaveBeenCalledTimes(1)
    expect(exit).toHaveBeenCalledWith('SIGTERM')
    // The run stays cancelled by the first signal.
    expect(cancellation.received()).toBe('SIGINT')
  })

  it('exits at once on a second SIGINT too', () => {
    const exit = exitStub()
    cancelOnSignals(exit)
    deliver('SIGINT')
    expect(() => deliver('SIGINT')).toThrow('exited at once on SIGINT')
    expect(exit).toHaveBeenCalledWith('SIGINT')
  })
})

describe('statusFor', () => {
  it('is 130 for SIGINT and 143 for SIGTERM, as a shell reports them', () => {
    expect(statusFor('SIGINT')).toBe(130)
    expect(statusFor('SIGTERM')).toBe(143)
  })
})
