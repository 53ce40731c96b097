package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// untranslated reports source-language text left in the target: a run of
// three or more source-script words, or a target sentence that is wholly
// in the source language. Text the translator keeps on purpose is left
// alone: anything in parentheses or brackets, a quotation in the original
// script given with its translation or transliteration in parentheses,
// URLs, and in a Russian target English names written in capitals (The
// Wall Street Journal).
type untranslated struct{}

func (untranslated) Name() string { return "untranslated" }
func (untranslated) Description() string {
	return "The target segment holds source-language text left untranslated."
}
func (untranslated) DefaultSeverity() Severity { return Error }

// minUntranslatedRun is the number of source-script words in a row that
// makes an untranslated run: two Cyrillic words in English text (Russian
// words have no business there outside quotations), three Latin words in
// Russian text, which keeps English names and titles more often.
func minUntranslatedRun(source lang.Lang) int {
	if source == lang.RU {
		return 2
	}
	return 3
}

func scriptOfLang(l lang.Lang) lang.Script {
	if l == lang.RU {
		return lang.Cyrillic
	}
	return lang.Latin
}

func (r untranslated) Check(p *Pair) []Finding {
	var out []Finding
	for _, run := range untranslatedRuns(p) {
		f := r.finding(p, run.unit, run.Start, run.End, run.whole)
		// A glossary term left untranslated: say what it should be, since
		// term-missing leaves the run to this rule.
		for _, h := range p.SourceTerms {
			if h.Unit != run.unit || !termInRun(p, h, run) {
				continue
			}
			if exp := usableTerms(h.Concept, string(p.Target.Lang)); len(exp) > 0 {
				f.Term = p.termRef(h.Concept, h.Term)
				f.Source = p.SourceLoc(run.unit, h.Start, h.End)
				f.Suggestion = fmt.Sprintf("translate it: the glossary renders %s as %s",
					quote(p.Source.Lang, p.Source.Raw[h.Start:h.End]), quoteList(p.Target.Lang, exp, "or"))
				break
			}
		}
		out = append(out, f)
	}
	return out
}

// untranslatedRun is a span of a unit's target left in the source
// language: a whole sentence, or a run of source-script words.
type untranslatedRun struct {
	Span
	unit  int
	whole bool
}

// untranslatedRuns returns the target text left in the source language,
// unit by unit, for untranslated and for term-missing (which does not
// report again a term that lies inside such a run): computed once.
func untranslatedRuns(p *Pair) []untranslatedRun {
	p.untranslatedOnce.Do(func() { p.untranslated = findUntranslated(p) })
	return p.untranslated
}

func findUntranslated(p *Pair) []untranslatedRun {
	var r untranslated
	srcScript := scriptOfLang(p.Source.Lang)
	toks := p.TargetTokens()
	var out []untranslatedRun
	for i := range p.Units {
		ts, ok := p.Units[i].TargetSpan()
		if !ok {
			continue
		}
		segToks := proseTokens(p.Target.Text, ts, tokensIn(toks, ts))
		// A sentence wholly in the source language.
		if inSourceLanguage(p, segToks) && !r.kept(p, ts, ts.Start, ts.End) {
			out = append(out, untranslatedRun{ts, i, true})
			continue
		}
		// Runs of source-script words.
		start, n, last := -1, 0, -1
		flush := func() {
			if n >= minUntranslatedRun(p.Source.Lang) && !r.kept(p, ts, start, last) {
				out = append(out, untranslatedRun{Span{start, last}, i, false})
			}
			start, n, last = -1, 0, -1
		}
		for k, t := range segToks {
			if t.Kind == lang.Number {
				continue // numbers neither count nor break a run
			}
			if lang.ScriptOf(t.Text) != srcScript || (k > 0 && breaksRun(p.Target.Text[segToks[k-1].End:t.Start])) {
				flush()
				if lang.ScriptOf(t.Text) != srcScript {
					continue
				}
			}
			if start < 0 {
				start = t.Start
			}
			n++
			last = t.End
		}
		flush()
	}
	return out
}

// leftUntranslated reports whether source term hit h stands, untranslated,
// inside a run of its unit's target that untranslated reports: one
// problem, reported once, by untranslated («шанхайскому духу» left as
// «шанхайский дух» in the English).
func leftUntranslated(p *Pair, h TermHit) bool {
	for _, run := range untranslatedRuns(p) {
		if run.unit == h.Unit && termInRun(p, h, run) {
			return true
		}
	}
	return false
}

// termInRun reports whether the words of source term hit h occur, by
// their matching keys, in the untranslated run.
func termInRun(p *Pair, h TermHit, run untranslatedRun) bool {
	var keys []string
	for _, t := range tokensIn(p.SourceTokens(), Span{h.Start, h.End}) {
		if t.Kind == lang.Word {
			keys = append(keys, t.Key)
		}
	}
	if len(keys) == 0 {
		return false
	}
	var words []lang.Token
	for _, t := range tokensIn(p.TargetTokens(), run.Span) {
		if t.Kind == lang.Word {
			words = append(words, t)
		}
	}
next:
	for i := 0; i+len(keys) <= len(words); i++ {
		for k, key := range keys {
			if words[i+k].Key != key {
				continue next
			}
		}
		return true
	}
	return false
}

