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
	srcScript := scriptOfLang(p.Source.Lang)
	toks := p.TargetTokens()
	var out []Finding
	for i := range p.Units {
		ts, ok := p.Units[i].TargetSpan()
		if !ok {
			continue
		}
		segToks := tokensIn(toks, ts)
		// A sentence wholly in the source language.
		if inSourceLanguage(p, segToks) && !r.kept(p, ts, ts.Start, ts.End) {
			out = append(out, r.finding(p, i, ts.Start, ts.End, true))
			continue
		}
		// Runs of source-script words.
		start, n, last := -1, 0, -1
		flush := func() {
			if n >= minUntranslatedRun(p.Source.Lang) && !r.kept(p, ts, start, last) {
				out = append(out, r.finding(p, i, start, last, false))
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
