/**
 * Content the server rendered from Markdown and sanitised (no scripts, event handlers or javascript:
 * links). This is the only place the app sets HTML.
 */
export function MarkdownBody({ html, className }: { html: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
