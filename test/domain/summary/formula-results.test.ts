import { CellLookup, evaluateFormula } from '../../../src/domain/summary/formula-results';

/** Cells of a small sheet by address. */
function lookup(cells: Record<string, number | string | { f: string }>): CellLookup {
  return (row, column) => {
    const v = cells[`${String.fromCharCode(64 + column)}${row}`];
    if (v && typeof v === 'object') return { value: null, formula: v.f };
    return { value: v ?? null, formula: null };
  };
}

describe('evaluateFormula', () => {
  const cells = lookup({ B5: 3000, B6: 2500, B7: 1200, C5: 2, C6: '见附表', D5: { f: '=B5/C5' }, E1: { f: 'E2' }, E2: { f: 'E1' } });

  it('computes SUM of ranges and cells, arithmetic and ROUND', () => {
    expect(evaluateFormula('=SUM(B5:B7)', cells)).toBe(6700);
    expect(evaluateFormula('=sum($B$5:$B$6, B7)', cells)).toBe(6700);
    expect(evaluateFormula('=B5+B6-B7', cells)).toBe(4300);
    expect(evaluateFormula('=(B5+B6)*2/C5', cells)).toBe(5500);
    expect(evaluateFormula('=ROUND(B7/7,1)', cells)).toBe(171.4);
    expect(evaluateFormula('=-B7', cells)).toBe(-1200);
    expect(evaluateFormula('=D5*2', cells)).toBe(3000); // through another formula
    expect(evaluateFormula('=SUM(B8:B9)', cells)).toBe(0); // empty cells are 0
    expect(evaluateFormula('=SUM(C5:C6)', cells)).toBe(2); // SUM skips text in a range
  });

  it('gives null for what it does not understand, text operands, division by zero and loops', () => {
    expect(evaluateFormula('=Sheet2!B5', cells)).toBeNull();
    expect(evaluateFormula('=COUNTA(B5:B7)', cells)).toBeNull();
    expect(evaluateFormula('=IF(B5>1,1,0)', cells)).toBeNull();
    expect(evaluateFormula('=C6+1', cells)).toBeNull();
    expect(evaluateFormula('=B5/B9', cells)).toBeNull();
    expect(evaluateFormula('=E1', cells)).toBeNull();
    expect(evaluateFormula('="合计"', cells)).toBeNull();
  });
});
