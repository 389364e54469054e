import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

/** Update text as Markdown: raw HTML is shown as text and only http(s) and mailto links survive. */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        urlTransform={(url) => (/^(https?:|mailto:|\/|#)/i.test(url) ? defaultUrlTransform(url) : '')}
        components={{ a: ({ href, children }) => (href ? <a href={href} rel="noopener noreferrer nofollow">{children}</a> : <span>{children}</span>) }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
