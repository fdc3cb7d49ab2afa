import { OWN_TAG_PREFIX } from './page-detect';

/**
 * Calls `check` now and after every change to the page that is not our own, until `signal` aborts. Alegra is a
 * single-page app that renders its views long after the URL changes, so features look again on each change.
 * One MutationObserver callback runs per rendering task, which already batches a framework's commit.
 * Returns the check, for a feature that learns something without the page changing.
 */
export function observePage(signal: AbortSignal, check: () => void, root: Node = document.documentElement): () => void {
  if (signal.aborted) return () => undefined;
  const run = () => {
    if (signal.aborted) return;
    try {
      check();
    } catch (error) {
      // Never break the host page: a feature that fails only logs.
      console.error('[Agente de Gastos]', error);
    }
  };
  const observer = new MutationObserver((records) => {
    if (records.every(isOwnMutation)) return;
    run();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'aria-expanded'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  run();
  return run;
}

function isOwnMutation(record: MutationRecord): boolean {
  const isOwn = (node: Node) => node instanceof Element && node.tagName.startsWith(OWN_TAG_PREFIX);
  if (isOwn(record.target)) return true;
  if (record.type !== 'childList') return false;
  const changed = [...record.addedNodes, ...record.removedNodes];
  return changed.length > 0 && changed.every(isOwn);
}
