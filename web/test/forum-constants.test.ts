import { FORUM_SEARCH_SCOPES, FORUM_SEARCH_SORTS, FORUM_TOPIC_SORTS, TRENDING_PERIODS as CONTRACT_PERIODS } from '@p2p/contracts';
import { describe, expect, it } from 'vitest';
import { SEARCH_SCOPES, SEARCH_SORTS, TOPIC_SORTS, TRENDING_PERIODS } from '../src/features/forum/constants.js';

describe('forum constants copied for the list pages', () => {
  it('match the contract', () => {
    expect(TOPIC_SORTS).toEqual(FORUM_TOPIC_SORTS);
    expect(SEARCH_SCOPES).toEqual(FORUM_SEARCH_SCOPES);
    expect(SEARCH_SORTS).toEqual(FORUM_SEARCH_SORTS);
    expect(TRENDING_PERIODS).toEqual(CONTRACT_PERIODS);
  });
});
