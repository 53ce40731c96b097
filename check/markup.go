package check

import (
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// Markup is never analysed: Markdown syntax and HTML tags are overwritten
// with spaces of the same byte length, so that every offset — and so every
// reported line and column, which are computed on the original — stays
// right. Block-level HTML tags become paragraph breaks, which are also
// byte for byte the same length.

// inlineIgnore is a suppression from a comment
// "<!-- tolmach:ignore RULE [TERM…] -->": it covers the next paragraph.
type inlineIgnore struct {
	Start, End int    // byte span of the paragraph covered
	Rule       string // a rule name, or "*" for all
	Terms      []string
}

// directive is one tolmach comment found while stripping.
type directive struct {
	end    int    // byte offset just past the comment
	kind   string // "ignore" or "ignore-file"
	fields []string
}

// parseDirective reads "tolmach:ignore RULE TERM…" or
// "tolmach:ignore-file RULE…" from the body of a comment.
func parseDirective(body string, end int) (directive, bool) {
	fields := strings.Fields(body)
	if len(fields) == 0 {
		return directive{}, false
	}
	switch strings.ToLower(fields[0]) {
	case "tolmach:ignore":
		return directive{end: end, kind: "ignore", fields: fields[1:]}, true
	case "tolmach:ignore-file":
		return directive{end: end, kind: "ignore-file", fields: fields[1:]}, true
	}
	return directive{}, false
}

// resolveDirectives turns the directives of a stripped text into
// suppressions: an ignore covers the first paragraph that starts after
// its comment.
func resolveDirectives(text string, ds []directive) (ignores []inlineIgnore, file []string) {
	if len(ds) == 0 {
		return nil, nil
	}
	paras := lang.Paragraphs(text)
	for _, d := range ds {
		rule := "*"
		var terms []string
		if len(d.fields) > 0 {
			rule = d.fields[0]
			terms = d.fields[1:]
		}
		if d.kind == "ignore-file" {
			if len(d.fields) == 0 {
				file = append(file, "*")
			}
			file = append(file, d.fields...)
			continue
		}
		// The first paragraph starting after the comment, found by
		// halving: a document with a directive before every paragraph
		// would otherwise cost the square of its length.
		if i := sort.Search(len(paras), func(i int) bool { return paras[i].Start >= d.end }); i < len(paras) {
			p := paras[i]
			ignores = append(ignores, inlineIgnore{Start: p.Start, End: p.End, Rule: rule, Terms: terms})
		}
	}
	return ignores, file
}

// blank overwrites b[from:to] with spaces, keeping line breaks.
func blank(b []byte, from, to int) {
	for i := from; i < to && i < len(b); i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}

// blankBreak overwrites b[from:to] with a paragraph break ("\n\n" then
// spaces) when it is long enough, else with spaces.
func blankBreak(b []byte, from, to int) {
	blank(b, from, to)
	if to-from >= 2 {
		b[from], b[from+1] = '\n', '\n'
	}
}

// stripComment blanks the HTML comment starting at i (at "<!--") and
// returns the offset past it and the directive it holds, if any.
func stripComment(text string, b []byte, i int, ds *[]directive) int {
	end := strings.Index(text[i+4:], "-->")
	if end < 0 {
		end = len(text)
	} else {
		end += i + 4 + 3
	}
	body := strings.TrimSuffix(text[i+4:end], "-->")
	if d, ok := parseDirective(body, end); ok {
		*ds = append(*ds, d)
	}
	blank(b, i, end)
	return end
}

// decodeEntity replaces the character reference at b[i:] (text[i] is
// '&') with its character, padded with spaces, when it is a complete
// reference whose character is no longer than it; it returns the offset
// past what it handled.
func decodeEntity(text string, b []byte, i int) int {
	j := i + 1
	for j < len(text) && j-i <= 32 && (isASCIIAlnum(text[j]) || text[j] == '#') {
		j++
	}
	if j >= len(text) || text[j] != ';' || j == i+1 {
		return i + 1
	}
	ref := text[i : j+1]
	dec := html.UnescapeString(ref)
	if dec == ref || len(dec) > len(ref) || !utf8.ValidString(dec) {
		return j + 1
	}
	if r, _ := utf8.DecodeRuneInString(dec); r < 0x20 && r != '\t' && r != '\n' {
		dec = " " // control characters from &#1; and the like are not text
	}
	// The padding goes on the side away from the text the character
	// belongs to: before an opening quote or a space («вместе», 38 млрд),
	// after anything else (вместе», AT&T).
	pad := len(ref) - len(dec)
	at := i
	if r, _ := utf8.DecodeRuneInString(dec); unicode.IsSpace(r) || strings.ContainsRune("«“„‘‹([{", r) {
		at = i + pad
	}
	for k := i; k <= j; k++ {
		b[k] = ' '
	}
	copy(b[at:], dec)
	return j + 1
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// htmlBlockTags are the elements that end a paragraph.
var htmlBlockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "td": true, "th": true, "table": true,
	"blockquote": true, "section": true, "article": true, "header": true, "footer": true, "hr": true,
	"title": true, "body": true, "head": true, "html": true, "figcaption": true, "figure": true,
	"dd": true, "dt": true, "dl": true, "pre": true, "main": true, "aside": true, "nav": true,
	"caption": true, "thead": true, "tbody": true, "address": true,
}

// htmlSkipTags are elements whose content is not text to check.
var htmlSkipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true, "code": false}

