package check

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
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

// ErrWrongLanguage is returned (wrapped) when a document's text is in the
// other language than its name or --source-lang says: a "translation" in
// the source language, or the files given the wrong way round.
var ErrWrongLanguage = errors.New("the text is not in the language expected")

// wrongLanguageError says which file is in which language; it is
// [ErrWrongLanguage].
type wrongLanguageError struct {
	path      string
	got, want lang.Lang
}

func (e *wrongLanguageError) Error() string {
	return fmt.Sprintf("%s: the text is in %s, not %s; check the file order or --source-lang", e.path, e.got.Name(), e.want.Name())
}

func (e *wrongLanguageError) Is(target error) bool { return target == ErrWrongLanguage }

// ErrEmpty is returned (wrapped) when a document has no text to check.
var ErrEmpty = errors.New("no text to check")

// Checker checks document pairs. It is safe for concurrent use: the
// glossary matchers are built once and only read afterwards.
type Checker struct {
	opts  Options
	rules []Rule

	once                 sync.Once
	ruMatcher, enMatcher *glossary.Matcher // of the whole glossary, see Prepare

	// conceptStates caches Checker.statesIn: the states of the glossary
	// (statesDomain) named in the terms of other concepts.
	conceptStates sync.Map // *glossary.Concept → map[string]bool
	byIDOnce      sync.Once
	byID          map[string]*glossary.Concept // see Checker.concept

	// termToks memoises lang.Analyze of glossary term texts (see
	// Checker.termTokens): against a general dictionary the rules
	// analysed the same few thousand terms once per hit, hundreds of
	// thousands of times a check.
	termToks memo[string, []lang.Token]
	// nestPats memoises nestPatterns: a concept's patterns depend on the
	// glossary and the target language only.
	nestPats memo[conceptLang, [][]nestElem]
}

// conceptLang is a concept in a language, a memo key.
type conceptLang struct {
	concept *glossary.Concept
	lang    lang.Lang
}

// termTokens returns lang.Analyze(text) for the text of a glossary term,
// analysed once per checker. The tokens are shared: callers must not
// change them.
func (c *Checker) termTokens(text string) []lang.Token {
	return c.termToks.get(text, func() []lang.Token { return lang.Analyze(text) })
}

