/** What jsdom lacks and Fluent UI uses: ResizeObserver (MessageBar's reflow), scrollIntoView. Import first. */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as { ResizeObserver?: unknown; window?: { ResizeObserver?: unknown } };
if (!g.ResizeObserver) g.ResizeObserver = NoopResizeObserver;
if (g.window && !g.window.ResizeObserver) g.window.ResizeObserver = NoopResizeObserver;
if (typeof Element !== 'undefined' && !Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function scrollIntoView() {};
export {};
