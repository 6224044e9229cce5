/**
 * Why the people on an exclusion-list sheet may not be on the roll, read from the sheet's name and its title rows:
 * 经确认不列入选民名单 (不列入/未列入/精神…), deceased (死亡/去世/亡故/注销), or deprived of political rights — the
 * commonest list and the reading when the sheet says nothing more specific. The command line and the add-in both use
 * this, so a sheet means the same everywhere; a clerk can still set the reason per sheet in the add-in's settings.
 */
import { ExclusionReason } from '../check/check-types';
import { SheetGrid } from '../workbook/sheet-grid';

const TITLE_ROWS = 3;

export function exclusionReasonOfSheet(grid: SheetGrid): ExclusionReason {
  const title = grid.rows.slice(0, TITLE_ROWS).flat().filter((v): v is string => typeof v === 'string');
  const text = [grid.sheet, ...title].join(' ');
  if (/不列入|未列入|精神/.test(text)) return 'notIncluded';
  if (/死亡|去世|亡故|注销/.test(text)) return 'deceased';
  return 'deprived';
}
