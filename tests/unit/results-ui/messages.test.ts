import { describe, it } from 'vitest';
import { catalogues } from '../../../survey-ui/src/results/messages/catalogue.ts';
import { expectCompleteCatalogues } from '../../support/message-catalogues.ts';

describe('the results message catalogue', () => {
  it('has every message in Vietnamese and English, in NFC, none empty', () => {
    expectCompleteCatalogues(catalogues, ['Đắk Mil', 'x', 3, '85']);
  });
});
