import { ref } from 'vue';
import { API_BASE } from '../api/client';
import type { StreamFrame } from '../api/types';
import { ATTENDED } from '../../../../lib/contract/officer/streamSignals';
import { ATTENDED_EVERY_MS, reconnectDelay, STREAM_SILENCE_MS } from '../logic/backoff';

export type StreamState = 'connecting' | 'open' | 'closed';

export interface StreamHandlers {
  frame(frame: StreamFrame): void;
  /** The socket opened: what happened while it was down is fetched again (`again`: not the first opening). */
  opened(again: boolean): void;
  /** Before reconnecting: false when the session has ended and no socket should be opened. */
  beforeReconnect(): Promise<boolean>;
}

/**
 * The officer API's live stream: one WebSocket, reopened with growing, jittered delays when it drops or falls
 * silent, and telling the service that the officer is at work while the page is visible. The state is put on
 * the root element too (data-stream), where styles and the browser tests read it.
 */
export function useStream(handlers: StreamHandlers) {
  const state = ref<StreamState>('closed');
  let socket: WebSocket | null = null;
  let attempts = 0;
  let openedOnce = false;
  let lastFrameAt = 0;
  let attendedAt = 0;
  let reconnectTimer: number | undefined;
  let watchdog: number | undefined;
  let running = false;

  const setState = (value: StreamState) => {
    state.value = value;
    document.documentElement.setAttribute('data-stream', value);
  };

  const sayAttended = (now: boolean) => {
    if (document.visibilityState !== 'visible' || !socket || socket.readyState !== WebSocket.OPEN) return;
    if (!now && Date.now() - attendedAt < ATTENDED_EVERY_MS) return;
    attendedAt = Date.now();
    socket.send(JSON.stringify(ATTENDED));
  };
  const onVisibility = () => sayAttended(true);

  const connect = () => {
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    let opened: WebSocket;
    try {
      opened = new WebSocket(`${scheme}//${window.location.host}${API_BASE}/stream`);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = opened;
    lastFrameAt = Date.now();
    setState('connecting');
    opened.addEventListener('open', () => {
      if (socket !== opened) return;
      attempts = 0;
      lastFrameAt = Date.now();
      setState('open');
      handlers.opened(openedOnce);
      openedOnce = true;
    });
    opened.addEventListener('message', (event: MessageEvent<string>) => {
      if (socket !== opened) return;
      lastFrameAt = Date.now();
      let frame: unknown;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame && typeof frame === 'object' && typeof (frame as { type?: unknown }).type === 'string') handlers.frame(frame as StreamFrame);
    });
    opened.addEventListener('close', () => {
      if (socket !== opened) return;
      socket = null;
      setState('closed');
      if (running) scheduleReconnect();
    });
  };

  const scheduleReconnect = () => {
    window.clearTimeout(reconnectTimer);
    const delay = reconnectDelay(attempts, Math.random());
    attempts += 1;
    reconnectTimer = window.setTimeout(async () => {
      if (!running) return;
      // A socket refused for a lapsed session would be retried forever: the session is checked first.
      if (!(await handlers.beforeReconnect()) || !running) return;
      connect();
    }, delay);
  };

  function start(): void {
    if (running) return;
    running = true;
    connect();
    watchdog = window.setInterval(() => {
      if (socket && socket.readyState === WebSocket.OPEN && Date.now() - lastFrameAt > STREAM_SILENCE_MS) socket.close();
      sayAttended(false);
    }, 10 * 1000);
    document.addEventListener('visibilitychange', onVisibility);
  }

  function stop(): void {
    running = false;
    window.clearTimeout(reconnectTimer);
    window.clearInterval(watchdog);
    document.removeEventListener('visibilitychange', onVisibility);
    const closing = socket;
    socket = null;
    closing?.close();
    openedOnce = false;
    attempts = 0;
    state.value = 'closed';
    document.documentElement.removeAttribute('data-stream');
  }

  return { state, start, stop };
}
