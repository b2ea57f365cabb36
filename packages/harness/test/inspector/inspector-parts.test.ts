import { describe, expect, test } from 'vitest'
import { groupAuthjsItems } from '../../src/inspector/authjs-view.js'
import { escapeHtml, html } from '../../src/inspector/html.js'
import { describeTtl, formatDuration, ttlStatus } from '../../src/inspector/ttl-status.js'

describe('html', () => {
  test('escapes every interpolated value unless it was built by html itself', () => {
    const value = `<a href="x" onclick='y'>&</a>`
    expect(html`<p title="${value}">${value}</p>`.value).toBe(
      '<p title="&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;">&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;</p>',
    )
    expect(html`<ul>${['<1>', html`<li>${'<2>'}</li>`]}</ul>`.value).toBe(
      '<ul>&lt;1&gt;<li>&lt;2&gt;</li></ul>',
    )
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0')
    expect(escapeHtml('plain')).toBe('plain')
  })
})

describe('ttlStatus', () => {
  const now = Date.parse('2030-01-01T00:00:00Z')
  test.each([
    [{ expires: now / 1000 + 90 }, 'live', 'live, expires in 1m 30s'],
    [{ expires: now / 1000 }, 'expired', 'expired 0s ago, not swept yet'],
    [{ expires: now / 1000 - 3 * 86_400 - 7200 }, 'expired', 'expired 3d 2h ago, not swept yet'],
    [
      { expires: now / 1000 - 6 * 365 * 86_400 },
      'ignored',
      'expires is more than five years old: DynamoDB ignores it',
    ],
    [{ expires: '2030-01-01' }, 'not-a-number', 'expires is not a Number: never expires'],
    [{ other: 1 }, 'none', ''],
  ])('%j is %s', (item, state, words) => {
    const status = ttlStatus(item, 'expires', now)
    expect(status.state).toBe(state)
    expect(describeTtl(status)).toBe(words)
  })

  test('a table without TTL has no status', () => {
    expect(ttlStatus({ expires: 1 }, undefined, now)).toEqual({ state: 'none' })
  })

  test('formatDuration shows the two largest units', () => {
    expect(formatDuration(0)).toBe('0s')
    expect(formatDuration(59_999)).toBe('59s')
    expect(formatDuration(3_600_000)).toBe('1h')
    expect(formatDuration(90_061_000)).toBe('1d 1h')
  })
})

describe('groupAuthjsItems', () => {
  test('groups the adapter layout by user, with tokens apart and strays listed', () => {
    const view = groupAuthjsItems(
      [
        { id: 'USER#2', key: 'SESSION#orphan' },
        { id: 'USER#1', key: 'ACCOUNT#github#1' },
        { id: 'USER#1', key: 'USER#1', email: 'a@example.com' },
        { id: 'USER#1', key: 'SESSION#t' },
        { id: 'USER#1', key: 'AUTHENTICATOR#c' },
        { id: 'USER#1', key: 'SOMETHING#else' },
        { id: 'VT#a@example.com', key: 'VT#t' },
        { id: 'OTHER', key: 'x' },
        { id: 7, key: 'x' },
      ],
      'id',
      'key',
    )
    expect(view.users.map((group) => group.userId)).toEqual(['1', '2'])
    const [first, second] = view.users
    expect(first?.user).toEqual({ id: 'USER#1', key: 'USER#1', email: 'a@example.com' })
    expect([first?.accounts.length, first?.sessions.length, first?.authenticators.length]).toEqual([
      1, 1, 1,
    ])
    expect(first?.other).toEqual([{ id: 'USER#1', key: 'SOMETHING#else' }])
    expect(second?.user).toBeUndefined()
    expect(second?.sessions).toHaveLength(1)
    expect(view.verificationTokens).toEqual([{ id: 'VT#a@example.com', key: 'VT#t' }])
    expect(view.other).toHaveLength(2)
  })
})
