declare global {
  interface Window {
    /** public/paint-snapshot.js: whether it painted the last results. */
    snapshotPainted?: Promise<boolean>;
  }
}

// Small on purpose: the app is loaded only once the last results (if any) are on screen, so evaluating it
// never holds back the first frame, and the worker it wakes does not compete with that frame either.
if (await (window.snapshotPainted ?? Promise.resolve(false)))
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const { start } = await import('./start');
start();
