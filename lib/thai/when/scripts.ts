/**
 * The scripts a normalised (lower-cased) text holds: they decide which language's rules read it first and
 * who reads a time of day in it.
 */

export const LATIN = /[a-z]/;
export const THAI_SCRIPT = /[\u0E00-\u0E7F]/;
