import { createServer } from 'node:net';
import { preview } from 'vite';

/** A TCP port nobody listens on right now, chosen by the OS. */
export function freePort(host) {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Serves the built renderer as static files with Vite's preview server, as `npm run web` and
 * the e2e tests do. No project config is loaded: the renderer's own config nests inside
 * electron-vite's, and a static server needs none of it.
 */
export async function serveRenderer({ root, outDir, host = '127.0.0.1' }) {
  const port = await freePort(host);
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host, port, strictPort: true, open: false },
  });
  return {
    baseURL: `http://${host}:${port}/`,
    close: () => server.close(),
  };
}
