/**
 * Behind the hidden address `#/__crash`: throws while rendering, so the error screen can be seen
 * and checked in any build. It reaches no data and changes nothing.
 */
export function Crash(): never {
  throw new Error('Deliberate crash at #/__crash, to show the error screen');
}
