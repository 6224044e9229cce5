/**
 * A finding of the roll checks: what is wrong, how bad, where (workbook, sheet, Excel row, column letter),
 * and the other cells involved (the other registrations of a duplicate, say).
 */
import { Message, Severity } from './problem';

export interface CellRef {
  file: string;
  sheet: string;
  /** Excel's 1-based row number. */
  row: number;
  /** Column letter(s), e.g. "F"; absent when the finding is about the whole row. */
  column?: string;
}

export interface Finding extends CellRef {
  code: string;
  severity: Severity;
  message: Message;
  related: CellRef[];
  /** For fuzzy findings (POSSIBLE_DUPLICATE): a 0–1 score and the reasons it matched. */
  score?: number;
  reasons?: string[];
}
