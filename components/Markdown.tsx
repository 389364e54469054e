import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** Update text as Markdown, with GitHub's tables and strikethrough (as lib/markdown.ts reads it for the files): raw HTML is left out and only http(s), mailto and in-app links survive. */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        remarkPlugins={[remarkGfm]}
        urlTransform={(url) => (/^(https?:|mailto:|\/|#)/i.test(url) ? defaultUrlTransform(url) : '')}
        components={{ a: ({ href, children }) => (href ? <a href={href} rel="noopener noreferrer nofollow">{children}</a> : <span>{children}</span>) }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
