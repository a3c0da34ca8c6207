// A page of the change feed as JSON bytes. Records are stored as validated JSON, so their bodies are
// spliced in as stored, not parsed and re-encoded; and the page is written into one buffer sized in
// advance, because joining a year of diary entries into one string and encoding that was most of a
// pull's time. The diary's own pull names the body `entry` and leaves out the kind (all are entries).
import type { ChangePage } from '../app/record-feed.ts';

type PageInput = {
  readonly items: readonly {
    kind?: string;
    id: string;
    version: number;
    changeSeq: number;
    updatedAt: string;
    deleted: boolean;
    bodyJson: string;
  }[];
  readonly cursor: string;
  readonly hasMore: boolean;
};

export function renderChangePage(page: PageInput | ChangePage, shape: { bodyField: 'body' | 'entry'; withKind: boolean }): Buffer {
  const heads = page.items.map(
    (r, i) =>
      `${i === 0 ? '' : ','}{${shape.withKind ? `"kind":"${r.kind}",` : ''}"id":"${r.id}","version":${r.version},"changeSeq":${r.changeSeq},"updatedAt":"${r.updatedAt}","deleted":${r.deleted},"${shape.bodyField}":`,
  );
  const tail = `],"cursor":"${page.cursor}","hasMore":${page.hasMore}}`;
  let size = Buffer.byteLength('{"items":[') + Buffer.byteLength(tail);
  page.items.forEach((r, i) => {
    size += Buffer.byteLength(heads[i]!) + (r.deleted ? 4 : Buffer.byteLength(r.bodyJson)) + 1;
  });
  const out = Buffer.allocUnsafe(size);
  let at = out.write('{"items":[', 0);
  page.items.forEach((r, i) => {
    at += out.write(heads[i]!, at);
    at += out.write(r.deleted ? 'null' : r.bodyJson, at);
    at += out.write('}', at);
  });
  at += out.write(tail, at);
  if (at !== size) throw new Error(`change page measured ${size} bytes but wrote ${at}`);
  return out;
}
