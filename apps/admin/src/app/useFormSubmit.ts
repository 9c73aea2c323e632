import { useState } from 'react';
import { App, Form, type FormInstance } from 'antd';
import { applyFieldErrors, errorMessage } from './api/problem';

interface Options<V> {
  /** Takes a failure that needs more than a message (a stale version: offer a reload); true if it did. */
  onError?: (err: unknown) => boolean;
  /** Puts the server's field errors on the form; true when one landed. By default, by the request's paths. */
  fieldErrors?: (form: FormInstance<V>, err: unknown) => boolean;
}

/**
 * The steps a dialog's form repeats on submit: spin while the call runs; on success toast `done` (none
 * if null) and close; on failure put the server's field errors on the fields, or toast the message when
 * none fit. `submit` resolves to whether the call went through, for what follows a success.
 */
export function useFormSubmit<V>(
  onClose: () => void,
  { onError, fieldErrors = applyFieldErrors }: Options<V> = {},
) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);

  const submit = async (action: () => Promise<unknown>, done: string | null): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      if (done !== null) message.success(done);
      onClose();
      return true;
    } catch (err) {
      if (!onError?.(err) && !fieldErrors(form, err)) message.error(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { form, busy, submit };
}
