/** How long an opened PDF's blob URL stays valid (the viewer has read it long before). */
const KEEP_URL_MS = 5 * 60_000;

/**
 * Opens PDF bytes for reading in a window of their own, from a blob URL of the app's origin
 * (Chromium's PDF viewer, in the browser and on desktop alike, where main allows exactly such
 * windows). The new window gets no handle on the app (`opener` cleared). False when the window
 * could not open (a blocked pop-up).
 */
export function openPdf(bytes: Uint8Array<ArrayBuffer>): boolean {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const opened = window.open(url, '_blank');
  if (opened === null) {
    URL.revokeObjectURL(url);
    return false;
  }
  opened.opener = null;
  window.setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
  return true;
}
