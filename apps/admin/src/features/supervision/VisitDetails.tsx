import { Descriptions, Typography } from 'antd';
import { SUPERVISION_CHECKS, type SupervisionVisit } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import { checkName, CheckTag, Deadline } from './labels';

/** What a visit found and how it was followed up: the checks with their notes, the findings, the result. */
export function VisitDetails({ visit: v }: { visit: SupervisionVisit }) {
  const { t } = useI18n();
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('supervision.inspectors')}>{v.inspectors.join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('supervision.checks')}>
        {SUPERVISION_CHECKS.map((c) => (
          <div key={c}>
            <CheckTag t={t} check={c} result={v.checks[c].result} />
            {v.checks[c].note && <Typography.Text type="secondary">{v.checks[c].note}</Typography.Text>}
          </div>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.findings')}>
        {v.findings.length === 0 ? (
          t('supervision.noFindings')
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {v.findings.map((f, i) => (
              <li key={i}>
                【{checkName(t, f.check)}】{f.description}
              </li>
            ))}
          </ol>
        )}
      </Descriptions.Item>
      {v.rectifyBy && (
        <Descriptions.Item label={t('supervision.rectifyBy')}>
          <Deadline t={t} visit={v} />
        </Descriptions.Item>
      )}
      {(v.followUpResult || v.rectifiedOn) && (
        <Descriptions.Item label={t('supervision.followUpResult')}>
          <div>{v.followUpResult}</div>
          {v.rectifiedOn && (
            <div>
              {t('supervision.rectifiedOn')}：{v.rectifiedOn}
            </div>
          )}
          {v.followedUpAt && (
            <Typography.Text type="secondary">
              {t('supervision.followedUp', {
                name: v.followedUpByName ?? '',
                at: new Date(v.followedUpAt).toLocaleString(),
              })}
            </Typography.Text>
          )}
        </Descriptions.Item>
      )}
      {v.createdByName && (
        <Descriptions.Item label={t('supervision.recordedBy')}>{v.createdByName}</Descriptions.Item>
      )}
    </Descriptions>
  );
}