// proseTokens returns the tokens of segment seg of text that are not
// inside a placeholder, address or path (lang.Placeholders): code a
// translator copies ({{ max_width }}, %1$@, /en-US/portfolio, Box.com)
// is not text left untranslated.
func proseTokens(text string, seg Span, toks []lang.Token) []lang.Token {
	ps := lang.Placeholders(text[seg.Start:seg.End])
	if len(ps) == 0 {
		return toks
	}
	out := make([]lang.Token, 0, len(toks))
	for _, t := range toks {
		if !lang.InPlaceholder(ps, t.Start-seg.Start, t.End-seg.Start) {
			out = append(out, t)
		}
	}
	return out
}

// inSourceLanguage reports whether target tokens are (four fifths or
// more of their words, two at least) in the source language's script: a
// sentence left untranslated.
func inSourceLanguage(p *Pair, toks []lang.Token) bool {
	srcScript := scriptOfLang(p.Source.Lang)
	var src, words int
	for _, t := range toks {
		if t.Kind != lang.Word {
			continue
		}
		words++
		if lang.ScriptOf(t.Text) == srcScript {
			src++
		}
	}
	return src >= 2 && src*10 >= words*8
}

// breaksRun reports whether the text between two words separates them
// into different runs: a sentence end, a bracket or a quotation mark.
func breaksRun(between string) bool {
	return strings.ContainsAny(between, "()[]«»“”\"„.!?;:\n")
}

func (r untranslated) finding(p *Pair, u, start, end int, whole bool) Finding {
	f := Finding{
		Rule:     r.Name(),
		Severity: Error,
		Target:   p.TargetLoc(u, start, end),
		Source:   p.SourceLoc(u, 0, 0),
		Unit:     u,
	}
	run := p.Target.Raw[start:end]
	if whole {
		f.Message = fmt.Sprintf("the target sentence is in %s: it was left untranslated", p.Source.Lang.Name())
		f.Suggestion = "translate the sentence"
	} else {
		f.Message = fmt.Sprintf("%s text left untranslated: %s", p.Source.Lang.Name(), quote(p.Source.Lang, run))
		f.Suggestion = fmt.Sprintf("translate %s, or put the original in quotation marks with a translation in parentheses", quote(p.Source.Lang, run))
	}
	return f
}

// kept reports whether the target text [start, end) inside segment seg is
// there on purpose: inside brackets, a quotation given with a
// parenthesised gloss, part of a URL, or (in a Russian target) an English
// title written in capitals.
func (untranslated) kept(p *Pair, seg Span, start, end int) bool {
	text := p.Target.Text
	if insideBrackets(text[seg.Start:seg.End], start-seg.Start, end-seg.Start) {
		return true
	}
	if quotedWithGloss(text[seg.Start:seg.End], start-seg.Start, end-seg.Start) {
		return true
	}
	if insideURL(text[seg.Start:seg.End], start-seg.Start) {
		return true
	}
	if p.Source.Lang == lang.EN {
		// English names and titles kept in a Russian text (The Wall Street
		// Journal, Council on Foreign Relations): mostly capitalised words.
		var lower, words int
		for _, t := range lang.Analyze(text[start:end]) {
			if t.Kind != lang.Word {
				continue
			}
			words++
			if r, _ := utf8.DecodeRuneInString(t.Text); !unicode.IsUpper(r) {
				lower++
			}
		}
		if lower*2 < words {
			return true
		}
	}
	return false
}

// insideBrackets reports whether s[start:end] is enclosed in parentheses
// or square brackets within s.
func insideBrackets(s string, start, end int) bool {
	depth := 0
	for _, c := range s[:start] {
		switch c {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		}
	}
	if depth == 0 {
		return false
	}
	return strings.ContainsAny(s[end:], ")]")
}

// quotedWithGloss reports whether s[start:end] is inside quotation marks
// whose closing mark is followed, or whose opening mark is preceded, by a
// parenthesis: «Русский мир» (Russkiy Mir), or (in Russian: «…»).
func quotedWithGloss(s string, start, end int) bool {
	open := strings.LastIndexAny(s[:start], "«“\"„")
	if open < 0 {
		return false
	}
	rel := strings.IndexAny(s[end:], "»”\"“")
	if rel < 0 {
		return false
	}
	closeEnd := end + rel
	_, size := utf8.DecodeRuneInString(s[closeEnd:])
	after := strings.TrimLeft(s[closeEnd+size:], " \u00a0,")
	before := strings.TrimRight(s[:open], " \u00a0:,")
	return strings.HasPrefix(after, "(") || strings.HasPrefix(after, "[") ||
		strings.HasSuffix(before, "(") || strings.HasSuffix(before, ")")
}

// insideURL reports whether offset off of s falls inside a URL or an
// e-mail address.
func insideURL(s string, off int) bool {
	ws := strings.LastIndexAny(s[:off], " \t\n\u00a0") + 1
	word := s[ws:]
	if e := strings.IndexAny(word, " \t\n\u00a0"); e >= 0 {
		word = word[:e]
	}
	return strings.Contains(word, "://") || strings.HasPrefix(word, "www.") || strings.Contains(word, "@")
}
