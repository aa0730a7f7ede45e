/**
 * The canned answer form's fields, by their paths in the request the service checks ('text.th.khrap'), with the
 * catalogue key of each field's label: a field the service refuses is named as the admin sees it, and marked.
 */
export const CANNED_FIELDS = {
  'title.th': 'cannedTitleTh',
  'title.en': 'cannedTitleEn',
  'text.th': 'cannedTextTh',
  'text.th.kha': 'cannedTextKha',
  'text.th.khrap': 'cannedTextKhrap',
  'text.en': 'cannedTextEn',
} as const;

export type CannedField = keyof typeof CANNED_FIELDS;

export function isCannedField(path: string): path is CannedField {
  return Object.hasOwn(CANNED_FIELDS, path);
}
