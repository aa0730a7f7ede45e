import type { IncomingMessage } from 'node:http';
import { clientAddress, PublicAddress } from '../../../lib/http/publicAddress';
import { privacyLink } from '../../../bot/web/privacy';

function request(headers: Record<string, string>, remoteAddress = '10.0.0.9'): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('PublicAddress', () => {
  test('PUBLIC_URL wins when set', () => {
    const address = new PublicAddress('https://bot.example.go.th', 0);
    expect(address.httpBase(request({ host: 'evil.example' }))).toBe('https://bot.example.go.th');
    expect(address.webSocketBase(request({}))).toBe('wss://bot.example.go.th');
  });

  test('otherwise the Host header, if it is a plain host', () => {
    const address = new PublicAddress(undefined, 0);
    expect(address.httpBase(request({ host: '127.0.0.1:3978' }))).toBe('http://127.0.0.1:3978');
    expect(address.httpBase(request({ host: '[::1]:3978' }))).toBe('http://[::1]:3978');
    expect(address.httpBase(request({ host: 'x.example/"><script>' }))).toBe('http://localhost');
    expect(address.httpBase(request({ host: 'bot.example', 'x-forwarded-proto': 'https' }))).toBe('http://bot.example');
  });

  test('behind one trusted proxy, the scheme and client address it wrote count, not what the client wrote before it', () => {
    const address = new PublicAddress(undefined, 1);
    expect(address.httpBase(request({ host: 'bot.example', 'x-forwarded-proto': 'https' }))).toBe('https://bot.example');
    expect(address.httpBase(request({ host: 'bot.example', 'x-forwarded-proto': 'https, http' }))).toBe('http://bot.example');
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), 1)).toBe('203.0.113.7');
    expect(clientAddress(request({ 'x-forwarded-for': 'forged-by-client, 203.0.113.7' }), 1)).toBe('203.0.113.7');
    expect(clientAddress(request({}), 1)).toBe('10.0.0.9');
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), 0)).toBe('10.0.0.9');
  });

  test('behind two, the entry the outer proxy wrote; a request that met only the inner one has its leftmost', () => {
    const address = new PublicAddress(undefined, 2);
    expect(clientAddress(request({ 'x-forwarded-for': 'forged, 198.51.100.9, 10.0.0.2' }), 2)).toBe('198.51.100.9');
    expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.9' }), 2)).toBe('198.51.100.9');
    expect(address.httpBase(request({ host: 'bot.example', 'x-forwarded-proto': 'http, https, http' }))).toBe('https://bot.example');
    expect(address.httpBase(request({ host: 'bot.example', 'x-forwarded-proto': 'https' }))).toBe('https://bot.example');
  });

  test('a conversation\'s citizen gets links on the address their client used on Direct Line, else the request\'s or the fallback', () => {
    const address = new PublicAddress(undefined, 0, 'http://localhost:3978');
    const directLine = { channelId: 'directline', serviceUrl: 'https://chat.example.test' };
    expect(address.forConversation(directLine)).toBe('https://chat.example.test');
    expect(privacyLink(address.forConversation(directLine), 'en')).toBe('https://chat.example.test/privacy?lang=en');
    expect(privacyLink(address.forConversation(directLine), 'th')).toBe('https://chat.example.test/privacy');
    // A reference stored before the address was kept, or another channel's service: not an address of ours.
    expect(address.forConversation({ channelId: 'directline', serviceUrl: 'directline' }, request({ host: '192.168.1.20:3978' }))).toBe('http://192.168.1.20:3978');
    expect(address.forConversation({ channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/apac/' })).toBe('http://localhost:3978');
    expect(address.forConversation({ channelId: 'directline', serviceUrl: 'https://chat.example.test/x"><script>' })).toBe('http://localhost:3978');
    expect(new PublicAddress('https://bot.example.go.th', 0).forConversation(directLine)).toBe('https://bot.example.go.th');
  });
});
