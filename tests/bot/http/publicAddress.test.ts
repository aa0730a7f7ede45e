import type { IncomingMessage } from 'node:http';
import { clientAddress, PublicAddress } from '../../../bot/http/publicAddress';

function request(headers: Record<string, string>, remoteAddress = '10.0.0.9'): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('PublicAddress', () => {
  test('PUBLIC_URL wins when set', () => {
    const address = new PublicAddress('https://bot.example.go.th', false);
    expect(address.httpBase(request({ host: 'evil.example' }))).toBe('https://bot.example.go.th');
    expect(address.webSocketBase(request({}))).toBe('wss://bot.example.go.th');
  });

  test('otherwise the Host header, if it is a plain host', () => {
    const address = new PublicAddress(undefined, false);
    expect(address.httpBase(request({ host: '127.0.0.1:3978' }))).toBe('http://127.0.0.1:3978');
    expect(address.httpBase(request({ host: '[::1]:3978' }))).toBe('http://[::1]:3978');
    expect(address.httpBase(request({ host: 'x.example/"><script>' }))).toBe('http://localhost');
    expect(address.httpBase(request({ host: 'bot.example', 'x-forwarded-proto': 'https' }))).toBe('http://bot.example');
  });

  test('behind a trusted proxy, the forwarded scheme and client address count', () => {
    const address = new PublicAddress(undefined, true);
    expect(address.httpBase(request({ host: 'bot.example', 'x-forwarded-proto': 'https' }))).toBe('https://bot.example');
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }), true)).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), false)).toBe('10.0.0.9');
  });
});
