import { expect, test } from 'vitest'
import { targetsFromEnv } from '../../src/start-targets.js'

test('DIFFERENTIAL_EMULATOR_ENDPOINT and DIFFERENTIAL_LOCAL_ENDPOINT name running backends', () => {
  expect(targetsFromEnv({})).toEqual({})
  const found = targetsFromEnv({
    DIFFERENTIAL_EMULATOR_ENDPOINT: 'http://127.0.0.1:8000/',
    DIFFERENTIAL_LOCAL_ENDPOINT: '',
  })
  expect(found.local).toBeUndefined()
  expect(found.emulator).toMatchObject({ name: 'emulator', endpoint: 'http://127.0.0.1:8000' })
})

test('an endpoint that is not an http URL is refused with the variable named', () => {
  expect(() => targetsFromEnv({ DIFFERENTIAL_LOCAL_ENDPOINT: 'localhost:8000' })).toThrow(
    /DIFFERENTIAL_LOCAL_ENDPOINT must be an http\(s\) URL/,
  )
  expect(() => targetsFromEnv({ DIFFERENTIAL_EMULATOR_ENDPOINT: 'not a url' })).toThrow(
    /DIFFERENTIAL_EMULATOR_ENDPOINT/,
  )
})
