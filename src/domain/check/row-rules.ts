/**
 * The checks of one registration on its own: the ID (format, check character, birth date, legacy 15 digits,
 * lower-case x, full-width digits, unknown region, digits lost to a number cell), 性别 and 出生日期 against the
 * ID, under 18 on election day, required cells (姓名, 身份证号, 选区), 民族 one of the 56, and 选区 in the
 * district table when one is given.
 */
import { CalendarDate, formatDate } from '../common/calendar-date';
import { Finding } from '../common/finding';
import { ethnicGroup } from '../roll/ethnic-groups';
import { dateKeyText, districtKey, Sex } from '../roll/normalise';
import { columnOf, RollRecord } from '../roll/read-roll';
import { findingAt } from './finding-text';
import { IdAnalysis } from '../id/resident-id';
import { cellText } from '../roll/normalise';
import { reachedAgeKey, RowFacts } from './row-facts';

export interface RowRuleContext {
  electionDate: CalendarDate;
  minimumAge: number;
  /** YYYYMMDD of the election day. */
  electionKey: number;
  /** District names (as districtKey) of the district table; null when none was given. */
  districtKeys: Set<string> | null;
}

const SEX_ZH = { male: '男', female: '女' } as const;
const SEX_EN = { male: 'male', female: 'female' } as const;

