/*
 * The service refused a new chat for now (too many from this address) and said how long to wait (Retry-After).
 * The citizen is told so in the page's language, with a "try again" that can be pressed once the wait is over:
 * pressed earlier, it would only be refused again. The text is not counted down, so that a screen reader reads
 * the status once.
 */

/* The wait asked for: { fresh, until, timer } (until: the page's clock, ms), at least a second. */
export function busyWait(fresh, retryAfter) {
  return { fresh: fresh, until: Date.now() + Math.max(1, retryAfter || 1) * 1000, timer: 0 };
}

/*
 * Shows the wait in the status line. `page` is the page's side: t (its words), setStatus (the status line with a
 * retry button), status (the status element), isCurrent (whether this wait still holds) and retry (start again).
 */
export function showBusy(busy, page) {
  const t = page.t;
  const seconds = Math.max(1, Math.ceil((busy.until - Date.now()) / 1000));
  const wait = seconds >= 90 ? t('minutes').replace('{n}', String(Math.ceil(seconds / 60))) : t('seconds').replace('{n}', String(seconds));
  page.setStatus(t('busy').replace('{wait}', wait), function () {
    page.retry(busy.fresh);
  });
  const button = page.status.querySelector('button');
  button.disabled = busy.until > Date.now();
  window.clearTimeout(busy.timer);
  busy.timer = window.setTimeout(function () {
    if (page.isCurrent(busy)) button.disabled = false;
  }, Math.max(0, busy.until - Date.now()));
}
