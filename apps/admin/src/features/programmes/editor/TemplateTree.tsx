import { useMemo, useState, type ReactNode } from 'react';
import { Badge, Tag, Tree, Typography, type TreeDataNode, type TreeProps } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import { formatTarget, type Doc } from '../labels';
import { keyOf, pathOf, refOf, type NodeRef } from './doc';
import { countAt, type Problems } from './problems';

type TreeNode = TreeDataNode & { key: string; children?: TreeNode[] };

const parentKey = (key: string) => key.split('.').slice(0, -1).join('.');
const depth = (key: string) => key.split('.').length;

/** "Before or after" a node of the same parent; dropping into another node is not a reorder. */
const sameParent = (a: string, b: string) => depth(a) === depth(b) && parentKey(a) === parentKey(b);

function NodeTitle({ text, problems, extra }: { text: string; problems: number; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <span className="tpl-node">
      <span className={text ? undefined : 'tpl-untitled'}>{text || t('programme.editor.untitled')}</span>
      {extra}
      {problems > 0 && (
        <Badge count={problems} size="small" title={t('programme.editor.nodeProblems', { n: problems })} />
      )}
    </span>
  );
}

/**
 * Areas → measures → indicators. A node with problems carries their count; nodes drag to another place
 * among their siblings (the buttons beside the form do the same from the keyboard).
 */
export function TemplateTree({
  doc,
  problems,
  selected,
  onSelect,
  onMove,
}: {
  doc: Doc;
  problems: Problems;
  selected: NodeRef;
  onSelect: (ref: NodeRef) => void;
  onMove: (ref: NodeRef, to: number) => void;
}) {
  const { t } = useI18n();
  const treeData = useMemo<TreeNode[]>(
    () =>
      doc.areas.map((area, a) => {
        const areaPath = pathOf({ type: 'area', a });
        return {
          key: keyOf({ type: 'area', a }),
          title: (
            <NodeTitle
              text={[area.clause, area.title].filter(Boolean).join(' ')}
              problems={countAt(problems, areaPath, [[...areaPath, 'measures']])}
              extra={area.kind === 'safeguard' ? <Tag>{t('programme.areaKind.safeguard')}</Tag> : undefined}
            />
          ),
          children: area.measures.map((measure, m) => {
            const measurePath = pathOf({ type: 'measure', a, m });
            return {
              key: keyOf({ type: 'measure', a, m }),
              title: (
                <NodeTitle
                  text={[measure.clause, measure.title].filter(Boolean).join(' ')}
                  problems={countAt(problems, measurePath, [[...measurePath, 'indicators']])}
                />
              ),
              children: measure.indicators.map((ind, i) => ({
                key: keyOf({ type: 'indicator', a, m, i }),
                title: (
                  <NodeTitle
                    text={ind.name}
                    problems={countAt(problems, pathOf({ type: 'indicator', a, m, i }))}
                    extra={
                      <>
                        <Tag color="processing">{formatTarget(t, ind.kind, ind.target)}</Tag>
                        {ind.adjustable && <Tag color="blue">{t('programme.indicator.adjustableTag')}</Tag>}
                      </>
                    }
                  />
                ),
              })),
            };
          }),
        };
      }),
    [doc, problems, t],
  );
  const allKeys = useMemo(
    () => treeData.flatMap((a) => [a.key, ...(a.children ?? []).map((m) => String(m.key))]),
    [treeData],
  );

  // Everything starts open; what a person closes stays closed until a node inside it is selected.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const selectedKey = selected.type === 'head' ? '' : keyOf(selected);
  const [shownSelection, setShownSelection] = useState(selectedKey);
  if (shownSelection !== selectedKey) {
    setShownSelection(selectedKey);
    if ([...collapsed].some((k) => selectedKey.startsWith(`${k}.`)))
      setCollapsed(new Set([...collapsed].filter((k) => !selectedKey.startsWith(`${k}.`))));
  }
  const expandedKeys = allKeys.filter((k) => !collapsed.has(k));

  const onDrop: TreeProps<TreeNode>['onDrop'] = (info) => {
    const drag = String(info.dragNode.key);
    const drop = String(info.node.key);
    if (!sameParent(drag, drop)) return;
    // antd gives the drop position among the siblings: the drop node's index, minus one before it.
    const dropIndex = Number(info.node.pos.split('-').at(-1));
    const before = info.dropPosition - dropIndex < 0;
    const ref = refOf(drag);
    const from = Number(drag.split('.').at(-1)!.slice(1));
    let to = before ? dropIndex : dropIndex + 1;
    if (from < to) to -= 1;
    if (to !== from) onMove(ref, to);
  };

  if (doc.areas.length === 0)
    return <Typography.Paragraph type="secondary">{t('programme.editor.noAreas')}</Typography.Paragraph>;

  return (
    <Tree<TreeNode>
      aria-label={t('programme.editor.tree')}
      className="tpl-tree"
      blockNode
      draggable={{ icon: false }}
      allowDrop={({ dragNode, dropNode, dropPosition }) =>
        dropPosition !== 0 && sameParent(String(dragNode.key), String(dropNode.key))
      }
      onDrop={onDrop}
      treeData={treeData}
      expandedKeys={expandedKeys}
      onExpand={(keys) => {
        const open = new Set(keys.map(String));
        setCollapsed(new Set(allKeys.filter((k) => !open.has(k))));
      }}
      selectedKeys={selectedKey ? [selectedKey] : []}
      onSelect={(keys) => keys[0] !== undefined && onSelect(refOf(String(keys[0])))}
    />
  );
}