function idSexOf(id18: string): Sex {
  return (id18.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
}

/** Appends the findings of one record to `out`. */
export function checkRow(r: RollRecord, facts: RowFacts, analysis: IdAnalysis | null, ctx: RowRuleContext, out: Finding[]): void {
  const c = r.columns;

  // 姓名 and 身份证号 must be there (a sheet without such a column is reported once per sheet).
  if (r.name === '' && c.name !== undefined) {
    out.push(findingAt(r, 'REQUIRED_MISSING', 'error', columnOf(r, 'name'),
      '姓名为空。请补填姓名，或删除这一行。', 'The name is empty. Fill it in or delete the row.'));
  }
  if (r.idText === '' && c.id !== undefined) {
    out.push(findingAt(r, 'REQUIRED_MISSING', 'error', columnOf(r, 'id'),
      '身份证号为空。请对照证件补填（单元格设为文本格式）。', 'The ID number is empty. Fill it in from the ID card (as text).'));
  }
  if (r.district === '' && c.district !== undefined) {
    out.push(findingAt(r, 'REQUIRED_MISSING', 'error', columnOf(r, 'district'),
      '选区为空。请填写该选民所属选区。', 'The district is empty. Fill in the voter\'s district.'));
  }

  if (facts.precisionLost) {
    const shown = typeof r.idCell === 'number' ? r.idCell.toExponential(5).replace('e+', 'E+') : r.idText;
    out.push(findingAt(r, 'ID_PRECISION_LOST', 'error', columnOf(r, 'id'),
      `身份证号被 Excel 存成了数字（显示为 ${shown}），数字只能保留15位有效数字，后几位已经丢失，无法自动恢复。请把该列设为“文本”格式，再对照证件重新录入号码。`,
      `The ID was stored by Excel as a number (shown as ${shown}); numbers keep only 15 significant digits, so the last digits are lost and cannot be recovered. Format the column as Text and re-enter the number from the ID card.`));
  }

  if (analysis) {
    for (const p of analysis.problems) {
      out.push(findingAt(r, p.code, p.severity, columnOf(r, 'id'), p.message.zh, p.message.en));
    }
  }

  // 性别 and 出生日期 against the ID (only an ID without errors is trusted).
  if (facts.idValid && facts.id18 !== null) {
    const idSex = idSexOf(facts.id18);
    if (r.sex !== null && r.sex !== idSex) {
      const idCol = columnOf(r, 'id');
      const idRef = idCol ? [{ file: r.file, sheet: r.sheet, row: r.row, column: idCol }] : [];
      out.push(findingAt(r, 'SEX_MISMATCH', 'error', columnOf(r, 'sex'),
        `性别填的是“${r.sexText}”，但身份证号第17位表示${SEX_ZH[idSex]}。请核对性别或身份证号。`,
        `性别 says "${r.sexText}" but digit 17 of the ID means ${SEX_EN[idSex]}. Check the sex or the ID.`, idRef));
    }
    const idKey = facts.birthFromId ? facts.birthKey : 0;
    if (idKey !== 0 && c.birthDate !== undefined && r.birthCell !== null) {
      const b = r.birthKey;
      const birthText = b === 0 ? cellText(r.birthCell) : '';
      if ((b === 0 && birthText !== '') || (b !== 0 && (b % 100 === 0 ? Math.floor(b / 100) !== Math.floor(idKey / 100) : b !== idKey))) {
        const idBirth = dateKeyText(idKey);
        const idCol = columnOf(r, 'id');
        const idRef = idCol ? [{ file: r.file, sheet: r.sheet, row: r.row, column: idCol }] : [];
        if (b === 0) {
          out.push(findingAt(r, 'BIRTHDATE_MISMATCH', 'warning', columnOf(r, 'birthDate'),
            `出生日期“${birthText}”不是可识别的日期；身份证号中的出生日期是 ${idBirth}。请改为正确日期。`,
            `The birth date "${birthText}" is not a recognisable date; the ID gives ${idBirth}. Correct it.`, idRef));
        } else {
          out.push(findingAt(r, 'BIRTHDATE_MISMATCH', 'error', columnOf(r, 'birthDate'),
            `出生日期填的是 ${dateKeyText(b)}，与身份证号中的 ${idBirth} 不一致。请核对出生日期或身份证号。`,
            `The birth date ${dateKeyText(b)} differs from ${idBirth} in the ID. Check the birth date or the ID.`, idRef));
        }
      }
    }
  }

  // Under age on election day: the birthday that makes one 18 may fall on election day itself (then eligible).
  if (facts.active) {
    let key = 0;
    if (facts.birthFromId) key = facts.birthKey;
    else if (r.birthKey !== 0) key = r.birthKey % 100 === 0 ? r.birthKey + 1 : r.birthKey; // month only: the 1st (oldest possible)
    if (key !== 0 && !reachedAgeKey(key, ctx.minimumAge, ctx.electionKey)) {
      const fromId = facts.birthFromId;
      const shown = dateKeyText(fromId ? facts.birthKey : r.birthKey);
      const e = formatDate(ctx.electionDate);
      out.push(findingAt(r, 'UNDERAGE', 'error', fromId ? columnOf(r, 'id') : columnOf(r, 'birthDate'),
        `${fromId ? '身份证号' : '出生日期'}显示出生于 ${shown}，到选举日 ${e} 未满${ctx.minimumAge}周岁，不能登记为选民。请核对出生日期；确属未满${ctx.minimumAge}周岁的，从名单中删除。`,
        `Born ${shown} (per the ${fromId ? 'ID' : 'birth date column'}): under ${ctx.minimumAge} on election day ${e}, so not eligible. Check the date; remove the row if so.`));
    }
  }

  if (r.ethnicity !== '' && ethnicGroup(r.ethnicity) === null) {
    out.push(findingAt(r, 'ETHNICITY_UNKNOWN', 'warning', columnOf(r, 'ethnicity'),
      `民族“${r.ethnicity}”不是56个民族之一。请改为规范名称（如“汉族”“回族”）。`,
      `"${r.ethnicity}" is not one of the 56 ethnic groups. Use the standard name (e.g. 汉族, 回族).`));
  }

  if (ctx.districtKeys && c.district !== undefined && r.district !== '' && !ctx.districtKeys.has(districtKey(r.district))) {
    out.push(findingAt(r, 'DISTRICT_UNKNOWN', 'error', columnOf(r, 'district'),
      `选区“${r.district}”不在选区划分表中。请改为表中的选区名称，或补充选区划分表。`,
      `District "${r.district}" is not in the district table. Use a name from the table or add the district.`));
  }
}
