import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Result } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { Deal } from '@shared/domain/deal';

/**
 * What the workspace shows when the address names no deal, or one in the trash: a clear message
 * and the way back (the portfolio, or the Trash to restore it).
 */
export function DealMissing({ trashed }: { trashed: Deal | null }) {
  const { t } = useTranslation('deal');
  const navigate = useNavigate();
  const back = (
    <Button
      key="back"
      type={trashed ? 'default' : 'primary'}
      onClick={() => void navigate('/deals')}
    >
      {t('missing.toPortfolio')}
    </Button>
  );
  if (trashed) {
    return (
      <Result
        icon={<DeleteOutlined aria-hidden />}
        title={t('missing.trashTitle', { code: trashed.code })}
        subTitle={t('missing.trashBody')}
        extra={[
          <Button key="trash" type="primary" onClick={() => void navigate('/trash')}>
            {t('missing.openTrash')}
          </Button>,
          back,
        ]}
      />
    );
  }
  return (
    <Result status="404" title={t('missing.title')} subTitle={t('missing.body')} extra={back} />
  );
}
