import { describe, it } from 'vitest';
import { catalogues } from '../../../survey-ui/src/staff/messages/catalogue.ts';
import { expectCompleteCatalogues } from '../../support/message-catalogues.ts';

describe('the staff message catalogue', () => {
  it('has every message in Vietnamese and English, in NFC, none empty', () => {
    expectCompleteCatalogues(catalogues, [12, 'L01', 3]);
  });
});
