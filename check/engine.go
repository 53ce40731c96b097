package check

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"tolmach/glossary"
	"tolmach/internal/lang"
	"tolmach/tm/align"
)

// Options configure a [Checker]. The zero value checks with every rule at
// its default severity against an empty glossary.
type Options struct {
	// Glossary holds the terms to check; nil means none (only the rules
	// that need no glossary find anything).
	Glossary *glossary.Glossary
	// SourceLang forces the source language; "" takes it from the file
	// name, else the script. The target is the other language.
	SourceLang lang.Lang
	// Encoding forces the encoding of text inputs; "" detects it.
	Encoding string
	// Severities override rules' default severities; [Off] disables a
	// rule.
	Severities map[string]Severity
	// Ignores are suppressions from the configuration file.
	Ignores []Ignore
	// Suppress, when set, drops the findings it returns true for: the
	// CLI's hook for the project configuration's [[ignore]] entries,
	// whose globs are relative to the configuration file.
	Suppress func(f *Finding) bool
	// Rules replaces the built-in rule set when not nil.
	Rules []Rule
}

// ErrSameLanguage is returned (wrapped) when the source and the target are
// in the same language.
var ErrSameLanguage = errors.New("source and target are in the same language")

// ErrEmpty is returned (wrapped) when a document has no text to check.
var ErrEmpty = errors.New("no text to check")

// Checker checks document pairs. It is safe for concurrent use: the
// glossary matchers are built once and only read afterwards.
type Checker struct {
	opts  Options
	rules []Rule

	once     sync.Once
	matchers map[lang.Lang]termMatcher
}

// New returns a Checker with opts.
func New(opts Options) *Checker {
	c := &Checker{opts: opts, rules: opts.Rules}
	if c.rules == nil {
		c.rules = Rules()
	}
	return c
}

// RulesInUse returns the checker's rules with their effective severities,
// disabled ones left out.
func (c *Checker) RulesInUse() []Rule { return c.enabled() }

func (c *Checker) enabled() []Rule {
	var out []Rule
	for _, r := range c.rules {
		if s, ok := c.opts.Severities[r.Name()]; ok && s == Off {
			continue
		}
		out = append(out, r)
	}
	return out
}

func (c *Checker) matcher(l lang.Lang) termMatcher {
	c.once.Do(func() {
		c.matchers = map[lang.Lang]termMatcher{}
		for _, l := range []lang.Lang{lang.RU, lang.EN} {
			c.matchers[l] = newTermMatcher(c.opts.Glossary, l)
		}
	})
	if m, ok := c.matchers[l]; ok {
		return m
	}
	return noTerms{}
}

// Result is the outcome of checking one pair.
type Result struct {
	Source, Target *Document
	Units          []Unit
	Findings       []Finding // sorted by file, line and column
	Segments       int       // source sentences
	Terms          int       // glossary term occurrences in the source
	// Suppressed counts the findings dropped by suppressions.
	Suppressed int
}

// CheckFiles reads SOURCE and TARGET (see [ReadDocument]) and checks them.
func (c *Checker) CheckFiles(ctx context.Context, source, target string) (*Result, error) {
	src, err := ReadDocument(source, c.opts.Encoding, c.opts.SourceLang)
	if err != nil {
		return nil, err
	}
	// The target's language: the other one when the source language was
	// given; else its own name's, so that two files named alike are
	// reported as such; else the other one.
	tgtLang := other(c.opts.SourceLang)
	if tgtLang == "" {
		tgtLang = langOfName(target)
	}
	if tgtLang == "" {
		tgtLang = other(src.Lang)
	}
	tgt, err := ReadDocument(target, c.opts.Encoding, tgtLang)
	if err != nil {
		return nil, err
	}
	return c.Check(ctx, src, tgt)
}

// CheckBilingual reads a bilingual XLIFF file and checks its units.
func (c *Checker) CheckBilingual(ctx context.Context, path string) (*Result, error) {
	src, tgt, err := ReadBilingual(path, c.opts.Encoding)
	if err != nil {
		return nil, err
	}
	if c.opts.SourceLang != "" {
		src.Lang, tgt.Lang = c.opts.SourceLang, other(c.opts.SourceLang)
	}
	if src.Lang == "" {
		src.Lang = lang.Detect(src.Text)
	}
	if tgt.Lang == "" {
		tgt.Lang = other(src.Lang)
	}
	return c.Check(ctx, src, tgt)
}

