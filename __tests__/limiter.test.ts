// The run-wide rate limiter, on a virtual clock: time only moves when every promise has settled
// and the next timer is due, so a 10-second schedule is checked in milliseconds.
import { describe, it, expect } from '@jest/globals'
import { NotStarted } from '../src/core/errors.js'
import { Limiter, type LimiterClock } from '../src/core/limiter.js'

interface Timer {
  at: number
  seq: number
  resolve: () => void
}

/**
 * A clock whose time jumps from timer to timer. `sleep` is the limiter's (and is counted, so a
 * busy loop shows); `work` is a task's own duration.
 */
function steppingClock() {
  let now = 0
  let seq = 0
  const timers: Timer[] = []
  const sleeps: number[] = []
  const schedule = (ms: number) =>
    new Promise<void>(resolve => timers.push({ at: now + ms, seq: seq++, resolve }))
  return {
    sleeps,
    now: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms)
      return schedule(ms)
    },
    work: schedule,
    /** Sets the wall clock back or forth, as an NTP correction would. */
    jump: (ms: number) => {
      now += ms
      for (const timer of timers) timer.at += ms
    },
    /** Runs timers in order until `promise` settles. */
    async drive<T>(promise: Promise<T>): Promise<T> {
      let settled = false
      promise.then(
        () => (settled = true),
        () => (settled = true)
      )
      for (let step = 0; step < 100_000; step++) {
        await new Promise(resolve => setImmediate(resolve))
        if (settled) return promise
        if (timers.length === 0) throw new Error('stuck: nothing scheduled, promise pending')
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
        const next = timers.shift()!
        now = Math.max(now, next.at)
        next.resolve()
      }
      throw new Error('too many steps')
    }
  }
}

type SteppingClock = ReturnType<typeof steppingClock>

/** Submits `count` tasks of `durationMs` each; records when each started and ended. */
function submit(limiter: Limiter, clock: SteppingClock, count: number, durationMs = 0) {
  const starts: number[] = []
  const ends: number[] = []
  let active = 0
  let peak = 0
  const all = Promise.all(
    Array.from({ length: count }, (_, k) =>
      limiter.run(async () => {
        starts[k] = clock.now()
        peak = Math.max(peak, ++active)
        if (durationMs) await clock.work(durationMs)
        active--
        ends[k] = clock.now()
        return k
      })
    )
  )
  return { all, starts, ends, peak: () => peak }
}

/** Every run of consecutive starts fits the bucket: burst + elapsed × rate. */
function expectConformsToBucket(starts: number[], ratePerSecond: number, burst: number) {
  const sorted = [...starts].sort((a, b) => a - b)
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i; j < sorted.length; j++) {
      const allowed = burst + ((sorted[j] - sorted[i]) * ratePerSecond) / 1000
      expect(j - i + 1).toBeLessThanOrEqual(allowed + 1e-9)
    }
  }
}

describe('rate and burst', () => {
  it('paces from the first request: the bucket starts empty, leaving the burst to the org', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 20, burst: 5, concurrency: 5 }, clock)
    const { all, starts } = submit(limiter, clock, 8)
    expect(await clock.drive(all)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(starts).toEqual([0, 50, 100, 150, 200, 250, 300, 350])
  })

  it('holds 200 requests at 20/s with bursts of 5 to the rate, and no slower', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 20, burst: 5, concurrency: 5 }, clock)
    const { all, starts } = submit(limiter, clock, 200, 10)
    await clock.drive(all)
    starts.forEach((start, k) => {
      // Request k (from 0) starts at exactly k / 20 s: never sooner, never later.
      expect(start).toBeGreaterThanOrEqual(k * 50 - 1e-6)
      expect(start).toBeLessThanOrEqual(k * 50 + 1e-6)
    })
    expectConformsToBucket(starts, 20, 5)
    expect(clock.now()).toBeCloseTo(9950 + 10)
  })

  it('sleeps once per request after the first, never in a busy loop', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 20, burst: 5, concurrency: 5 }, clock)
    await clock.drive(submit(limiter, clock, 200, 10).all)
    expect(clock.sleeps.length).toBeLessThanOrEqual(199)
    expect(Math.min(...clock.sleeps)).toBeGreaterThan(0.001)
  })

  it('keeps the rate when the interval is not a whole number of milliseconds', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 3, burst: 2, concurrency: 2 }, clock)
    const { all, starts } = submit(limiter, clock, 30)
    await clock.drive(all)
    expectConformsToBucket(starts, 3, 2)
    expect(starts[29]).toBeCloseTo((29 * 1000) / 3)
    expect(clock.sleeps.length).toBe(29)
  })

  it('allows a rate below one request per second', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 0.1, burst: 1, concurrency: 1 }, clock)
    const { all, starts } = submit(limiter, clock, 3)
    await clock.drive(all)
    expect(starts).toEqual([0, 10_000, 20_000])
  })

  it('refills the burst after an idle spell', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 10, burst: 3, concurrency: 3 }, clock)
    await clock.drive(submit(limiter, clock, 6).all)
    await clock.drive(clock.work(1000))
    const later = submit(limiter, clock, 4)
    await clock.drive(later.all)
    const t = later.starts[0]
    expect(later.starts).toEqual([t, t, t, t + 100])
  })
})

