import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Empty, Flex, Spin, Tabs, theme } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Deal } from '@shared/domain/deal';
import type { Stage } from '@shared/domain/sales-process';
import { useRegisterCommand } from '@renderer/app/commands';
import { Keys } from '@renderer/app/components/Keys';
import { detectKeyboardOs, shortcutFor } from '@renderer/app/shortcuts';
import { useDeal, useStages } from '@renderer/db/hooks/queries';
import { NAMESPACE_NAMES } from '@renderer/i18n/resources';
import { DealFormDrawer } from '@renderer/features/deals/components/DealFormDrawer';
import { DealHeader } from '@renderer/features/deal/components/DealHeader';
import { DealMissing } from '@renderer/features/deal/components/DealMissing';
import { LogActivityDialog } from '@renderer/features/deal/components/LogActivityDialog';
import { MoveStageButton } from '@renderer/features/deal/components/MoveStageButton';
import { LogActivityContext } from '@renderer/features/deal/hooks/useLogActivity';
import { DEAL_TABS, dealTabFor } from '@renderer/features/deal/tabs';

function Loading({ label }: { label: string }) {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin aria-label={label} />
    </Flex>
  );
}

/**
 * One deal, opened from the portfolio (`#/deals/<dealId>/<tabId>`): the header with the deal at a
 * glance, and the tabs the features register (Overview, Plan, Activity…), driven by the address
 * so a tab can be linked to and survives a reload. A deal that does not exist or is in the trash
 * gets a message and the way back instead.
 */
export default function DealWorkspacePage() {
  const { dealId = '', tabId } = useParams();
  const { t } = useTranslation('deal');
  const deal = useDeal(dealId);
  const stages = useStages();

  if (deal === undefined || stages === undefined) return <Loading label={t('loading')} />;
  if (deal === null || deal.deletedAt !== null) return <DealMissing trashed={deal} />;
  return <DealWorkspace deal={deal} stages={stages} tabId={tabId} />;
}

interface DealWorkspaceProps {
  deal: Deal;
  stages: readonly Stage[];
  tabId: string | undefined;
}

/** The workspace of a live deal; "Log activity" (Ctrl/Cmd+L) exists only while it is open. */
function DealWorkspace({ deal, stages, tabId }: DealWorkspaceProps) {
  const { t } = useTranslation('deal');
  const { t: translateKey } = useTranslation(NAMESPACE_NAMES);
  const { token } = theme.useToken();
  const navigate = useNavigate();
  /** The deal as it was when the form opened: saving checks it has not changed since. */
  const [editing, setEditing] = useState<Deal | null>(null);
  const [logging, setLogging] = useState(false);
  const os = useMemo(() => detectKeyboardOs(), []);
  const logChord = shortcutFor('deal.logActivity')?.keys;

  useRegisterCommand({
    id: 'deal.logActivity',
    titleKey: 'deal:commands.logActivity',
    keywords: ['log', 'call', 'meeting', 'visit', 'note', '记录', '电话', '会议', '拜访', '备注'],
    run: () => setLogging(true),
  });

  const openLog = () => setLogging(true);
  const active = dealTabFor(tabId);
  return (
    <LogActivityContext.Provider value={openLog}>
      <Flex vertical style={{ minHeight: '100%' }}>
        <DealHeader
          deal={deal}
          stages={stages}
          onEdit={() => setEditing(deal)}
          // The Quote tab has the quote document's buttons of the version on screen.
          quoteDocument={active?.id !== 'quote'}
          actions={
            <>
              <Button icon={<PlusOutlined aria-hidden />} onClick={openLog}>
                {t('activity.log')}
                {logChord && <Keys chord={logChord} os={os} />}
              </Button>
              <MoveStageButton deal={deal} stages={stages} />
            </>
          }
        />
        {active ? (
          <Tabs
            aria-label={t('tabs.label')}
            activeKey={active.id}
            onChange={(key) => void navigate(`/deals/${deal.id}/${key}`)}
            tabBarStyle={{
              position: 'sticky',
              top: 0,
              zIndex: 3,
              margin: 0,
              padding: '0 24px',
              background: token.colorBgContainer,
            }}
            items={DEAL_TABS.map((tab) => ({
              key: tab.id,
              label: translateKey(tab.titleKey),
              children: (
                <div style={{ padding: '16px 24px 24px' }}>
                  <Suspense fallback={<Loading label={t('loading')} />}>
                    <tab.component deal={deal} />
                  </Suspense>
                </div>
              ),
            }))}
          />
        ) : (
          <Empty description={t('tabs.none')} style={{ padding: 48 }} />
        )}
      </Flex>
      <DealFormDrawer
        open={editing !== null}
        deal={editing}
        suggestedCode={deal.code}
        onClose={() => setEditing(null)}
      />
      <LogActivityDialog deal={deal} open={logging} onClose={() => setLogging(false)} />
    </LogActivityContext.Provider>
  );
}
