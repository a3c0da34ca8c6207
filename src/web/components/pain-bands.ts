// A pain band in words with its numbers, for chart legends: the whole points and the daily averages it
// covers, both taken from the domain's one definition of the bands, so no legend can disagree with it.
import { painBandRange, type IntensityBand } from '../../domain/diary/pain-band.ts';
import { formatNumber, t } from '../i18n/index.ts';

export function painBandLabel(band: IntensityBand): string {
  const r = painBandRange(band);
  return t(`painBand.${band}`, {
    from: formatNumber(r.from),
    to: formatNumber(r.to),
    meanLower: formatNumber(r.meanLower.value),
    meanUpper: formatNumber(r.meanUpper.value),
  });
}
