import { headerRole } from '../../../src/domain/roll/header-synonyms';

describe('headerRole', () => {
  it.each([
    ['身份证号', 'id'], ['公民身份号码', 'id'], ['身份证号码', 'id'], ['公民身份号码（18位）', 'id'],
    ['出生日期', 'birthDate'], ['出生年月', 'birthDate'], ['住址', 'address'], ['家庭住址', 'address'],
    ['选区', 'district'], ['选区名称', 'district'], ['选民小组', 'group'], ['小组', 'group'],
    ['姓 名', 'name'], ['*姓名', 'name'], ['姓名\n', 'name'], ['性别', 'sex'], ['民族', 'ethnicity'],
    ['备注', 'remarks'], ['联系电话', 'phone'], ['序号', 'seq'], ['（必填）姓名', 'name'],
  ])('%s → %s', (text, role) => {
    expect(headerRole(text)).toBe(role);
  });

  it('does not guess at unknown headers', () => {
    expect(headerRole('政治面貌')).toBeNull();
    expect(headerRole('')).toBeNull();
  });
});
