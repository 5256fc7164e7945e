import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Flex, Form, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { BuyingRole, Contact } from '@shared/domain/contact';
import { BUYING_ROLES } from '@shared/domain/contact';
import type { BuyingCentreMember, Deal, Stance } from '@shared/domain/deal';
import { STANCES } from '@shared/domain/deal';
import { useAccount, useContactsFor } from '@renderer/db/hooks/queries';
import { CreatableSelect } from '@renderer/features/deals/components/CreatableSelect';
import { useWorkspaceActions } from '@renderer/features/deal/hooks/useWorkspaceActions';

const STANCE_COLORS: Record<Stance, string> = {
  supporter: 'success',
  neutral: 'default',
  detractor: 'error',
  unknown: 'default',
};

/**
 * The people on the customer side who decide, influence or block, each with their role in this
 * deal and how they lean. A contact not yet known can be created on the spot, for the deal's
 * account.
 */
export function BuyingCentreCard({ deal }: { deal: Deal }) {
  const { t } = useTranslation('deal');
  const { message } = App.useApp();
  const actions = useWorkspaceActions();
  const account = useAccount(deal.accountId);
  const contacts = useContactsFor(
    deal.accountId,
    deal.buyingCentre.map((member) => member.contactId),
  );
  const [contactId, setContactId] = useState<string | undefined>();
  const [role, setRole] = useState<BuyingRole>('influencer');
  const [stance, setStance] = useState<Stance>('unknown');
  const [error, setError] = useState<string | null>(null);

  const byId = new Map<string, Contact>((contacts ?? []).map((contact) => [contact.id, contact]));
  const nameOf = (id: string) => byId.get(id)?.name ?? t('buyingCentre.unknownContact');
  const members = new Set<string>(deal.buyingCentre.map((member) => member.contactId));
  const roleOptions = BUYING_ROLES.map((value) => ({
    value,
    label: t(`buyingCentre.roles.${value}`),
  }));
  const stanceOptions = STANCES.map((value) => ({
    value,
    label: t(`buyingCentre.stances.${value}`),
  }));

  const save = (change: (current: readonly BuyingCentreMember[]) => BuyingCentreMember[]) =>
    actions.saveDetails(deal, (current) => ({ buyingCentre: change(current.buyingCentre) }));

  const pick = (id: string) => {
    const contact = byId.get(id);
    setContactId(id);
    if (contact) setRole(contact.buyingRole);
    setError(null);
  };

  const create = async (name: string) => {
    const contact = await actions.createContact(deal.accountId, name, role);
    void message.success(
      t('buyingCentre.contactCreated', { name: contact.name, account: account?.name ?? '' }),
    );
    return contact.id;
  };

  const add = async () => {
    const contact = contactId === undefined ? undefined : byId.get(contactId);
    if (!contact) {
      setError(t('buyingCentre.chooseContact'));
      return;
    }
    if (members.has(contact.id)) {
      setError(t('buyingCentre.alreadyIn', { name: contact.name }));
      return;
    }
    try {
      await save((current) => [...current, { contactId: contact.id, role, stance }]);
      setContactId(undefined);
      setStance('unknown');
      setError(null);
    } catch {
      // Shown already; the choice stays for another try.
    }
  };

  const update = (id: string, patch: Partial<BuyingCentreMember>) =>
    void save((current) =>
      current.map((member) => (member.contactId === id ? { ...member, ...patch } : member)),
    ).catch(() => {});

  return (
    <Card title={t('buyingCentre.title')}>
      <Table<BuyingCentreMember>
        rowKey="contactId"
        size="small"
        pagination={false}
        dataSource={deal.buyingCentre}
        locale={{ emptyText: t('buyingCentre.empty') }}
        columns={[
          {
            key: 'contact',
            title: t('buyingCentre.contact'),
            render: (_: unknown, member) => {
              const contact = byId.get(member.contactId);
              return (
                <Flex vertical>
                  <Flex gap={6} align="center">
                    <Typography.Text strong>{nameOf(member.contactId)}</Typography.Text>
                    {contact && contact.accountId !== deal.accountId && (
                      <Tag>{t('buyingCentre.otherAccount')}</Tag>
                    )}
                  </Flex>
                  {contact?.title && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {contact.title}
                    </Typography.Text>
                  )}
                </Flex>
              );
            },
          },
          {
            key: 'role',
            title: t('buyingCentre.role'),
            width: 190,
            render: (_: unknown, member) => (
              <Select<BuyingRole>
                size="small"
                value={member.role}
                options={roleOptions}
                aria-label={`${t('buyingCentre.role')}: ${nameOf(member.contactId)}`}
                onChange={(value) => update(member.contactId, { role: value })}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            key: 'stance',
            title: t('buyingCentre.stance'),
            width: 150,
            render: (_: unknown, member) => (
              <Select<Stance>
                size="small"
                value={member.stance}
                aria-label={`${t('buyingCentre.stance')}: ${nameOf(member.contactId)}`}
                onChange={(value) => update(member.contactId, { stance: value })}
                options={stanceOptions.map((option) => ({
                  value: option.value,
                  label: <Tag color={STANCE_COLORS[option.value]}>{option.label}</Tag>,
                }))}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            key: 'remove',
            width: 48,
            render: (_: unknown, member) => (
              <Popconfirm
                title={t('buyingCentre.removeConfirm', { name: nameOf(member.contactId) })}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  save((current) => current.filter((m) => m.contactId !== member.contactId)).catch(
                    () => {},
                  )
                }
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('buyingCentre.remove', { name: nameOf(member.contactId) })}
                />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form.Item
        validateStatus={error ? 'error' : undefined}
        help={error ?? undefined}
        style={{ marginTop: 12, marginBottom: 0 }}
      >
        <Flex gap={8} wrap>
          <div style={{ flex: '1 1 240px', minWidth: 200 }}>
            <CreatableSelect
              aria-label={t('buyingCentre.contact')}
              value={contactId}
              onChange={pick}
              placeholder={t('buyingCentre.pickContact')}
              options={(contacts ?? [])
                .filter((contact) => !members.has(contact.id) && contact.deletedAt === null)
                .map((contact) => ({
                  value: contact.id,
                  label: contact.title ? `${contact.name} · ${contact.title}` : contact.name,
                }))}
              createLabel={(name) => t('buyingCentre.createContact', { name })}
              onCreate={create}
            />
          </div>
          <Select<BuyingRole>
            value={role}
            onChange={setRole}
            options={roleOptions}
            aria-label={t('buyingCentre.role')}
            style={{ width: 170 }}
          />
          <Select<Stance>
            value={stance}
            onChange={setStance}
            options={stanceOptions}
            aria-label={t('buyingCentre.stance')}
            style={{ width: 120 }}
          />
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => void add()}>
            {t('buyingCentre.add')}
          </Button>
        </Flex>
      </Form.Item>
    </Card>
  );
}
