import { useNavigate } from 'react-router-dom';
import { useRegisterCommand } from '@renderer/app/commands';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/** Location state that asks the Deals page to open the new-deal form. */
export interface NewDealRequest {
  readonly newDeal: true;
}

function isEditable(element: Element | null): boolean {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

/**
 * The deal commands available from anywhere in the app (palette, shortcuts, desktop menu):
 * "New deal" opens the deal form on the Deals page; "Undo" undoes typing in a text field, and
 * otherwise the last change to the data.
 */
export function DealCommands() {
  const navigate = useNavigate();
  const actions = useDealActions();
  useRegisterCommand({
    id: 'deal.new',
    titleKey: 'deals:newDeal',
    keywords: ['deal', 'bid', 'create', '商机', '投标', '新建'],
    run: () => void navigate('/deals', { state: { newDeal: true } satisfies NewDealRequest }),
  });
  useRegisterCommand({
    id: 'edit.undo',
    titleKey: 'deals:undo.command',
    keywords: ['undo', '撤销'],
    run: () => {
      if (isEditable(document.activeElement)) {
        // The desktop menu's Undo arrives here too; in a field it must undo the typing.
        document.execCommand('undo');
        return undefined;
      }
      return actions.undo();
    },
  });
  return null;
}
