/** The typed-array ID index answers exactly as a Map would, through growth, collisions and odd keys. */
import { IdTable } from '../../../src/domain/check/id-table';
import { checkCharacter } from '../../../src/domain/id/resident-id';
import { Random } from '../../../src/domain/sample/random';

function seeded(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

function randomId(rand: () => number): string {
  let s = '';
  for (let k = 0; k < 17; k++) s += Math.floor(rand() * 10);
  return s + checkCharacter(s);
}

describe('IdTable', () => {
  it('keeps the first record of each ID, like a Map, through many growths', () => {
    const rand = seeded(7);
    const table = new IdTable(4); // starts small: grows many times
    const reference = new Map<string, number>();
    const ids: string[] = [];
    for (let i = 0; i < 50000; i++) {
      // One in five is a repeat of an earlier ID.
      const id = ids.length > 0 && rand() < 0.2 ? ids[Math.floor(rand() * ids.length)] : randomId(rand);
      ids.push(id);
      const earlier = table.addFirst(id, i);
      expect(earlier).toBe(reference.has(id) ? reference.get(id) : -1);
      if (!reference.has(id)) reference.set(id, i);
    }
    for (const [id, first] of reference) expect(table.get(id)).toBe(first);
    expect(table.get(randomId(seeded(99)))).toBeUndefined();
  });

  it('tells apart IDs that differ only in the check character, and X from 0', () => {
    const table = new IdTable();
    table.addFirst('11010519491231002X', 1);
    expect(table.get('110105194912310020')).toBeUndefined();
    expect(table.addFirst('110105194912310020', 2)).toBe(-1);
    expect(table.get('11010519491231002X')).toBe(1);
    expect(table.get('110105194912310020')).toBe(2);
  });

  it('indexes strings that are not normalised IDs as they are', () => {
    const table = new IdTable();
    expect(table.addFirst('abc', 0)).toBe(-1);
    expect(table.addFirst('abc', 5)).toBe(0);
    expect(table.get('abc')).toBe(0);
    expect(table.get('11010519491231002x')).toBeUndefined();
    expect(table.get('')).toBeUndefined();
  });
});