func other(l lang.Lang) lang.Lang {
	switch l {
	case lang.RU:
		return lang.EN
	case lang.EN:
		return lang.RU
	}
	return ""
}

// Check aligns two documents and runs the rules over them.
func (c *Checker) Check(ctx context.Context, src, tgt *Document) (*Result, error) {
	if err := validatePair(src, tgt); err != nil {
		return nil, err
	}
	p := &Pair{Source: src, Target: tgt, Glossary: c.opts.Glossary}
	if err := c.alignPair(p); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.index()
	c.findTerms(p)
	res := &Result{Source: src, Target: tgt, Units: p.Units, Terms: len(p.SourceTerms)}
	for _, u := range p.Units {
		res.Segments += len(u.Source)
	}
	var fs []Finding
	for _, r := range c.enabled() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, f := range r.Check(p) {
			if s, ok := c.opts.Severities[f.Rule]; ok {
				f.Severity = s
			}
			if f.Related == nil {
				f.Related = []Location{}
			}
			fs = append(fs, f)
		}
	}
	kept := fs[:0]
	for _, f := range fs {
		if c.suppressed(&f, src, tgt) {
			res.Suppressed++
			continue
		}
		f.Fingerprint = fingerprint(&f)
		kept = append(kept, f)
	}
	SortFindings(kept)
	res.Findings = kept
	return res, nil
}

// validatePair refuses pairs that cannot be checked: unknown or equal
// languages, an empty document.
func validatePair(src, tgt *Document) error {
	if !hasLetters(src.Text) {
		return fmt.Errorf("%s: %w: the source is empty", src.Path, ErrEmpty)
	}
	if !hasLetters(tgt.Text) {
		return fmt.Errorf("%s: %w: the target is empty", tgt.Path, ErrEmpty)
	}
	if src.Lang != lang.RU && src.Lang != lang.EN {
		return fmt.Errorf("%s: cannot tell the source language; use --source-lang ru|en", src.Path)
	}
	if tgt.Lang != lang.RU && tgt.Lang != lang.EN {
		return fmt.Errorf("%s: cannot tell the target language; use --source-lang ru|en", tgt.Path)
	}
	if src.Lang == tgt.Lang {
		return fmt.Errorf("%s and %s: %w (%s); the target must be the translation into the other language", src.Path, tgt.Path, ErrSameLanguage, src.Lang)
	}
	// A name that says one language and a text in the other is a mistake
	// worth stopping for: the languages would be checked the wrong way round.
	for _, d := range []*Document{src, tgt} {
		if got := lang.Detect(d.Text); got != "" && got != d.Lang && d.Format != XLIFF {
			return fmt.Errorf("%s: the text is in %s, not %s; check the file order or --source-lang", d.Path, langName(got), langName(d.Lang))
		}
	}
	return nil
}

func langName(l lang.Lang) string {
	switch l {
	case lang.RU:
		return "Russian"
	case lang.EN:
		return "English"
	}
	return string(l)
}

