/** HTML that is already safe to send: markup built by {@link html}, never client data as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] as string)
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | Interpolation[]

/**
 * A tagged template for the inspector's pages: every interpolated value is escaped unless it is
 * {@link SafeHtml} (built by this same tag), and arrays are joined. Written here rather than
 * taken from a template engine: the pages are a few hundred lines, and this is all they need
 * to keep item data (which any client can write) from ever being read as markup.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] as string
  for (const [index, value] of values.entries()) {
    out += render(value) + (strings[index + 1] as string)
  }
  return new SafeHtml(out)
}

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(String(value))
}