describe('requests in flight', () => {
  it('never runs more than `concurrency` requests at once', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 1000, burst: 10, concurrency: 3 }, clock)
    const run = submit(limiter, clock, 30, 100)
    const seen: number[] = []
    const watched = Promise.all([
      run.all,
      ...Array.from({ length: 30 }, () => clock.work(37).then(() => seen.push(limiter.inFlight)))
    ])
    await clock.drive(watched)
    expect(run.peak()).toBe(3)
    expect(Math.max(...seen)).toBeLessThanOrEqual(3)
    // 30 requests of 100 ms, three at a time, the first three 1 ms apart at 1000/s.
    expect(clock.now()).toBeCloseTo(1002)
    expect(limiter.inFlight).toBe(0)
    expect(limiter.waiting).toBe(0)
  })

  it('starts the next request as soon as one in flight ends', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 1000, burst: 2, concurrency: 2 }, clock)
    const durations = [300, 100, 50, 50]
    const starts: number[] = []
    const all = Promise.all(
      durations.map((ms, k) =>
        limiter.run(async () => {
          starts[k] = clock.now()
          await clock.work(ms)
        })
      )
    )
    await clock.drive(all)
    // The second 1 ms after the first (1000/s); each later one the moment a slot frees.
    expect(starts).toEqual([0, 1, 101, 151])
  })

  it('frees the slot of a request that fails, and passes its error to the caller', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 100, burst: 1, concurrency: 1 }, clock)
    const failing = limiter.run(async () => {
      throw new Error('HTTP 500')
    })
    const throwing = limiter.run((): Promise<string> => {
      throw new Error('not even a promise')
    })
    const next = limiter.run(async () => 'sent')
    await expect(clock.drive(failing)).rejects.toThrow('HTTP 500')
    await expect(clock.drive(throwing)).rejects.toThrow('not even a promise')
    await expect(clock.drive(next)).resolves.toBe('sent')
    expect(limiter.inFlight).toBe(0)
  })
})

describe('a cancelled run', () => {
  it('starts no request still waiting for its turn; the one in flight goes on', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 100, burst: 1, concurrency: 1 }, clock)
    const controller = new AbortController()
    const started: string[] = []
    const task = (name: string) => async () => {
      started.push(name)
      await clock.work(100)
      return name
    }
    const first = limiter.run(task('first'), controller.signal)
    const second = limiter.run(task('second'), controller.signal).catch((error: unknown) => error)
    await clock.drive(clock.work(10))
    controller.abort()
    await expect(clock.drive(first)).resolves.toBe('first')
    const refused = await second
    expect(refused).toBeInstanceOf(NotStarted)
    expect(started).toEqual(['first'])
    expect(limiter.waiting).toBe(0)
    // Once cancelled, a new request is refused at once.
    await expect(limiter.run(task('late'), controller.signal)).rejects.toBeInstanceOf(NotStarted)
  })
})

describe('order', () => {
  it('starts requests in the order they were asked for, late arrivals behind the queue', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 10, burst: 2, concurrency: 2 }, clock)
    const order: string[] = []
    const task = (name: string, ms: number) => () => {
      order.push(name)
      return clock.work(ms)
    }
    const first = ['a', 'b', 'c', 'd', 'e'].map(name => limiter.run(task(name, 30)))
    const late = clock
      .work(120)
      .then(() => Promise.all(['f', 'g'].map(name => limiter.run(task(name, 30)))))
    await clock.drive(Promise.all([...first, late]))
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
  })
})

