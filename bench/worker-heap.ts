/**
 * The extension service worker's live JS heap (after a garbage collection), read over the DevTools
 * protocol (Runtime.getHeapUsage): the worker has no performance.memory. A connection of its own, closed
 * after: puppeteer holding the worker's target would keep it from starting again (puppeteer#9995).
 */
export async function workerHeapBytes(debuggingPort: number, extensionId: string): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${debuggingPort}/json/list`)).json()) as {
    type: string;
    url: string;
    webSocketDebuggerUrl: string;
  }[];
  const worker = targets.find(
    (target) =>
      target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!worker) throw new Error('no running service worker to measure');
  const socket = new WebSocket(worker.webSocketDebuggerUrl);
  try {
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = reject;
    });
    const answers = new Map<number, (value: { result: { usedSize: number } }) => void>();
    socket.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as { id: number; result: { usedSize: number } };
      answers.get(data.id)?.(data);
    };
    const call = (id: number, method: string) =>
      new Promise<{ result: { usedSize: number } }>((resolve) => {
        answers.set(id, resolve);
        socket.send(JSON.stringify({ id, method }));
      });
    // What the worker holds, not what it has yet to collect.
    await call(1, 'HeapProfiler.collectGarbage');
    return (await call(2, 'Runtime.getHeapUsage')).result.usedSize;
  } finally {
    socket.close();
  }
}
