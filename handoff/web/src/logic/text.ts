/** A text of the catalogues to be put into words by the screen: its key and the values it names. */
export interface Said {
  key: string;
  vars?: Record<string, string | number>;
}

export const said = (key: string, vars?: Record<string, string | number>): Said => (vars ? { key, vars } : { key });
