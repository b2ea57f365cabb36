import { afterEach, describe, expect, it } from 'vitest'
import { adminClient } from '../../src/admin/admin-client.js'
import { type CliProcess, exitCode, startCli, startCliJson } from './cli-process.js'

const running: CliProcess[] = []
afterEach(async () => {
  for (const cli of running.splice(0)) {
    cli.child.kill('SIGTERM')
    await exitCode(cli)
  }
})

describe('auth-dynamo-emulator beyond loopback', () => {
  it('warns on stderr that the network can reach it, and guards the admin API with a token', async () => {
    const { cli, ready } = await startCliJson(['--port', '0', '--host', '0.0.0.0'])
    running.push(cli)
    const token = ready.adminToken ?? undefined
    expect(token).toMatch(/^\S{16,}$/)
    await expect.poll(() => cli.stderr()).toContain('admin API')
    expect(cli.stderr()).toContain(`${ready.adminUrl}`)
    expect(cli.stderr()).toContain(String(token))
    await expect(adminClient(ready.endpoint).health()).rejects.toThrow(/401.*token/)
    expect((await adminClient(ready.endpoint, { token }).health()).status).toBe('ok')
  })

  it('takes the token from --admin-token', async () => {
    const token = 'chosen-admin-token-123'
    const { cli, ready } = await startCliJson([
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--admin-token',
      token,
    ])
    running.push(cli)
    expect(ready.adminToken).toBe(token)
    expect((await adminClient(ready.endpoint, { token }).health()).status).toBe('ok')
  })

  it('prints an inspector address that opens with the token, which then moves into a cookie', async () => {
    const { cli, ready } = await startCliJson(['--port', '0', '--host', '0.0.0.0'])
    running.push(cli)
    expect(ready.inspectorUrl).toBe(
      `${ready.adminUrl}/inspector?token=${encodeURIComponent(String(ready.adminToken))}`,
    )
    expect((await fetch(`${ready.adminUrl}/inspector`)).status).toBe(401)
    const opened = await fetch(ready.inspectorUrl, { redirect: 'manual' })
    expect(opened.status).toBe(303)
    expect(opened.headers.get('location')).toBe('/_emulator/inspector')
    const cookie = opened.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    const page = await fetch(`${ready.adminUrl}/inspector`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    })
    expect(page.status).toBe(200)
  })
})

describe('auth-dynamo-emulator when its clock moves', () => {
  it('says how far from real time the clock is, and how to go back, then that it is back', async () => {
    const cli = startCli(['--port', '0'])
    running.push(cli)
    const text = await cli.waitForStdout((stdout) => stdout.includes('Press Ctrl+C to stop.'))
    const endpoint = /endpoint {2}(\S+)/.exec(text)?.[1] as string
    const admin = adminClient(endpoint)
    await admin.advanceClock(2 * 3_600_000)
    const moved = await cli.waitForStdout((stdout) => stdout.includes('ahead of real time'))
    expect(moved).toMatch(/clock moved to \S+, 2h ahead of real time/)
    expect(moved).toContain(`"reset":true}' ${endpoint}/_emulator/clock`)
    expect(moved).toContain('may already count as expired')
    expect((await admin.health()).clock.offsetMs).toBeGreaterThan(7_100_000)

    await admin.setClock(Date.now() - 86_400_000)
    const behind = await cli.waitForStdout((stdout) => stdout.includes('behind real time'))
    expect(behind).toMatch(/1d 0h behind real time|23h 59m behind real time|1d behind real time/)
    expect(behind).toContain('swept later than its expiry says')

    await admin.resetClock()
    await cli.waitForStdout((stdout) => stdout.includes('clock back on real time'))
    expect(Math.abs((await admin.health()).clock.offsetMs)).toBeLessThan(1000)
  })
})
