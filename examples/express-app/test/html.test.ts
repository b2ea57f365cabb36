import { describe, expect, test } from 'vitest'
import { html } from '../src/views/html.js'

describe('html', () => {
  test('escapes interpolated text, so user data cannot add markup', () => {
    const email = `"><script>alert('x')</script>&@example.com`
    expect(html`<p title="${email}">${email}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;@example.com">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;@example.com</p>',
    )
  })

  test('inserts nested templates and lists as markup, and nothing for null or undefined', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`)
    expect(html`<ul>${items}</ul>${null}${undefined}${0}`.value).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>0',
    )
  })
})
