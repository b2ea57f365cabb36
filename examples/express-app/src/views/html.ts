const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Markup that {@link html} inserts as is: the result of another `html` template. */
export class SafeHtml {
  /** @param value - markup already escaped */
  constructor(readonly value: string) {}

  toString(): string {
    return this.value
  }
}

/** A value a template accepts: text (escaped), markup, or a list of either. */
export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[]

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' || typeof value === 'number') {
    return String(value).replace(/[&<>"']/g, (char) => escapes[char] ?? char)
  }
  return value.map(render).join('')
}

/**
 * A tagged template for server-rendered pages: every interpolated string is HTML-escaped, so
 * user data (an email address, an error code) can never inject markup.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, string, index) => out + render(values[index - 1]) + string),
  )
}
