package check

import (
	"fmt"
	"strings"

	"tolmach/internal/lang"
)

// placeholderMismatch reports a placeholder of a source segment — a
// printf or strftime conversion (%1$@, %d, %Y), a template variable
// ({name}, {{ max_width }}, an ICU argument), a tag, an XLIFF inline
// code — that its target segment lacks, and one the target adds. A
// missing %d crashes the program that formats the string, a missing
// {name} loses a value, a missing tag breaks the layout. URLs, e-mail
// addresses, paths and an ICU message's selectors may rightly change in
// a translation and are not compared. lang.Placeholders finds them, the
// one place that also keeps them out of the untranslated and number
// checks.
type placeholderMismatch struct{}

func (placeholderMismatch) Name() string { return "placeholder-mismatch" }
func (placeholderMismatch) Description() string {
	return "A placeholder, format string or inline code of the source segment is missing from its target segment, or the target adds one."
}
func (placeholderMismatch) DefaultSeverity() Severity { return Error }

// keyedPlaceholder is a placeholder to compare, with where it stands.
type keyedPlaceholder struct {
	key, text  string // text as written: %d where key is %1$d
	start, end int    // absolute byte offsets; equal when it has no span (an XLIFF code)
}

// placeholdersIn returns the placeholders of d's span s that must be
// carried over, then the inline codes of a bilingual file's unit.
func placeholdersIn(d *Document, s Span, codes []string) []keyedPlaceholder {
	var out []keyedPlaceholder
	for _, ph := range lang.Placeholders(d.Text[s.Start:s.End]) {
		if ph.Key != "" {
			out = append(out, keyedPlaceholder{ph.Key, d.Text[s.Start+ph.Start : s.Start+ph.End], s.Start + ph.Start, s.Start + ph.End})
		}
	}
	for _, c := range codes {
		out = append(out, keyedPlaceholder{key: c, text: c})
	}
	return out
}

// unmatched returns the placeholders of a whose keys b lacks, counting
// repeats: "%d %d" against "%d" lacks one.
func unmatched(a, b []keyedPlaceholder) []keyedPlaceholder {
	have := map[string]int{}
	for _, x := range b {
		have[x.key]++
	}
	var out []keyedPlaceholder
	for _, x := range a {
		if have[x.key] > 0 {
			have[x.key]--
			continue
		}
		out = append(out, x)
	}
	return out
}

func (r placeholderMismatch) Check(p *Pair) []Finding {
	var out []Finding
	for i := range p.Units {
		u := &p.Units[i]
		ss, ok1 := u.SourceSpan()
		ts, ok2 := u.TargetSpan()
		if !ok1 || !ok2 {
			continue
		}
		var srcCodes, tgtCodes []string
		if i < len(p.Source.units) {
			srcCodes, tgtCodes = p.Source.units[i].SrcCodes, p.Source.units[i].TgtCodes
		}
		a, b := placeholdersIn(p.Source, ss, srcCodes), placeholdersIn(p.Target, ts, tgtCodes)
		if len(a) == 0 && len(b) == 0 {
			continue
		}
		for _, x := range unmatched(a, b) {
			out = append(out, Finding{
				Rule:       r.Name(),
				Severity:   Error,
				Message:    fmt.Sprintf("the placeholder %s of the source is missing from the target", codeQuote(x.text)),
				Source:     p.SourceLoc(i, x.start, x.end),
				Target:     p.TargetLoc(i, 0, 0),
				Suggestion: fmt.Sprintf("copy %s into the translation where its value belongs", codeQuote(x.text)),
				Unit:       i,
			})
		}
		for _, x := range unmatched(b, a) {
			out = append(out, Finding{
				Rule:       r.Name(),
				Severity:   Error,
				Message:    fmt.Sprintf("the target has the placeholder %s, which the source does not", codeQuote(x.text)),
				Source:     p.SourceLoc(i, 0, 0),
				Target:     p.TargetLoc(i, x.start, x.end),
				Suggestion: fmt.Sprintf("remove %s, or correct it to the source's placeholder", codeQuote(x.text)),
				Unit:       i,
			})
		}
	}
	return out
}

// codeQuote quotes a placeholder for a message, in backquotes as code is
// quoted in both languages' technical writing.
func codeQuote(s string) string {
	return "`" + strings.ReplaceAll(s, "`", "'") + "`"
}
