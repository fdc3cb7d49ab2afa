/**
 * "Open the panel", said by whichever entry the user used (menu item, title button, the popup). The panel
 * feature listens; the opener gets the focus back when the panel closes.
 */
const requests = new EventTarget();

export function requestPanel(opener?: HTMLElement): void {
  requests.dispatchEvent(new CustomEvent<HTMLElement | undefined>('open', { detail: opener }));
}

export function onPanelRequest(signal: AbortSignal, listener: (opener: HTMLElement | undefined) => void): void {
  requests.addEventListener('open', (event) => listener((event as CustomEvent<HTMLElement | undefined>).detail), { signal });
}
