import type { ButtonHTMLAttributes } from 'react';
import './TextButton.css';

/** A button that reads as a link in running text: "Show more", a record's name. */
export function TextButton({ className, type = 'button', ...rest }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={className ? `text-button ${className}` : 'text-button'} {...rest} />;
}
