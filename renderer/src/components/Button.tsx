import type { ButtonHTMLAttributes, Ref } from 'react';
import { Icon, type IconName } from './Icon';
import './Button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  icon?: IconName;
  ref?: Ref<HTMLButtonElement>;
}

/** The one button of the app: a variant for its weight, an optional leading icon. */
export function Button({ variant = 'secondary', icon, className, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button type={type} className={['button', `button--${variant}`, className].filter(Boolean).join(' ')} {...rest}>
      {icon && <Icon name={icon} size={16} />}
      {children}
    </button>
  );
}

/** A square button that shows only an icon; `label` is its accessible name and tooltip. */
export function IconButton({ icon, label, className, ...rest }: Omit<ButtonProps, 'children' | 'variant'> & { icon: IconName; label: string }) {
  return (
    <button type="button" className={['icon-button', className].filter(Boolean).join(' ')} aria-label={label} title={label} {...rest}>
      <Icon name={icon} size={18} />
    </button>
  );
}
