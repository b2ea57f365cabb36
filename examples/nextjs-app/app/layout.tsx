import type { ReactNode } from 'react'

export const metadata = { title: 'Auth.js on DynamoDB (Next.js)' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav>
          <a href="/">Home</a> · <a href="/protected">Protected</a> ·{' '}
          <a href="/dashboard">Dashboard</a>
        </nav>
        <main>{children}</main>
      </body>
    </html>
  )
}
