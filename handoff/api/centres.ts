import { centreSearchQuery, centreSearchResponse, type CentreView } from '../../lib/contract/officer';
import type { Centre } from '../../lib/centres';
import type { ResourceContext } from './context';

function centreView(centre: Centre): CentreView {
  return { code: centre.code, kind: centre.kind, name: { th: centre.nameTh, en: centre.nameEn }, ...(centre.provinceCode ? { provinceCode: centre.provinceCode } : {}) };
}

/** The centres: the whole directory (for names), or a search by name or code in Thai or English (the picker). */
export function centreRoutes({ deps, router }: ResourceContext): void {
  router.route({
    method: 'get',
    path: '/centres',
    access: 'officer',
    query: centreSearchQuery,
    response: centreSearchResponse,
    // The directory is the same for every officer and changes with a release: a browser may keep it an hour.
    cacheControl: 'private, max-age=3600',
    handle: async ({ query }) => ({
      centres: query.q === undefined
        ? deps.directory.centres().map(centreView)
        : deps.centreSearch.search(query.q, { limit: query.limit }).map((hit) => centreView(hit.centre)),
    }),
  });
}
