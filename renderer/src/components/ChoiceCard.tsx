import type { ReactNode } from 'react';
import './ChoiceCard.css';

interface ChoiceCardProps {
  /** The radio group's name: the cards of one question share it. */
  name: string;
  value: string;
  checked: boolean;
  onChoose: () => void;
  label: ReactNode;
  explain: ReactNode;
  /** Anything shown under the explanation (what this choice would give, say). */
  children?: ReactNode;
}

/** One answer of a radio question as a card: a label in bold, a line explaining it; the chosen card is marked. */
export function ChoiceCard({ name, value, checked, onChoose, label, explain, children }: ChoiceCardProps) {
  return (
    <label className="choice-card">
      <input type="radio" name={name} value={value} checked={checked} onChange={onChoose} />
      <span className="choice-card__text">
        <span className="choice-card__label">{label}</span>
        <span className="choice-card__explain">{explain}</span>
        {children}
      </span>
    </label>
  );
}
