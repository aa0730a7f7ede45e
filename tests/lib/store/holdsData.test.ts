import { ContentService } from '../../../lib/content/service';
import { OfficerAccounts } from '../../../lib/officers/accounts';
import { DATA_COLLECTIONS, storeHoldsData } from '../../../lib/store/holdsData';
import { ensureIndexes } from '../../../lib/store/indexes';
import { SERVICE_INDEXES } from '../../../bot/indexes';
import { openTempStore } from '../../helpers/tempStore';

describe('storeHoldsData', () => {
  test('a store with only its indexes and seeded content holds no data; the first admin is data', async () => {
    const { store, close } = await openTempStore();
    try {
      expect(await storeHoldsData(store)).toBe(false);
      await ensureIndexes(store, SERVICE_INDEXES);
      await ContentService.open(store);
      expect(await storeHoldsData(store)).toBe(false);
      await new OfficerAccounts(store).createFirstAdmin();
      expect(await storeHoldsData(store)).toBe(true);
    } finally {
      await close();
    }
  });

  test.each(DATA_COLLECTIONS)('one document in %s is data', async (name) => {
    const { store, close } = await openTempStore();
    try {
      await store.collection(name).insertOne({ _id: 'one' });
      expect(await storeHoldsData(store)).toBe(true);
    } finally {
      await close();
    }
  });
});
