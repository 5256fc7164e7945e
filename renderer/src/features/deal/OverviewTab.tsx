import { Col, Row } from 'antd';
import { useStages } from '@renderer/db/hooks/queries';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { BuyingCentreCard } from '@renderer/features/deal/components/overview/BuyingCentreCard';
import { CompetitorsCard } from '@renderer/features/deal/components/overview/CompetitorsCard';
import { ExitCriteriaCard } from '@renderer/features/deal/components/overview/ExitCriteriaCard';
import { GateHistoryCard } from '@renderer/features/deal/components/overview/GateHistoryCard';
import { KeyDatesCard } from '@renderer/features/deal/components/overview/KeyDatesCard';
import { TextListCard } from '@renderer/features/deal/components/overview/TextListCard';

/**
 * The capture picture of a deal on one page: key dates, the stage's exit criteria, the buying
 * centre, competitors, win themes and discriminators, and the gate history.
 */
export default function OverviewTab({ deal }: DealTabProps) {
  const stages = useStages();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <KeyDatesCard deal={deal} />
      </Col>
      <Col xs={24} xl={9}>
        <ExitCriteriaCard deal={deal} stages={stages ?? []} />
      </Col>
      <Col span={24}>
        <BuyingCentreCard deal={deal} />
      </Col>
      <Col span={24}>
        <CompetitorsCard deal={deal} />
      </Col>
      <Col xs={24} lg={12}>
        <TextListCard deal={deal} field="winThemes" />
      </Col>
      <Col xs={24} lg={12}>
        <TextListCard deal={deal} field="discriminators" />
      </Col>
      <Col span={24}>
        <GateHistoryCard deal={deal} />
      </Col>
    </Row>
  );
}
