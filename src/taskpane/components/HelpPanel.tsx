/**
 * In-app help: what the add-in checks, what it changes in the workbook (and what it never changes), and how
 * seats are allocated. Short; every sentence describes what the add-in really does.
 */
import { Body1, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLanguage } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const HELP = {
  zh: {
    sections: [
      {
        title: '名单校验怎么用',
        items: [
          '“工作表”中勾选要校验的选民名单。加载项会自动识别标题行、表头和各列；识别有误（或没有识别出表头）时展开该表，改正表头所在的行和各列，改正后的设置保存在本工作簿中。',
          '填写选举日。是否年满18周岁按选举日计算（2月29日出生的人，在非闰年的3月1日满周岁）。',
          '点“校验”。大名单分块读取，可随时“取消”；取消后工作簿不会有任何改动。',
          '问题按类型分组，可按级别、类型、工作表筛选。点一条问题，Excel 会选中对应单元格。',
        ],
      },
      {
        title: '检查哪些问题',
        items: [
          '身份证号：位数和格式、校验码、出生日期、15位旧号、小写x、全角字符、以数字存储而丢失末位（这种号码无法恢复，需要按原件重新录入）。',
          '与身份证号核对性别和出生日期；选举日未满18周岁；姓名、身份证号等必填项为空；民族名称。',
          '重复登记：同一身份证号出现多次（同一选区内或跨选区），以及姓名同音、出生日期相同、号码差一位等疑似同一人。',
          '工作簿中有户籍人口表时，检查成年人是否漏登；有剥夺政治权利等名单时，检查是否错登。',
        ],
      },
      {
        title: '会改动工作簿的什么',
        items: [
          '有问题的单元格会被标色。标色不改变任何单元格的内容；“清除标记”去掉全部标色和“校验结果”表，工作簿恢复到校验前的样子。',
          '问题清单写入新工作表“校验结果”，每条带有跳转到单元格的链接。再次校验时替换这张表。',
          '名额分配结果写入新工作表“代表名额分配”，并附每名代表所代表人口数的图表。',
          '数据只在本机处理，不会上传到任何地方。',
        ],
      },
      {
        title: '名额分配',
        items: [
          '每一选区选一至三名代表，各选区每一代表所代表的人口数应大体相等。结果表列出每个选区的每名代表人口数和与平均数的偏差。',
          '代表总名额可直接填写，也可按选举法计算：乡级基数45名，每1500人增加1名，最多160名；县级基数140名，每5000人增加1名，人口超过155万的最多450名。',
          '若某选区无法在一至三名范围内分配，加载项会给出提示：应调整选区划分（拆分或合并），而不会违反范围。',
        ],
      },
      {
        title: '统计汇总',
        items: [
          '“生成汇总”按名单、选区划分表和名额分配填写选民登记情况统计表、选区划分和代表名额分配表（有代表候选人名单时还有代表结构统计表）。',
          '工作簿中已有本单位表样时，按标题、表头和行名找到对应格子，只填空白或数字单元格；标题、说明、签名、公式都不改动，对不上的表头会逐一列出。',
          '没有表样时新建标准格式的工作表（可直接打印）。“撤销汇总”把表样恢复原样，并删除新建的表。',
        ],
      },
    ],
  },
  en: {
    sections: [
      {
        title: 'Checking the rolls',
        items: [
          'Under "Sheets", tick the voter rolls to check. The add-in finds the title rows, the header and the columns by itself; when it gets one wrong (or finds no header), expand the sheet and correct the header row and the columns. Corrections are saved in this workbook.',
          'Enter the election day. Whether someone is 18 is judged on that day (someone born on 29 February turns a year older on 1 March in other years).',
          'Press "Check". Large rolls are read in blocks and you can cancel at any time; a cancelled check changes nothing in the workbook.',
          'Problems are grouped by kind and can be filtered by severity, kind and sheet. Click one and Excel selects its cell.',
        ],
      },
      {
        title: 'What is checked',
        items: [
          'ID numbers: length and format, check character, birth date, old 15-digit numbers, lower-case x, full-width characters, and IDs stored as numbers that lost their last digits (these cannot be recovered: re-enter them from the card).',
          'Sex and birth date against the ID; under 18 on election day; required values missing; ethnic group names.',
          'Duplicates: the same ID more than once (within a district or across districts), and likely duplicates such as homophone names with the same birth date and an ID one digit apart.',
          'When the workbook has a population register, adults missing from the rolls; when it has lists of people deprived of political rights and the like, people listed who should not be.',
        ],
      },
      {
        title: 'What it changes in the workbook',
        items: [
          'Cells with problems are highlighted. Highlighting never changes a cell\'s contents; "Clear flags" removes every highlight and the "校验结果" sheet, leaving the workbook as it was before the check.',
          'The list of problems goes to a new sheet "校验结果", each with a link to its cell; a new check replaces that sheet.',
          'A seat allocation goes to a new sheet "代表名额分配" with a chart of the population per deputy.',
          'Data is processed on this computer only and is never uploaded.',
        ],
      },
      {
        title: 'Seat allocation',
        items: [
          'Each district elects one to three deputies, and each deputy should represent roughly the same number of people. The results show each district\'s population per deputy and its deviation from the average.',
          'Enter the number of deputies, or have it computed from the Election Law: townships 45 plus one per 1,500 people, at most 160; counties 140 plus one per 5,000 people, at most 450 above 1.55 million people.',
          'When a district cannot get one to three seats, the add-in says so and suggests redrawing the districts (split or merge) instead of breaking the bounds.',
        ],
      },
      {
        title: 'Summary tables',
        items: [
          '"Fill summary" fills the voter registration table and the district and seat allocation table from the rolls, the district table and the allocation (and the deputy composition table when a candidate roster exists).',
          'When the workbook has your own form, the add-in finds the cells by the title, header and row labels and writes numbers only into empty or numeric cells; titles, notes, signatures and formulas are left alone, and every label it could not match is listed.',
          'Without a form it creates standard, print-ready sheets. "Undo summary" restores your form exactly and deletes the sheets it created.',
        ],
      },
    ],
  },
};

export function HelpPanel() {
  const styles = useStyles();
  const language = useLanguage();
  return (
    <div className={styles.root} data-testid="help-panel">
      {HELP[language].sections.map((s) => (
        <section key={s.title}>
          <Text weight="semibold" block>{s.title}</Text>
          <ul className={styles.list}>
            {s.items.map((item) => <li key={item}><Body1>{item}</Body1></li>)}
          </ul>
        </section>
      ))}
      <Caption1>选务助手 · Election Clerk</Caption1>
    </div>
  );
}
