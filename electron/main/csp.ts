/**
 * The Content-Security-Policy sent with every response of the `app://` protocol. It starts from
 * `default-src 'none'` and opens only what the renderer needs.
 *
 * One written waiver: `style-src 'unsafe-inline'`. antd's CSS-in-JS injects `<style>` elements at
 * runtime and frappe-gantt sets inline `style` attributes on its bars; neither works with hashes
 * or nonces. Scripts stay `'self'` only, so an injected `<script>` or event-handler attribute
 * still does not run. See SECURITY.md.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'manifest-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'object-src': "'none'",
};

export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');
