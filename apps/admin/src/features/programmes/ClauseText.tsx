import { Typography } from 'antd';
import { cited } from './labels';

/**
 * A measure's clause as the document words it: number and heading, then the text, with `quote` (the
 * words an indicator's target rests on) marked where it occurs.
 */
export function ClauseText({
  measure,
  quote,
  className,
}: {
  measure: { clause: string; title: string; text: string };
  quote?: string;
  className?: string;
}) {
  const at = quote ? measure.text.indexOf(quote) : -1;
  return (
    <div className={`clause-text ${className ?? ''}`}>
      <Typography.Text strong>{cited(measure)}</Typography.Text>
      <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
        {at >= 0 && quote ? (
          <>
            {measure.text.slice(0, at)}
            <mark>{quote}</mark>
            {measure.text.slice(at + quote.length)}
          </>
        ) : (
          measure.text
        )}
      </Typography.Paragraph>
    </div>
  );
}