// alignPair fills p.Units: a bilingual file's own units, else the
// sentence alignment of tm/align with glossary concepts as anchors.
func (c *Checker) alignPair(p *Pair) error {
	if p.Source.units != nil {
		for i, pu := range p.Source.units {
			u := Unit{Index: i, Confidence: 1}
			if pu.SrcEnd > pu.SrcStart {
				u.Source = []Span{{pu.SrcStart, pu.SrcEnd}}
			}
			if pu.TgtEnd > pu.TgtStart && hasLetters(p.Target.Text[pu.TgtStart:pu.TgtEnd]) {
				u.Target = []Span{{pu.TgtStart, pu.TgtEnd}}
			}
			p.Units = append(p.Units, u)
		}
		return nil
	}
	anchors := align.AnchorFunc(func(text string, l lang.Lang) []string {
		var ids []string
		for _, h := range c.matcher(l).find(text) {
			ids = append(ids, "g:"+h.Concept.ID)
		}
		return ids
	})
	a, err := align.AlignTexts(p.Source.Text, p.Target.Text, p.Source.Lang, p.Target.Lang, align.Options{Anchorers: []align.Anchorer{anchors}})
	if err != nil {
		return fmt.Errorf("%s, %s: aligning: %w", p.Source.Path, p.Target.Path, err)
	}
	for i, ap := range a.Pairs {
		u := Unit{Index: i, Confidence: ap.Confidence, Low: ap.Low}
		for _, k := range ap.Source {
			u.Source = append(u.Source, Span{a.Source[k].Start, a.Source[k].End})
		}
		for _, k := range ap.Target {
			u.Target = append(u.Target, Span{a.Target[k].Start, a.Target[k].End})
		}
		p.Units = append(p.Units, u)
	}
	return nil
}

// findTerms recognises the glossary terms of both texts.
func (c *Checker) findTerms(p *Pair) {
	sm, tm := c.matcher(p.Source.Lang), c.matcher(p.Target.Lang)
	p.SourceTerms = strictInflection(p.Source, sm.findTokens(p.SourceTokens()))
	p.TargetTerms = strictInflection(p.Target, tm.findTokens(p.TargetTokens()))
	p.TargetAllTerms = tm.findAll(p.Target.Text)
	for i := range p.SourceTerms {
		p.SourceTerms[i].Unit = p.SourceUnitAt(p.SourceTerms[i].Start)
	}
	for _, hs := range [][]TermHit{p.TargetTerms, p.TargetAllTerms} {
		for i := range hs {
			hs[i].Unit = p.TargetUnitAt(hs[i].Start)
		}
	}
}

// strictInflection drops the matches of one-word terms whose word in the
// text is not an inflected form of the term: stemmers conflate
// derivations ("president" and "presidency", "signed" and "signing",
// «договорились» and «договор»), which is right for search and wrong
// for a checker that must not report what is not there. In English,
// inflection here is a plural or a possessive; in Russian, a case ending
// of at most three letters that is not a reflexive verb's.
func strictInflection(d *Document, hs []TermHit) []TermHit {
	out := hs[:0]
	for _, h := range hs {
		tt := lang.Analyze(h.Term.Text)
		toks := lang.Analyze(d.Text[h.Start:h.End])
		if len(tt) != len(toks) || len(tt) == 0 {
			out = append(out, h)
			continue
		}
		ok := true
		for i := range tt {
			if tt[i].Kind != lang.Word || toks[i].Kind != lang.Word {
				continue
			}
			switch {
			case d.Lang == lang.EN && len(tt) == 1:
				ok = englishInflection(tt[0].Norm, toks[0].Norm)
			case d.Lang == lang.RU && lang.ScriptOf(tt[i].Norm) == lang.Cyrillic:
				ok = ok && russianInflection(tt[i].Norm, toks[i].Norm)
			}
		}
		if ok {
			out = append(out, h)
		}
	}
	return out
}

// russianInflection reports whether word can be a case form of term: not
// a reflexive verb form unless the term is one, and no more than three
// letters beyond what the two share.
func russianInflection(term, word string) bool {
	refl := func(s string) bool { return strings.HasSuffix(s, "ся") || strings.HasSuffix(s, "сь") }
	if refl(word) && !refl(term) {
		return false
	}
	t, w := []rune(term), []rune(word)
	n := 0
	for n < len(t) && n < len(w) && t[n] == w[n] {
		n++
	}
	return len(w)-n <= 3 && len(t)-n <= 3
}

// englishInflection reports whether word is term or its plural or
// possessive (sanction, sanctions; policy, policies; Russia's).
func englishInflection(term, word string) bool {
	word = strings.TrimSuffix(strings.TrimSuffix(word, "'s"), "'")
	switch {
	case word == term, word == term+"s", word == term+"es":
		return true
	case strings.HasSuffix(term, "y") && word == term[:len(term)-1]+"ies":
		return true
	case strings.HasSuffix(term, "s") && word+"s" == term:
		return true // a plural term met in the singular
	}
	return false
}
