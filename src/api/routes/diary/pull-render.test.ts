// The pull page is written as bytes into one buffer: it must be exactly the JSON the API documents,
// whatever the entries contain (multi-byte text, quotes, tombstones) and for an empty page.
import { describe, expect, it } from 'vitest';
import { renderPullPage } from './diary.routes.ts';

describe('renderPullPage', () => {
  it('splices stored entry JSON, multi-byte text included, and writes tombstones as null', () => {
    const entry = { id: 'a', notes: 'Douleur \u00e9lev\u00e9e \u2014 "quoted" \ud83d\ude23\nnext line', intensity: 7 };
    const page = {
      items: [
        {
          id: '01936b2e-7c1a-7d4e-8f00-000000000001',
          version: 2,
          changeSeq: 41,
          updatedAt: '2026-11-27T08:00:00.000Z',
          deleted: false,
          bodyJson: JSON.stringify(entry),
        },
        {
          id: '01936b2e-7c1a-7d4e-8f00-000000000002',
          version: 3,
          changeSeq: 42,
          updatedAt: '2026-11-27T08:01:00.000Z',
          deleted: true,
          bodyJson: 'null',
        },
      ],
      cursor: 'NDI',
      hasMore: true,
    };
    expect(JSON.parse(renderPullPage(page).toString('utf8'))).toEqual({
      items: [
        { id: page.items[0]!.id, version: 2, changeSeq: 41, updatedAt: '2026-11-27T08:00:00.000Z', deleted: false, entry },
        { id: page.items[1]!.id, version: 3, changeSeq: 42, updatedAt: '2026-11-27T08:01:00.000Z', deleted: true, entry: null },
      ],
      cursor: 'NDI',
      hasMore: true,
    });
  });

  it('writes an empty page', () => {
    expect(JSON.parse(renderPullPage({ items: [], cursor: 'MA', hasMore: false }).toString('utf8'))).toEqual({
      items: [],
      cursor: 'MA',
      hasMore: false,
    });
  });
});
