import { Collapse, Space, Tag, Typography } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import { ClauseText } from '../ClauseText';
import { activityLabel, cited, formatTarget, label, type Doc } from '../labels';

/**
 * A version's document to read: each area a panel, each measure with its clause number and verbatim
 * text, the activities recorded under it and its indicators (with the union's own target where set).
 */
export function DocumentView({ doc, targets = {} }: { doc: Doc; targets?: Record<string, number> }) {
  const { t, lang } = useI18n();
  return (
    <Collapse
      defaultActiveKey={doc.areas.map((a) => a.key)}
      items={doc.areas.map((area) => ({
        key: area.key,
        label: (
          <Space size={8}>
            <Typography.Text strong>{cited(area)}</Typography.Text>
            {area.kind === 'safeguard' && <Tag>{label(t, 'areaKind', 'safeguard')}</Tag>}
            <Typography.Text type="secondary">
              {t('programme.view.measures', { n: area.measures.length })}
            </Typography.Text>
          </Space>
        ),
        children: (
          <div className="doc-view">
            {area.measures.map((m) => (
              <section key={m.key} className="doc-measure" aria-label={cited(m)}>
                <ClauseText measure={m} />
                {m.activityTypes.length > 0 && (
                  <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                    {m.activityTypes.map((code) => (
                      <Tag key={code}>{activityLabel(lang, code)}</Tag>
                    ))}
                  </Space>
                )}
                {m.indicators.length > 0 && (
                  <ul className="plain-list doc-indicators">
                    {m.indicators.map((ind) => {
                      const own = targets[ind.key];
                      return (
                        <li key={ind.key}>
                          <Typography.Text strong>{ind.name}</Typography.Text>
                          {'：'}
                          {formatTarget(t, ind.kind, own ?? ind.target)}
                          <Typography.Text type="secondary">
                            {`（${label(t, 'period', ind.period)} · ${label(t, 'level', ind.level)}）`}
                          </Typography.Text>
                          {own !== undefined && own !== ind.target && (
                            <Tag color="blue" style={{ marginInlineStart: 6 }}>
                              {t('programme.targets.own')}
                            </Tag>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            ))}
          </div>
        ),
      }))}
    />
  );
}
