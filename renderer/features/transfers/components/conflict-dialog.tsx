/**
 * The conflict prompt: before a batch whose targets partly exist starts, its plan
 * ("42 new, 3 changed, 1 identical") and one choice for all its conflicts; optionally the
 * same answer for the other batches waiting and as the default from now on. Closing the
 * prompt without choosing cancels nothing: the batch keeps waiting in the panel.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictPlan } from '../../../../shared/contract/transfers';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { formatCount } from '../format';
import { answerPlans, transfersStore } from '../transfers-state';

export const CONFLICT_CHOICES = ['skip-identical', 'overwrite', 'skip', 'keep-both'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export function ConflictDialog(): ReactElement | null {
  const plans = transfersStore.use((s) => s.plans);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const plan = plans.find((p) => p.batchId !== dismissed);
  if (!plan) return null;
  return <ConflictPrompt key={plan.batchId} plan={plan} others={plans.filter((p) => p !== plan)} onLater={() => setDismissed(plan.batchId)} />;
}

function ConflictPrompt({ plan, others, onLater }: { plan: ConflictPlan; others: ConflictPlan[]; onLater(): void }): ReactElement {
  const { t, i18n } = useTranslation('transfers');
  const [choice, setChoice] = useState<ConflictChoice>('skip-identical');
  const [toAll, setToAll] = useState(false);
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const n = (v: number) => formatCount(v, i18n.language);
  const answer = async (policy: ConflictChoice | 'cancel') => {
    setBusy(true);
    const ids = policy !== 'cancel' && toAll ? [plan.batchId, ...others.map((o) => o.batchId)] : [plan.batchId];
    await answerPlans(ids, policy, remember);
    setBusy(false);
  };
  return (
    <Dialog
      title={t('conflict.title')}
      onClose={onLater}
      testId="conflict-dialog"
      footer={
        <>
          <Button onClick={() => void answer('cancel')} disabled={busy}>
            {t('conflict.cancelBatch')}
          </Button>
          <Button tone="primary" onClick={() => void answer(choice)} disabled={busy}>
            {t('conflict.start')}
          </Button>
        </>
      }
    >
      <p className="transfers-conflict-target">{t(plan.direction === 'upload' ? 'conflict.upload' : 'conflict.download', { target: plan.target })}</p>
      <p className="transfers-conflict-plan" data-testid="conflict-plan">
        {t('conflict.plan', { new: n(plan.newCount), changed: n(plan.changedCount), identical: n(plan.identicalCount) })}
      </p>
      {!plan.complete && <p className="ui-muted">{t('conflict.counting')}</p>}
      {plan.examples.length > 0 && (
        <>
          <p className="ui-muted">{t('conflict.examples')}</p>
          <ul className="transfers-conflict-examples">
            {plan.examples.slice(0, 5).map((name) => (
              <li key={name} className="ui-mono">
                {name}
              </li>
            ))}
          </ul>
        </>
      )}
      <fieldset className="transfers-choices">
        <legend>{t('conflict.choose')}</legend>
        {CONFLICT_CHOICES.map((c) => (
          <label key={c} className="transfers-choice">
            <input type="radio" name={`conflict-${plan.batchId}`} value={c} checked={choice === c} onChange={() => setChoice(c)} {...(c === choice ? { 'data-autofocus': true } : {})} />
            <span>
              <span className="transfers-choice-label">{t(`conflict.${c}`)}</span>
              <span className="ui-muted transfers-choice-help">{t(`conflict.${c}Help`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {others.length > 0 && (
        <label className="transfers-check">
          <input type="checkbox" checked={toAll} onChange={(e) => setToAll(e.target.checked)} />
          {t('conflict.applyAll', { count: others.length })}
        </label>
      )}
      <label className="transfers-check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        {t('conflict.remember')}
      </label>
    </Dialog>
  );
}
