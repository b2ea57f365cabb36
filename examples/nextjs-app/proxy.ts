// Next.js 16's proxy (formerly middleware) runs on the Node.js runtime, so `auth` reads the
// database session through the adapter here as it does in pages.
export { auth as proxy } from '@/auth'

export const config = { matcher: ['/dashboard/:path*'] }
