import { describe, expect, it } from 'vitest'
import { failureMessage } from '../../src/cli/failure-message.js'
import { EmulatorError } from '../../src/errors/emulator-error.js'

const settings = { port: 8000, host: '127.0.0.1' }

describe('failureMessage', () => {
  it('turns a taken port into the flag to pass', () => {
    const expected =
      'port 8000 is in use: pass --port 0 for a free port, or stop whatever listens on 127.0.0.1:8000'
    expect(failureMessage(new EmulatorError('PORT_IN_USE', 'Port 8000 is in use'), settings)).toBe(
      expected,
    )
    expect(
      failureMessage(Object.assign(new Error('listen'), { code: 'EADDRINUSE' }), settings),
    ).toBe(expected)
  })

  it('turns a privileged port into the flag to pass', () => {
    const error = Object.assign(new Error('listen EACCES'), { code: 'EACCES', syscall: 'listen' })
    expect(failureMessage(error, { port: 80, host: '0.0.0.0' })).toBe(
      'no permission to listen on port 80: pass --port 0 for a free port, or a port above 1023',
    )
  })

  it('blames a --persist directory it cannot write, not the port', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/srv/db/x.lock'"), {
      code: 'EACCES',
      syscall: 'open',
      path: '/srv/db/x.lock',
    })
    expect(failureMessage(error, { port: 0, host: '127.0.0.1' })).toBe(
      'no permission to write /srv/db/x.lock: give the user running the emulator write access, or choose another --persist directory',
    )
  })

  it("keeps any other error's own message, on one line", () => {
    const error = new EmulatorError(
      'TABLE_SETUP_FAILED',
      'Cannot create table x:\n  bad key schema',
    )
    expect(failureMessage(error, settings)).toBe('Cannot create table x: bad key schema')
    expect(failureMessage('plain string', settings)).toBe('plain string')
  })
})
