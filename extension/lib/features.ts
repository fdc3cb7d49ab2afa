import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * One injected feature (Refined GitHub style): it runs while the URL matches one of `include`, and `init` gets a
 * signal that aborts when the user leaves, so every observer, listener and injected element goes with it.
 */
export interface Feature {
  id: string;
  /** At least one must match the current URL. */
  include: ((url: URL) => boolean)[];
  /** Once per page load, before the first `init`: create shadow-root UIs (their CSS loads asynchronously). */
  setup?: (ctx: ContentScriptContext) => Promise<void>;
  /** Each time the user arrives at a matching URL. */
  init: (signal: AbortSignal) => void;
}

/**
 * Starts and stops features as Alegra's single-page app changes route (`wxt:locationchange`, no reload).
 * A feature keeps running while the URL keeps matching, so an open panel survives a tab switch on the same page.
 */
export async function runFeatures(ctx: ContentScriptContext, features: Feature[]): Promise<void> {
  const running = new Map<string, AbortController>();
  // Do not await one feature's setup before another's, and never let one failure stop the rest.
  await Promise.all(features.map((feature) => feature.setup?.(ctx).catch((error: unknown) => console.error(`[Agente de Gastos] ${feature.id}`, error))));

  const apply = (url: URL) => {
    for (const feature of features) {
      const matches = feature.include.some((predicate) => predicate(url));
      const controller = running.get(feature.id);
      if (matches && !controller) {
        const next = new AbortController();
        running.set(feature.id, next);
        try {
          feature.init(next.signal);
        } catch (error) {
          console.error(`[Agente de Gastos] ${feature.id}`, error);
        }
      } else if (!matches && controller) {
        controller.abort();
        running.delete(feature.id);
      }
    }
  };

  ctx.onInvalidated(() => {
    for (const controller of running.values()) controller.abort();
    running.clear();
  });
  ctx.addEventListener(window, 'wxt:locationchange', (event) => apply(event.newUrl));
  apply(new URL(location.href));
}
