// The end-to-end suites' one fake-Refold lifecycle: a fake per test, closed after it, and what it
// received held to Refold's API. The tests run in order: the third looks at what the second left.
import { describe, expect, it } from '@jest/globals'
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import type { FakeRefold } from '../test/fake-refold.js'

describe('fakeRefoldPerTest', () => {
  const refold = fakeRefoldPerTest()
  let earlier: FakeRefold | undefined

  it('has no fake before one is started, and says so', () => {
    expect(() => refold.current).toThrow('No fake Refold was started in this test')
  })

  it('start gives the test one fake, the same one on each later call', async () => {
    const fake = await refold.start({ apiKeys: ['pk_test_first'] })
    expect(await refold.start()).toBe(fake)
    expect(refold.current).toBe(fake)
    earlier = fake
  })

  it("after a test, that test's fake is closed and forgotten", async () => {
    expect(earlier).toBeDefined()
    expect(() => refold.current).toThrow('No fake Refold was started in this test')
    await expect(fetch(`${earlier!.url}/api/v2/public/event`)).rejects.toThrow()
  })

  it('replace closes the fake, holds what it received to the API, and starts a fresh one', async () => {
    const old = await refold.start()
    await fetch(`${old.url}/nowhere`)
    await expect(refold.replace()).rejects.toThrow(
      "GET /nowhere: no operation of Refold's API has this method and path"
    )
    await expect(fetch(`${old.url}/api/v2/public/event`)).rejects.toThrow()
    const fresh = await refold.replace({ apiKeys: ['pk_test_second'] })
    expect(fresh).not.toBe(old)
    expect(refold.current).toBe(fresh)
  })
})