// termTokens returns the tokens of a glossary term's text (see
// Checker.termTokens); shared, not to be changed.
func (p *Pair) termTokens(text string) []lang.Token {
	if p.checker == nil {
		return lang.Analyze(text)
	}
	return p.checker.termTokens(text)
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

// matchers returns the glossary matchers, built once (see Prepare).
func (c *Checker) matchers() (ru, en termMatcher) {
	if c.opts.Glossary == nil {
		return noTerms{}, noTerms{}
	}
	c.Prepare()
	return wrapMatcher(c.ruMatcher), wrapMatcher(c.enMatcher)
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
	// Renderings are the usable target terms the target uses for the
	// source's concepts, for comparing many pairs.
	Renderings []Rendering
}

// CheckFiles reads SOURCE and TARGET (see [ReadPair]) and checks them.
func (c *Checker) CheckFiles(ctx context.Context, source, target string) (*Result, error) {
	// Index the glossary while the files are read and decoded.
	warm := make(chan struct{})
	go func() {
		c.Prepare()
		close(warm)
	}()
	defer func() { <-warm }()
	src, tgt, err := ReadPair(source, target, c.opts.Encoding, c.opts.SourceLang)
	if err != nil {
		return nil, err
	}
	res, err := c.Check(ctx, src, tgt)
	// The documents are this call's own, and their tokens are not needed
	// by reports: a --pairs run keeps every result until it prints.
	src.dropTokens()
	tgt.dropTokens()
	return res, err
}

// Prepare does the work on the glossary that every check needs (its
// terms analysed into a matcher per language), so that it can be done
// ahead, for instance while the documents are read. Check calls it when
// it has not been called.
//
// The matchers cover the whole glossary, however large: a general
// dictionary's, analysed once, are read back from a [GlossaryCache] in
// milliseconds and recognise terms at a look-up per word, where
// narrowing the glossary to the concepts of each pair meant analysing
// their terms again for every check.
func (c *Checker) Prepare() {
	if c.opts.Glossary != nil {
		c.once.Do(func() {
			// The two languages' matchers are independent: side by side.
			done := make(chan struct{})
			go func() {
				c.ruMatcher = glossary.NewMatcher(c.opts.Glossary, string(lang.RU))
				close(done)
			}()
			c.enMatcher = glossary.NewMatcher(c.opts.Glossary, string(lang.EN))
			<-done
		})
	}
}

// ReadPair reads a source and its translation with [ReadDocument] and
// settles their languages: the source's from sourceLang, else its file
// name, else its script; the target's is the other one when sourceLang
// is given, else its own file name's (so that two files named alike are
// reported as such), else the other one. Both documents are tokenised.
func ReadPair(source, target, encoding string, sourceLang lang.Lang) (src, tgt *Document, err error) {
	src, err = ReadDocument(source, encoding, sourceLang)
	if err != nil {
		return nil, nil, err
	}
	tgt, err = ReadDocument(target, encoding, targetLang(target, src.Lang, sourceLang))
	if err != nil {
		return nil, nil, err
	}
	analyzeBoth(src, tgt)
	return src, tgt, nil
}

// ParsePair is [ReadPair] for two documents in memory (uploads): names
// choose formats and may tell languages, as file names do.
func ParsePair(srcName string, srcData []byte, tgtName string, tgtData []byte, encoding string, sourceLang lang.Lang) (src, tgt *Document, err error) {
	src, err = ParseDocument(srcName, srcData, encoding, sourceLang)
	if err != nil {
		return nil, nil, err
	}
	tgt, err = ParseDocument(tgtName, tgtData, encoding, targetLang(tgtName, src.Lang, sourceLang))
	if err != nil {
		return nil, nil, err
	}
	return src, tgt, nil
}

// PairLangs settles the languages of an article pair by the rule of
// [ReadPair], for callers that read the texts themselves (align, the
// server): the source's from forced, else its file name, else its
// script; the target's is the other one when forced is given, else its
// own file name's, else the other one. Either may come out "" when
// nothing tells.
func PairLangs(srcPath, srcText, tgtPath string, forced lang.Lang) (src, tgt lang.Lang) {
	src = forced
	if src == "" {
		src = LangOf(srcPath, srcText)
	}
	return src, targetLang(tgtPath, src, forced)
}

// targetLang is the target's language by the rule of [ReadPair].
func targetLang(target string, src, forced lang.Lang) lang.Lang {
	if l := other(forced); l != "" {
		return l
	}
	if l := langOfName(target); l != "" {
		return l
	}
	return other(src)
}

// CheckBilingual reads a bilingual XLIFF file and checks its units. The
// languages the file declares are used; Options.SourceLang (then the
// script of the text) only fills in a side it does not declare, and a
// declared language other than Russian or English is an error.
func (c *Checker) CheckBilingual(ctx context.Context, path string) (*Result, error) {
	src, tgt, err := ReadBilingual(path, c.opts.Encoding)
	if err != nil {
		return nil, err
	}
	return c.CheckBilingualDocuments(ctx, src, tgt)
}

// CheckBilingualDocuments checks the two documents of a bilingual file
// read with [ReadBilingual] or [ParseBilingual], settling the languages
// the file leaves out as [Checker.CheckBilingual] does.
func (c *Checker) CheckBilingualDocuments(ctx context.Context, src, tgt *Document) (*Result, error) {
	// The file's declared languages win; --source-lang and then the
	// script only fill in what it leaves out.
	switch {
	case src.Lang == "" && tgt.Lang != "":
		src.Lang = other(tgt.Lang)
	case src.Lang == "" && c.opts.SourceLang != "":
		src.Lang = c.opts.SourceLang
	case src.Lang == "":
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

// Check aligns two documents and runs the rules over them. It does not
// change them: any number of checks may share a document at once.
func (c *Checker) Check(ctx context.Context, src, tgt *Document) (*Result, error) {
	if err := validatePair(src, tgt); err != nil {
		return nil, err
	}
	p := &Pair{Source: src, Target: tgt, Glossary: c.opts.Glossary, checker: c}
	analyzeBoth(src, tgt)
	c.findTerms(p)
	if err := c.alignPair(p); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.index()
	p.assignUnits()
	p.SourceTerms = inContext(p, p.SourceTerms)
	res := &Result{Source: src, Target: tgt, Units: p.Units, Terms: len(p.SourceTerms), Renderings: p.renderings()}
	for _, u := range p.Units {
		res.Segments += len(u.Source)
	}
	// The rules only read the pair, so they run side by side; what they
	// share lazily is computed first.
	p.strays()
	rules := c.enabled()
	found := make([][]Finding, len(rules))
	var wg sync.WaitGroup
	for i, r := range rules {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[i] = r.Check(p)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := 0
	for _, rf := range found {
		n += len(rf)
	}
	var fs []Finding // nil when there are none, as before
	if n > 0 {
		fs = make([]Finding, 0, n) // thousands against a general dictionary, each large
	}
	for i, rf := range found {
		for _, f := range rf {
			if s, ok := c.opts.Severities[f.Rule]; ok {
				// A finding the rule itself rated below its default (a
				// metonym for a state's name: info) stays below the
				// configured severity.
				if f.Severity < rules[i].DefaultSeverity() {
					s = min(s, f.Severity)
				}
				f.Severity = s
			}
			if f.Related == nil {
				f.Related = []Location{}
			}
			fs = append(fs, f)
		}
	}
	kept := fs[:0]
	for i := range fs {
		if c.suppressed(&fs[i], src, tgt) {
			res.Suppressed++
			continue
		}
		kept = append(kept, fs[i])
	}
	SortFindings(kept)
	setFingerprints(kept)
	res.Findings = kept
	return res, nil
}

// analyzeBoth tokenises the two documents side by side (the analyses
// are independent), unless that was done already (ReadPair does it).
func analyzeBoth(src, tgt *Document) {
	done := make(chan struct{})
	go func() {
		tgt.Tokens()
		close(done)
	}()
	src.Tokens()
	<-done
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
	// A text in neither script (Japanese, Greek, Arabic) is no
	// Russian or English whatever the flags or the file name say.
	for _, d := range []*Document{src, tgt} {
		if lang.ScriptOf(d.Text) == lang.OtherScript {
			side := "source"
			if d == tgt {
				side = "target"
			}
			return fmt.Errorf("%s: the %s text is in neither Cyrillic nor Latin letters: tolmach checks Russian–English", d.Path, side)
		}
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
			return &wrongLanguageError{path: d.Path, got: got, want: d.Lang}
		}
	}
	return nil
}

// sentenceConcepts maps the text of each sentence to the ids ("g:ID") of
// the glossary concepts found in it (in all the sentences written so),
// each once, in the order they first occur: the aligner takes anchors as
// a set, and a text that repeats its sentences would otherwise hand it
// every id as many times over.
func sentenceConcepts(ss []align.Sentence, hs []TermHit) map[string][]string {
	out := make(map[string][]string, len(ss))
	// Each distinct id is numbered (num, by concept: two concepts may
	// share an id), and stamped with the sentence that last took it, so
	// that a sentence's ids are told apart without searching its list:
	// against a general dictionary a sentence has a hundred.
	num := map[*glossary.Concept]int32{}
	byID := map[string]int32{}
	var ids []string  // by number, "g:ID"
	var stamp []int32 // by number, the sentence that last took the id, +1
	seen := make(map[string]bool, len(ss))
	k := 0
	for si, s := range ss {
		for k < len(hs) && hs[k].Start < s.Start {
			k++
		}
		list := out[s.Text]
		// A text met before (a repeated sentence) may hold ids its
		// earlier sentence took: those are searched for.
		repeated := seen[s.Text]
		seen[s.Text] = true
		for j := k; j < len(hs) && hs[j].Start < s.End; j++ {
			c := hs[j].Concept
			n, ok := num[c]
			if !ok {
				if n, ok = byID[c.ID]; !ok {
					n = int32(len(ids))
					byID[c.ID] = n
					ids = append(ids, "g:"+c.ID)
					stamp = append(stamp, 0)
				}
				num[c] = n
			}
			if stamp[n] == int32(si+1) || repeated && slices.Contains(list, ids[n]) {
				continue
			}
			stamp[n] = int32(si + 1)
			list = append(list, ids[n])
		}
		out[s.Text] = list
	}
	return out
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
			// A target of numbers or placeholders only ("1" for "1")
			// is a target: only an empty one is missing.
			if pu.TgtEnd > pu.TgtStart && strings.TrimSpace(p.Target.Text[pu.TgtStart:pu.TgtEnd]) != "" {
				u.Target = []Span{{pu.TgtStart, pu.TgtEnd}}
			}
			p.Units = append(p.Units, u)
		}
		return nil
	}
	// Glossary concepts anchor the alignment. The terms are found once
	// over each whole text (findTerms ran before) and handed to the
	// aligner sentence by sentence, rather than matched again per sentence.
	srcSents, tgtSents := align.Segment(p.Source.Text), align.Segment(p.Target.Text)
	// The texts were analysed whole already: each sentence gets its slice
	// of the tokens rather than being analysed again by the aligner.
	for _, x := range []struct {
		ss   []align.Sentence
		toks []lang.Token
	}{{srcSents, p.SourceTokens()}, {tgtSents, p.TargetTokens()}} {
		for i := range x.ss {
			x.ss[i].Tokens = tokensIn(x.toks, Span{x.ss[i].Start, x.ss[i].End})
		}
	}
	ids := map[lang.Lang]map[string][]string{
		p.Source.Lang: sentenceConcepts(srcSents, p.SourceTerms),
		p.Target.Lang: sentenceConcepts(tgtSents, p.TargetAllTerms),
	}
	// The anchorer only reads ids, so it may run on all CPUs with the
	// aligner's own.
	anchors := align.AnchorFunc(func(text string, l lang.Lang) []string { return ids[l][text] })
	a := &align.Alignment{SourceLang: p.Source.Lang, TargetLang: p.Target.Lang, Source: srcSents, Target: tgtSents}
	a.Pairs = alignChunked(srcSents, tgtSents, align.Options{
		SourceLang: p.Source.Lang, TargetLang: p.Target.Lang, Anchorers: []align.Anchorer{anchors}, ConcurrentAnchorers: true,
	})
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
	ru, en := c.matchers()
	sm, tm := ru, en
	if p.Source.Lang == lang.EN {
		sm, tm = en, ru
	}
	p.targetMatcher = tm
	done := make(chan struct{})
	go func() {
		longest, all := sm.findBothTokens(p.SourceTokens())
		p.SourceTerms = strictInflection(p, p.Source, p.SourceTokens(), longest)
		p.SourceAllTerms = all
		close(done)
	}()
	longest, all := tm.findBothTokens(p.TargetTokens())
	p.TargetTerms = strictInflection(p, p.Target, p.TargetTokens(), longest)
	p.TargetAllTerms = all
	<-done
}

// assignUnits records the unit of every term occurrence and drops those
// that run from one sentence into the next: the words are matched over
// the whole text, so «…со всей страны. (Член собрания…» would otherwise
// read as the term «страна-член», and its unit would not hold its end.
func (p *Pair) assignUnits() {
	p.SourceTerms = inSentences(p.SourceTerms, p.srcUnitOf)
	p.SourceAllTerms = inSentences(p.SourceAllTerms, p.srcUnitOf)
	p.TargetTerms = inSentences(p.TargetTerms, p.tgtUnitOf)
	p.TargetAllTerms = inSentences(p.TargetAllTerms, p.tgtUnitOf)
}

// inSentences sets the unit of every hit of hs from the sentence spans
// (sorted by start) and returns the hits that end before the next
// sentence begins. It copies hs only when it drops one, so a list shared
// with another holder is never cut short under it.
func inSentences(hs []TermHit, spans []unitSpan) []TermHit {
	var kept []TermHit
	for i := range hs {
		h := &hs[i]
		k := sort.Search(len(spans), func(k int) bool { return spans[k].Start > h.Start }) - 1
		h.Unit = -1
		if k >= 0 {
			h.Unit = spans[k].unit
		}
		across := k+1 < len(spans) && spans[k+1].Start < h.End
		if across && kept == nil {
			kept = append(make([]TermHit, 0, len(hs)-1), hs[:i]...)
		}
		if kept != nil && !across {
			kept = append(kept, *h)
		}
	}
	if kept == nil {
		return hs
	}
	return kept
}

// strictInflection drops the matches of one-word terms whose word in the
// text is not an inflected form of the term: stemmers conflate
// derivations ("president" and "presidency", "signed" and "signing",
// «договорились» and «договор»), which is right for search and wrong
// for a checker that must not report what is not there. In English,
// inflection here is a plural or a possessive; in Russian, a case ending
// of at most three letters that is not a reflexive verb's.
func strictInflection(p *Pair, d *Document, toks []lang.Token, hs []TermHit) []TermHit {
	out := hs[:0]
	for _, h := range hs {
		tt := p.termTokens(h.Term.Text)
		ws := tokensIn(toks, Span{h.Start, h.End})
		if len(tt) != len(ws) || len(tt) == 0 {
			out = append(out, h)
			continue
		}
		keep := true
		for i := range tt {
			if tt[i].Kind != lang.Word || ws[i].Kind != lang.Word {
				continue
			}
			switch {
			case d.Lang == lang.EN && len(tt) == 1:
				keep = englishInflection(tt[0].Norm, ws[0].Norm)
			case d.Lang == lang.RU && lang.ScriptOf(tt[i].Norm) == lang.Cyrillic:
				keep = keep && russianInflection(tt[i].Norm, ws[i].Norm)
			}
		}
		if keep {
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

// inContext drops the source matches of concepts that declare a context
// (glossary.Concept.Context) when no word of it occurs in the match's
// unit: «договор» of a publishing house with a poet is no treaty, "the
// identity of the player" no nation's identity. Context entries match by
// their words' keys, in order, anywhere in the unit's source sentences.
func inContext(p *Pair, hs []TermHit) []TermHit {
	var keysOf map[*glossary.Concept][][]string
	out := hs[:0]
	for _, h := range hs {
		if h.Concept.Context == "" || h.Unit < 0 {
			out = append(out, h)
			continue
		}
		if keysOf == nil {
			keysOf = map[*glossary.Concept][][]string{}
		}
		entries, ok := keysOf[h.Concept]
		if !ok {
			for _, w := range h.Concept.ContextWords() {
				var keys []string
				for _, t := range lang.Analyze(w) {
					if t.Kind == lang.Word || t.Kind == lang.Number {
						keys = append(keys, t.Key)
					}
				}
				if len(keys) > 0 {
					entries = append(entries, keys)
				}
			}
			keysOf[h.Concept] = entries
		}
		ss, ok := p.Units[h.Unit].SourceSpan()
		if ok && containsKeys(tokensIn(p.SourceTokens(), ss), entries) {
			out = append(out, h)
		}
	}
	return out
}

// containsKeys reports whether one of the key sequences occurs in toks
// (a hyphenated word's parts count as words).
func containsKeys(toks []lang.Token, entries [][]string) bool {
	var keys []string
	for _, t := range toks {
		if t.Kind != lang.Word && t.Kind != lang.Number {
			continue
		}
		keys = append(keys, t.Key)
		for _, part := range t.Parts {
			keys = append(keys, part.Key)
		}
	}
	for _, e := range entries {
	next:
		for i := 0; i+len(e) <= len(keys); i++ {
			for k := range e {
				if keys[i+k] != e[k] {
					continue next
				}
			}
			return true
		}
	}
	return false
}
