import { chooseEncoding } from '../../../lib/http/acceptEncoding';

/** Which of the prepared codings answers a request, by its Accept-Encoding (RFC 9110 §12.5.3). */

const PREPARED = ['br', 'gzip'];

test.each<[string | undefined, string | undefined]>([
  [undefined, 'identity'],
  ['', 'identity'],
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip, deflate', 'gzip'],
  ['BR', 'br'],
  ['x-gzip', 'gzip'],
  ['deflate', 'identity'],
  ['br;q=0.5, gzip', 'gzip'],
  ['gzip;q=1.0, br;q=0.9', 'gzip'],
  ['br;q=0, gzip;q=0', 'identity'],
  ['br;q=0', 'identity'],
  ['gzip, br;q=0', 'gzip'],
  ['br;q=0.5, identity', 'identity'],
  ['*', 'br'],
  ['*;q=0, gzip', 'gzip'],
  ['gzip;q=0.2, *;q=0.1', 'gzip'],
  ['br;q=0.8, gzip;q=0.8', 'br'],
  ['gzip;q=0.001', 'gzip'],
  ['identity;q=0', undefined],
  ['*;q=0', undefined],
  ['br;q=0, gzip;q=0, identity;q=0', undefined],
  ['identity;q=0, gzip', 'gzip'],
  ['br;q=nonsense, gzip;q=0.5', 'br'],
])('Accept-Encoding %p → %p', (header, expected) => {
  expect(chooseEncoding(header, PREPARED)).toBe(expected);
});

test('a file held in no coding at all goes out as it is, unless that too is refused', () => {
  expect(chooseEncoding('br, gzip', [])).toBe('identity');
  expect(chooseEncoding('*;q=0', [])).toBeUndefined();
});
