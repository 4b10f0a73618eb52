declare global {
  interface Window {
    /** entrypoints/paint-snapshot.ts: whether it painted the last results. */
    snapshotPainted?: Promise<boolean>;
  }
}

// Small on purpose: the app is loaded only once the last results (if any) are on screen, so evaluating it
// never holds back their frame. With a snapshot it also waits out the frame after, so the page answers a
// scroll or a hover at once while the app (and the worker it wakes) starts.
if (await (window.snapshotPainted ?? Promise.resolve(false)))
  await new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve))),
  );
const { start } = await import('./start');
start();
