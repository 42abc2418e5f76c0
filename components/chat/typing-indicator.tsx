/** Three dots while the assistant is thinking; they pulse only for people who allow motion. */
export function TypingIndicator() {
  return (
    <span className="inline-flex items-center gap-1 py-1" aria-hidden>
      {[0, 150, 300].map((delay) => (
        <span
          key={delay}
          className="size-1.5 rounded-full bg-slate-400 motion-safe:animate-pulse"
          style={{ animationDelay: `${delay}ms` }}
        />
      ))}
    </span>
  );
}
