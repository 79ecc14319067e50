import { useMutation } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client.js';
import { errorMessage } from '../../lib/form-errors.js';
import { Alert } from './feedback.js';

interface ImageUploadProps {
  /** Where the file is POSTed as multipart `file`, and DELETEd to remove it. */
  endpoint: string;
  imageUrl: string | null;
  alt: string;
  hint: string;
  uploadLabel: string;
  removeLabel: string;
  onChanged: () => void;
  shape?: 'round' | 'square';
}

/** A picture with upload and remove: the input is a real, labelled file input, usable by keyboard. */
export function ImageUpload({ endpoint, imageUrl, alt, hint, uploadLabel, removeLabel, onChanged, shape = 'square' }: ImageUploadProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(endpoint, form);
    },
    onSuccess: onChanged,
    onSettled: () => {
      if (input.current) input.current.value = '';
    },
  });
  const remove = useMutation({ mutationFn: () => api.delete(endpoint), onSuccess: onChanged });
  const error = upload.error ?? remove.error;
  return (
    <div className="image-upload">
      <div className={`image-upload__preview image-upload__preview--${shape}`}>
        {imageUrl ? <img src={imageUrl} alt={alt} width={96} height={96} /> : <span aria-hidden="true">—</span>}
      </div>
      <div className="image-upload__controls">
        <label htmlFor={inputId} className="button">
          {upload.isPending ? t('profile.uploading') : uploadLabel}
        </label>
        <input
          ref={input}
          id={inputId}
          className="visually-hidden-input"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-describedby={`${inputId}-hint`}
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) upload.mutate(file);
          }}
        />
        {imageUrl ? (
          <button type="button" className="button button--danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {removeLabel}
          </button>
        ) : null}
        <p id={`${inputId}-hint`} className="field__hint">
          {hint}
        </p>
        {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      </div>
    </div>
  );
}
