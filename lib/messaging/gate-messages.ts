/** Why an action from the sidebar was not carried out; said by the sidebar's gate and by the background. */
export const GATE_MESSAGES = {
  covered: 'Secondment Lens is covered or see-through on this page, so it does nothing until it is shown plainly.',
  changed: 'What the sidebar shows changed as you clicked, so nothing was done. Check it and try again.',
} as const;
