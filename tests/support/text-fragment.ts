/** A `:~:text=[prefix-,]start[,end][,-suffix]` directive, decoded. */
export type TextFragment = { prefix?: string; start: string; end?: string; suffix?: string };

/** The text fragment of a link, decoded; undefined when it has none. */
export function textFragment(href: string): TextFragment | undefined {
  const directive = href.split(':~:text=')[1]?.split('&')[0];
  if (!directive) return undefined;
  // A literal hyphen in the words is percent-encoded, so a bare one marks a prefix or a suffix.
  const parts = directive.split(',');
  const prefix = parts[0]?.endsWith('-') ? parts.shift()?.slice(0, -1) : undefined;
  const suffix = parts.at(-1)?.startsWith('-') ? parts.pop()?.slice(1) : undefined;
  const [start = '', end] = parts.map((p) => decodeURIComponent(p));
  return {
    start,
    ...(end !== undefined ? { end } : {}),
    ...(prefix !== undefined ? { prefix: decodeURIComponent(prefix) } : {}),
    ...(suffix !== undefined ? { suffix: decodeURIComponent(suffix) } : {}),
  };
}

/** Every run of words a fragment asks the browser to find, in order (prefix, start, end, suffix). */
export function fragmentWords(href: string): string[] {
  const f = textFragment(href);
  return f ? [f.prefix, f.start, f.end, f.suffix].filter((w): w is string => w !== undefined && w !== '') : [];
}
