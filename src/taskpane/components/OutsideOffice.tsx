/**
 * Shown when the task pane is opened in a plain browser instead of Excel: says so, in Chinese and English (the
 * browser's language first), and offers the playground, where every feature works on a generated sample workbook.
 */
import { Body1, Button, Card, CardHeader, Divider, FluentProvider, Subtitle1, webLightTheme } from '@fluentui/react-components';
import { Language } from '../../workflows/workbook-port';
import { STRINGS } from '../i18n/strings';

export function OutsideOffice({ language, playgroundUrl = 'playground.html' }: { language: Language; playgroundUrl?: string }) {
  const order: Language[] = language === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
  const first = STRINGS[order[0]];
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: '100%' }}>
      <Card data-testid="outside-office" style={{ maxWidth: 480 }}>
        <CardHeader header={<Subtitle1>{first.outsideTitle}</Subtitle1>} description={`${STRINGS.zh.appTitle} · ${STRINGS.en.appTitle}`} />
        {order.map((lang, i) => (
          <div key={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
            {i > 0 && <Divider style={{ marginBottom: 8 }} />}
            {i > 0 && <Body1 block><b>{STRINGS[lang].outsideTitle}</b></Body1>}
            <Body1 block>{STRINGS[lang].outsideText}</Body1>
          </div>
        ))}
        <div>
          <Button as="a" appearance="primary" href={playgroundUrl} data-testid="open-playground">
            {`${first.openPlayground} · ${STRINGS[order[1]].openPlayground}`}
          </Button>
        </div>
      </Card>
    </FluentProvider>
  );
}
