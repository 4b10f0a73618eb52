/**
 * An on-demand script of the extension (entrypoints/event-details.tsx, my-events.tsx, offline-index.ts),
 * loaded once by a script tag the first time it is needed: no chunk or loader is shared with the popup's first
 * files (a dynamic import would have split the popup's code and brought in Vite's preload helper, 1.3 KB
 * gzipped of its first paint; vitejs/vite#18551).
 */
const loads = new Map<string, Promise<void>>();
export function loadScript(path: `/${string}.js`): Promise<void> {
  let load = loads.get(path);
  if (!load) {
    load = new Promise((resolve, reject) => {
      const script = document.head.appendChild(document.createElement('script'));
      script.onload = () => resolve();
      script.onerror = reject;
      script.src = path;
    });
    loads.set(path, load);
  }
  return load;
}
