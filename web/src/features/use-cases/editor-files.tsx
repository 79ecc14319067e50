import { FILE_RULES, type StoredFile, type UseCaseFile } from '@p2p/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/form-errors.js';
import { formatBytes } from '../../lib/format.js';
import { useLanguage } from '../../lib/use-language.js';
import { uploadAttachment } from './case-api.js';

const MAX_FILES = 12;
const IMAGE_TYPES = FILE_RULES.attachment.types.filter((type) => type.startsWith('image/'));

export const toCaseFile = (file: StoredFile): UseCaseFile => ({
  fileId: file.id,
  url: file.url,
  name: file.originalName ?? file.id,
  mimeType: file.contentType,
  sizeBytes: file.sizeBytes,
});

interface FilesEditorProps {
  kind: 'images' | 'attachments';
  files: UseCaseFile[];
  onChange: (files: UseCaseFile[]) => void;
  error?: string | undefined;
  /** Reports uploads in progress, so the form can wait for them before saving. */
  onBusy?: (busy: boolean) => void;
}

/**
 * Pictures or documents of a case: uploaded one by one as they are chosen (the server checks each file's
 * real type and size), listed with a remove button. The input is a real, labelled file input.
 */
export function FilesEditor({ kind, files, onChange, error, onBusy }: FilesEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const accept = (kind === 'images' ? IMAGE_TYPES : FILE_RULES.attachment.types).join(',');

  const upload = async (chosen: File[]) => {
    const found: string[] = [];
    let current = files;
    const room = MAX_FILES - current.length;
    if (chosen.length > room) found.push(t('useCase.files.tooMany', { max: MAX_FILES }));
    const accepted = chosen.slice(0, Math.max(0, room)).filter((file) => {
      if (file.size > FILE_RULES.attachment.maxBytes) {
        found.push(t('useCase.files.tooLarge', { name: file.name, size: formatBytes(FILE_RULES.attachment.maxBytes, language) }));
        return false;
      }
      if (kind === 'images' && file.type !== '' && !file.type.startsWith('image/')) {
        found.push(t('useCase.files.notImage', { name: file.name }));
        return false;
      }
      return true;
    });
    setUploading(accepted.length);
    onBusy?.(accepted.length > 0);
    for (const file of accepted) {
      try {
        const stored = await uploadAttachment(file);
        current = [...current, toCaseFile(stored)];
        onChange(current);
      } catch (uploadError) {
        found.push(t('useCase.files.failed', { name: file.name, reason: errorMessage(t, uploadError) }));
      }
      setUploading((n) => n - 1);
    }
    onBusy?.(false);
    setProblems(found);
    if (input.current) input.current.value = '';
  };

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <span className="field__label" id={`${id}-label`}>
        <strong>{t(`useCase.files.${kind}`)}</strong>
      </span>
      <p id={`${id}-hint`} className="field__hint">
        {t(`useCase.files.${kind}Hint`, { max: MAX_FILES, size: formatBytes(FILE_RULES.attachment.maxBytes, language) })}
      </p>
      {files.length > 0 ? (
        <ul className="file-list" aria-labelledby={`${id}-label`}>
          {files.map((file) => (
            <li key={file.fileId}>
              {kind === 'images' ? <img src={file.url} alt="" width={48} height={48} /> : null}
              <bdi>{file.name}</bdi>
              <span className="muted">{formatBytes(file.sizeBytes, language)}</span>
              <button
                type="button"
                className="button button--small button--danger"
                aria-label={t('useCase.files.remove', { name: file.name })}
                onClick={() => onChange(files.filter((f) => f.fileId !== file.fileId))}
              >
                {t('useCase.editor.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length < MAX_FILES ? (
        <div className="image-upload__controls">
          <label htmlFor={`${id}-input`} className="button button--small">
            {t(`useCase.files.add${kind === 'images' ? 'Images' : 'Attachments'}`)}
          </label>
          <input
            ref={input}
            id={`${id}-input`}
            className="visually-hidden-input"
            type="file"
            multiple
            accept={accept}
            aria-describedby={describedBy}
            disabled={uploading > 0}
            onChange={(event) => void upload([...(event.target.files ?? [])])}
          />
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {uploading > 0 ? t('useCase.files.uploading', { count: uploading }) : ''}
      </p>
      {uploading > 0 ? (
        <p className="muted" aria-hidden="true">
          {t('useCase.files.uploading', { count: uploading })}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul className="field__error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