describe('pause', () => {
  it('holds back every queued request when one request is told to wait (a 429)', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 20, burst: 1, concurrency: 5 }, clock)
    const starts: number[] = []
    const all = Promise.all(
      Array.from({ length: 4 }, (_, k) =>
        limiter.run(async () => {
          starts[k] = clock.now()
          await clock.work(10)
          if (k === 0) limiter.pause(1000)
        })
      )
    )
    await clock.drive(all)
    // The first answers 429 at 10 ms with Retry-After 1 s: nobody starts before 1010 ms.
    expect(starts).toEqual([0, 1010, 1060, 1110])
  })

  it('holds back requests that arrive during the pause, behind those already queued', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 100, burst: 2, concurrency: 2 }, clock)
    const order: string[] = []
    const starts: Record<string, number> = {}
    const task = (name: string) => async () => {
      order.push(name)
      starts[name] = clock.now()
    }
    await clock.drive(limiter.run(task('before')))
    limiter.pause(2000)
    const queued = limiter.run(task('queued'))
    const later = clock.work(500).then(() => limiter.run(task('later')))
    await clock.drive(Promise.all([queued, later]))
    expect(order).toEqual(['before', 'queued', 'later'])
    expect(starts.queued).toBe(2000)
    // Then paced at the rate (100/s), not in a burst.
    expect(starts.later).toBe(2010)
  })

  it('does not touch requests already in flight', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 100, burst: 2, concurrency: 2 }, clock)
    const ends: number[] = []
    const slow = limiter.run(async () => {
      await clock.work(300)
      ends.push(clock.now())
    })
    const pausing = limiter.run(async () => {
      await clock.work(100)
      limiter.pause(5000)
    })
    await clock.drive(Promise.all([slow, pausing]))
    expect(ends).toEqual([300])
  })

  it('is not cut short by a shorter pause, and is extended by a longer one', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 100, burst: 5, concurrency: 5 }, clock)
    limiter.pause(1000)
    limiter.pause(200)
    let started = -1
    await clock.drive(limiter.run(async () => void (started = clock.now())))
    expect(started).toBe(1000)

    limiter.pause(500)
    await clock.drive(clock.work(100))
    limiter.pause(800)
    await clock.drive(limiter.run(async () => void (started = clock.now())))
    expect(started).toBe(1900)
  })

  it('paces at the rate after a pause instead of spending a burst Refold just refused', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 10, burst: 3, concurrency: 3 }, clock)
    // Idle long enough for a full bucket of 3.
    await clock.drive(clock.work(1000))
    limiter.pause(500)
    const { all, starts } = submit(limiter, clock, 3)
    await clock.drive(all)
    expect(starts).toEqual([1500, 1600, 1700])
  })

  it('ignores a pause of zero or less', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 100, burst: 5, concurrency: 5 }, clock)
    limiter.pause(0)
    limiter.pause(-50)
    limiter.pause(Number.NaN)
    await clock.drive(limiter.run(async () => undefined))
    expect(clock.now()).toBe(0)
    expect(clock.sleeps).toEqual([])
  })

  it('holds back a request waiting for a slot when the pause comes while it waits', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 100, burst: 5, concurrency: 1 }, clock)
    let second = -1
    const first = limiter.run(async () => {
      await clock.work(50)
      limiter.pause(700)
    })
    const next = limiter.run(async () => void (second = clock.now()))
    await clock.drive(Promise.all([first, next]))
    expect(second).toBe(750)
  })
})

describe('a clock that misbehaves', () => {
  it('does not stall when the wall clock is set back', async () => {
    const clock = steppingClock()
    const limiter = new Limiter({ ratePerSecond: 10, burst: 1, concurrency: 1 }, clock)
    await clock.drive(limiter.run(async () => undefined))
    limiter.pause(1000)
    clock.jump(-3_600_000)
    const before = clock.now()
    await clock.drive(limiter.run(async () => undefined))
    // At most the pause that was asked for, not an hour more.
    expect(clock.now() - before).toBeLessThanOrEqual(1000)
    const after = clock.now()
    clock.jump(-3_600_000)
    await clock.drive(limiter.run(async () => undefined))
    expect(clock.now() - (after - 3_600_000)).toBeLessThanOrEqual(100)
  })

  it('fails the waiting requests instead of hanging when the clock cannot sleep', async () => {
    const clock: LimiterClock = {
      now: () => 0,
      sleep: () => Promise.reject(new Error('no timers here'))
    }
    const limiter = new Limiter({ ratePerSecond: 1, burst: 1, concurrency: 1 }, clock)
    const first = limiter.run(async () => 'sent')
    const second = limiter.run(async () => 'sent')
    await expect(first).resolves.toBe('sent')
    await expect(second).rejects.toThrow('no timers here')
  })
})

describe('options', () => {
  const clock = steppingClock()
  it.each([
    [{ ratePerSecond: 0, burst: 1, concurrency: 1 }, /rate/],
    [{ ratePerSecond: Infinity, burst: 1, concurrency: 1 }, /rate/],
    [{ ratePerSecond: Number.NaN, burst: 1, concurrency: 1 }, /rate/],
    [{ ratePerSecond: 1, burst: 0, concurrency: 1 }, /burst/],
    [{ ratePerSecond: 1, burst: 1.5, concurrency: 1 }, /burst/],
    [{ ratePerSecond: 1, burst: 1, concurrency: 0 }, /concurrency/],
    [{ ratePerSecond: 1, burst: 1, concurrency: 2.5 }, /concurrency/]
  ])('rejects %o', (options, message) => {
    expect(() => new Limiter(options, clock)).toThrow(RangeError)
    expect(() => new Limiter(options, clock)).toThrow(message)
  })
})

describe('on real timers', () => {
  it('runs 20 requests at 100/s in about 190 ms', async () => {
    const clock: LimiterClock = {
      now: () => performance.now(),
      sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
    }
    const limiter = new Limiter({ ratePerSecond: 100, burst: 5, concurrency: 3 }, clock)
    const started = performance.now()
    const starts: number[] = []
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          starts.push(performance.now() - started)
          await new Promise(resolve => setTimeout(resolve, 5))
        })
      )
    )
    const elapsed = performance.now() - started
    expect(elapsed).toBeLessThan(1000)
    // 19 intervals of 10 ms after the first; timers never fire early by more than a tick.
    expect(starts[19]).toBeGreaterThanOrEqual(190 - 2)
  })
})