// tagName returns the lower-case element name of the tag text[i:] (at
// '<'), whether it is an end tag, and the offset past the tag; ok is
// false when text[i:] is not a tag.
func tagName(text string, i int) (name string, closing bool, end int, ok bool) {
	j := i + 1
	if j < len(text) && text[j] == '/' {
		closing = true
		j++
	}
	if j >= len(text) || !(text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		return "", false, 0, false
	}
	k := j
	for k < len(text) && (isASCIIAlnum(text[k]) || text[k] == '-' || text[k] == ':') {
		k++
	}
	name = strings.ToLower(text[j:k])
	// Find the closing '>' outside quoted attribute values.
	var quote byte
	for e := k; e < len(text); e++ {
		c := text[e]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return name, closing, e + 1, true
		case c == '<' && e > k:
			return "", false, 0, false // "a < b" and such: not a tag
		}
	}
	return "", false, 0, false
}

// indexEndTag returns the offset of the first "</name" in text, in any
// case, or -1. It looks at each "</" once: lowering the rest of the text
// for every script or style element would cost the square of a page
// full of them.
func indexEndTag(text, name string) int {
	for off := 0; ; {
		k := strings.Index(text[off:], "</")
		if k < 0 {
			return -1
		}
		k += off
		if rest := text[k+2:]; len(rest) >= len(name) && strings.EqualFold(rest[:len(name)], name) {
			return k
		}
		off = k + 2
	}
}

// stripHTML blanks the tags, comments, scripts and styles of an HTML
// text, decodes character references in place and collects tolmach
// comments.
func stripHTML(text string) (string, []inlineIgnore, []string) {
	b := []byte(text)
	var ds []directive
	for i := 0; i < len(text); {
		switch text[i] {
		case '<':
			if strings.HasPrefix(text[i:], "<!--") {
				i = stripComment(text, b, i, &ds)
				continue
			}
			if strings.HasPrefix(text[i:], "<!") || strings.HasPrefix(text[i:], "<?") {
				end := strings.IndexByte(text[i:], '>')
				if strings.HasPrefix(text[i:], "<![CDATA[") {
					end = strings.Index(text[i:], "]]>") + 2
				}
				if end < 0 {
					end = len(text) - i - 1
				}
				blank(b, i, i+end+1)
				i += end + 1
				continue
			}
			name, closing, end, ok := tagName(text, i)
			if !ok {
				i++
				continue
			}
			if htmlBlockTags[name] {
				blankBreak(b, i, end)
			} else {
				blank(b, i, end)
			}
			if !closing && htmlSkipTags[name] {
				k := indexEndTag(text[end:], name)
				if k < 0 {
					k = len(text) - end
				}
				blank(b, end, end+k)
				end += k
			}
			i = end
		case '&':
			i = decodeEntity(text, b, i)
		default:
			i++
		}
	}
	out := string(b)
	ign, file := resolveDirectives(out, ds)
	return out, ign, file
}

