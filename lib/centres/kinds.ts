/** The kinds of Damrongdham centre. Browser-safe (no data): the officer API's contract names them. */
export const CENTRE_KINDS = ['central', 'dopa', 'province', 'district'] as const;
export type CentreKind = (typeof CENTRE_KINDS)[number];
