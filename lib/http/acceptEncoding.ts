/**
 * Content negotiation for a response body (RFC 9110 §12.5.3): which of the codings we hold a client accepts,
 * by its q-values. `br` is preferred to `gzip` when the client weighs them the same, since it is smaller.
 */

export type Coding = string;

/** Each coding the header names, with its weight; `*` stands for every coding the header does not name. */
function parse(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q\s*=\s*([0-9](?:\.[0-9]{0,3})?)$/.exec(param);
      if (match) q = Math.min(1, Number(match[1]));
    }
    // A coding named twice keeps its first weight: the header is a set, and the first is what a client meant.
    if (!weights.has(name)) weights.set(name, q);
  }
  return weights;
}

/**
 * The coding to answer with: one of `available` (in order of preference), or 'identity' (the body as it is),
 * or undefined when the client refuses even that (the caller answers 406). No header at all means any coding
 * is acceptable, but a client that says nothing may not understand one, so it gets the body as it is.
 */
export function chooseEncoding(header: string | undefined, available: readonly Coding[]): Coding | 'identity' | undefined {
  if (header === undefined) return 'identity';
  const weights = parse(header);
  const star = weights.get('*');
  // A coding the header does not name is refused, unless `*` names it; x-gzip is an old name of gzip.
  const weight = (coding: string): number => weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? star ?? 0;
  let best: Coding | undefined;
  let bestWeight = 0;
  for (const coding of available) {
    const q = weight(coding);
    // Strictly greater: of two codings weighed the same, the earlier (preferred) one stays.
    if (q > bestWeight) {
      best = coding;
      bestWeight = q;
    }
  }
  // identity is acceptable unless refused by name, or by `*;q=0` without naming it; unnamed, it comes after any
  // coding the client accepts at all (a client that names br wants br, whatever weight it gives it).
  const named = weights.get('identity');
  if (named === undefined) return best ?? (star === 0 ? undefined : 'identity');
  if (best !== undefined && bestWeight >= named) return best;
  return named > 0 ? 'identity' : best;
}
