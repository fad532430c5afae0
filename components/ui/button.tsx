import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';
/** sm: inside a form or a row; md: a page's main action; lg: sign-in and other one-button screens. */
export type ButtonSize = 'sm' | 'md' | 'lg';

const VARIANT: Record<ButtonVariant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border border-brand-700 bg-white text-brand-700 hover:bg-brand-50',
  danger: 'bg-danger text-white hover:opacity-90',
};

const SIZE: Record<ButtonSize, string> = {
  sm: 'px-3 py-1.5 text-sm disabled:opacity-60',
  md: 'px-4 py-2 text-sm disabled:opacity-60',
  lg: 'px-4 py-2.5 disabled:opacity-70',
};

/** The classes of a button, for a link or a submit button that must look like one. */
export function buttonClass({ variant = 'primary', size = 'sm', className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  return ['rounded font-semibold', VARIANT[variant], SIZE[size], className].filter(Boolean).join(' ');
}

export function Button({
  variant,
  size,
  className,
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