// stripMarkdown blanks the syntax of a Markdown text that is not prose:
// front matter, fenced code, inline code, emphasis markers, link targets,
// images, HTML tags and comments, block-quote markers. Headings keep
// their '#' and lists their markers, which segmentation uses.
func stripMarkdown(text string) (string, []inlineIgnore, []string) {
	b := []byte(text)
	var ds []directive
	lineStart := 0
	// Front matter: a first line "---" up to the next "---" line.
	if strings.HasPrefix(text, "---\n") {
		if k := strings.Index(text[4:], "\n---"); k >= 0 {
			end := 4 + k + 4
			if nl := strings.IndexByte(text[end:], '\n'); nl >= 0 {
				end += nl
			} else {
				end = len(text)
			}
			blank(b, 0, end)
			lineStart = end
		}
	}
	fence := "" // the open code fence, if any
	for lineStart < len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			blank(b, lineStart, lineEnd)
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			blank(b, lineStart, lineEnd)
		case isLinkDefinition(trimmed):
			blank(b, lineStart, lineEnd)
		default:
			// Block-quote markers.
			k := lineStart
			for k < lineEnd && (text[k] == ' ' || text[k] == '>') {
				if text[k] == '>' {
					b[k] = ' '
				}
				k++
			}
			lineEnd = stripInlineMarkdown(text, b, k, lineEnd, &ds)
		}
		lineStart = lineEnd + 1
	}
	out := string(b)
	ign, file := resolveDirectives(out, ds)
	return out, ign, file
}

// isLinkDefinition reports whether a line is a reference definition
// "[label]: URL".
func isLinkDefinition(s string) bool {
	if !strings.HasPrefix(s, "[") {
		return false
	}
	k := strings.Index(s, "]:")
	return k > 1 && !strings.ContainsAny(s[:k], "\n")
}

// stripInlineMarkdown blanks the inline syntax of text[from:to] and
// returns the end of what it consumed (past to when an HTML comment runs
// over several lines).
func stripInlineMarkdown(text string, b []byte, from, to int, ds *[]directive) int {
	for i := from; i < to; {
		c := text[i]
		switch {
		case c == '`':
			n := 0
			for i+n < to && text[i+n] == '`' {
				n++
			}
			ticks := text[i : i+n]
			if k := strings.Index(text[i+n:to], ticks); k >= 0 {
				blank(b, i, i+n+k+n)
				i += n + k + n
				continue
			}
			blank(b, i, i+n)
			i += n
		case c == '<':
			if strings.HasPrefix(text[i:], "<!--") {
				end := stripComment(text, b, i, ds)
				if end > to {
					// The comment ran over lines: continue after it, up to
					// the end of the line it ends on.
					to = strings.IndexByte(text[end:], '\n')
					if to < 0 {
						to = len(text)
					} else {
						to += end
					}
				}
				i = end
				continue
			}
			if _, _, end, ok := tagName(text, i); ok && end <= to {
				blank(b, i, end)
				i = end
				continue
			}
			if k := strings.IndexByte(text[i:to], '>'); k > 0 && strings.Contains(text[i:i+k], "://") {
				blank(b, i, i+k+1) // an autolink <https://…>
				i += k + 1
				continue
			}
			i++
		case c == '!' && i+1 < to && text[i+1] == '[':
			// An image: nothing of it is prose.
			if end := linkEnd(text, i+1, to); end > 0 {
				blank(b, i, end)
				i = end
				continue
			}
			i++
		case c == '[':
			close := matchingBracket(text, i, to)
			if close < 0 {
				i++
				continue
			}
			if end := linkEnd(text, i, to); end > 0 {
				b[i] = ' '
				blank(b, close, end)
				stripInlineMarkdown(text, b, i+1, close, ds)
				i = end
				continue
			}
			i++
		case c == '*' || c == '~':
			b[i] = ' '
			i++
		case c == '_':
			// Only emphasis underscores at a word's edge, not snake_case.
			prev, _ := utf8.DecodeLastRuneInString(text[from:i])
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if !(isWordRune(prev) && isWordRune(next)) {
				b[i] = ' '
			}
			i++
		case c == '\\' && i+1 < to && strings.IndexByte("\\`*_{}[]()#+-.!<>|~", text[i+1]) >= 0:
			b[i] = ' '
			i += 2
		case c == '&':
			i = decodeEntity(text, b, i)
		default:
			i++
		}
	}
	return to
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// matchingBracket returns the offset of the ']' closing the '[' at i, or
// -1 before to.
func matchingBracket(text string, i, to int) int {
	depth := 0
	for k := i; k < to; k++ {
		switch text[k] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// linkEnd returns the offset past a link's target — "[text](url)" or
// "[text][ref]" — for the '[' at i, or 0 when it is not a link.
func linkEnd(text string, i, to int) int {
	close := matchingBracket(text, i, to)
	if close < 0 || close+1 >= to {
		return 0
	}
	switch text[close+1] {
	case '(':
		depth := 0
		for k := close + 1; k < to; k++ {
			switch text[k] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return k + 1
				}
			}
		}
	case '[':
		if k := strings.IndexByte(text[close+1:to], ']'); k > 0 {
			return close + 1 + k + 1
		}
	}
	return 0
}
