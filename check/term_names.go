package check

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// Names that hold a term, and terms of another country's body: where a
// glossary term found in the source is not the concept at all, so that
// term-missing has nothing to report.

// nameRun returns the tokens of the multi-word name around source hit h:
// the hit's own tokens and the capitalised words and figures joined to it
// by single spaces on either side ("US Air", "Macquarie Australia",
// «Вечерняя Москва», «Россия 1»). It returns nil when nothing joins the
// hit, or when the hit starts a sentence with nothing before it (a
// capitalised word there may be any word).
func nameRun(p *Pair, h TermHit) []lang.Token {
	toks := p.SourceTokens()
	first := sort.Search(len(toks), func(i int) bool { return toks[i].End > h.Start })
	last := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.End }) - 1
	if first >= len(toks) || last < first || toks[first].Start < h.Start || toks[last].End > h.End {
		return nil // the match starts or ends inside a word
	}
	joined := func(a, b lang.Token) bool {
		gap := p.Source.Text[a.End:b.Start]
		return gap == " " || gap == "\u00a0"
	}
	part := func(t lang.Token) bool {
		if t.Kind == lang.Number {
			return allASCIIDigits(t.Text)
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		return t.Kind == lang.Word && unicode.IsUpper(r)
	}
	lo, hi := first, last
	for lo > 0 && joined(toks[lo-1], toks[lo]) && part(toks[lo-1]) && toks[lo-1].Kind == lang.Word {
		lo--
	}
	for hi+1 < len(toks) && joined(toks[hi], toks[hi+1]) && part(toks[hi+1]) {
		hi++
	}
	if lo == first && hi == last {
		return nil
	}
	return toks[lo : hi+1]
}

func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// nameKept reports whether source term h is part of a longer name that
// the target keeps as a name — written as in the source ("US Air",
// "Macquarie Australia" in a Russian text) or transliterated word by word
// («Вечерняя Москва» as "Vechernyaya Moskva", «Россия 1» as "Rossiya 1"):
// an airline, a newspaper, a TV channel, a firm, whose name holds a
// country or a city but is not one. Every word of the name must be found
// in the target segment so, figures as written.
func nameKept(p *Pair, h TermHit) bool {
	run := nameRun(p, h)
	if run == nil {
		return false
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return false
	}
	tgt := tokensIn(p.TargetTokens(), ts)
	if strings.Contains(p.Target.Text[ts.Start:ts.End], p.Source.Text[run[0].Start:run[len(run)-1].End]) {
		return true // kept as written
	}
	for _, w := range run {
		found := false
		for _, t := range tgt {
			if w.Kind == lang.Number {
				found = t.Text == w.Text
			} else {
				found = t.Kind == lang.Word && isName(t) && lang.ScriptOf(t.Text) != lang.ScriptOf(w.Text) && p.sameName(w.Text, t.Text)
			}
			// A name of several words may be written as one hyphenated
			// word: "New Mexico" is «Нью-Мексико», «Россия 24» "Rossiya-24".
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
				for _, part := range t.Parts {
					if w.Kind == lang.Number {
						found = found || part.Text == w.Text
					} else {
						found = found || lang.ScriptOf(part.Text) != lang.ScriptOf(w.Text) && p.sameName(w.Text, part.Text)
					}
				}
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// capsAbbreviation reports whether source term h is a case-sensitive
// abbreviation found in a stretch written in capitals ("UNTIL THEY ARRIVE
// TO US"), where its capitals tell nothing: "US" there is as likely the
// pronoun as the country; or the prefix of a currency's sign (AU$ is the
// Australian dollar, not the African Union).
func capsAbbreviation(p *Pair, h TermHit) bool {
	if !h.Term.CaseSensitive {
		return false
	}
	if strings.HasPrefix(p.Source.Text[h.End:], "$") {
		return true // a currency: AU$, US$, HK$
	}
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start })
	var before, after int // capitalised words of two letters or more next to the term
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if capsWord(toks[k]) {
			before++
		}
	}
	j := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.End })
	for k := j; k < len(toks) && k < j+3; k++ {
		if capsWord(toks[k]) {
			after++
		}
	}
	return before+after >= 3 && before > 0
}

func capsWord(t lang.Token) bool {
	return t.Kind == lang.Word && t.Upper() && utf8.RuneCountInString(t.Text) >= 2
}

// statesDomain is the domain of the built-in glossary's countries and
// regions.
const statesDomain = "states and regions"

// otherStatesBody reports whether source term h names a body of one state
// by a short form without the state («Администрация президента» of the
// Russian Federation) and the source follows it with the name of another
// state: «Администрация президента США» is the US administration, not the
// concept.
func otherStatesBody(p *Pair, h TermHit) bool {
	if h.Concept.Domain == statesDomain {
		return false
	}
	// The state right after the term.
	i := sort.Search(len(p.SourceTerms), func(i int) bool { return p.SourceTerms[i].Start >= h.End })
	if i >= len(p.SourceTerms) {
		return false
	}
	next := p.SourceTerms[i]
	if next.Concept.Domain != statesDomain || strings.TrimSpace(p.Source.Text[h.End:next.Start]) != "" {
		return false
	}
	if p.checker == nil {
		return false
	}
	states := p.checker.statesIn(h.Concept)
	return len(states) > 0 && !states[next.Concept.ID]
}

// statesIn returns the states (concepts of statesDomain) named inside the
// terms of concept c, in Russian or English: a concept with a state in its
// full name («Администрация Президента Российской Федерации») is that
// state's body. Worked out once per concept and checker; a nil concept
// returns nil.
//
// The states are found by the whole glossary's matchers (see Prepare),
// keeping the matches of statesDomain only: FindAll returns every match
// of every concept, nested and overlapping ones included, and a concept's
// matches do not depend on the other concepts, so these are the matches a
// matcher of the states alone would find, without building one in every
// process (the whole glossary's come ready-built from the cache).
func (c *Checker) statesIn(concept *glossary.Concept) map[string]bool {
	if concept == nil || c.opts.Glossary == nil {
		return nil
	}
	if v, ok := c.conceptStates.Load(concept); ok {
		return v.(map[string]bool)
	}
	out := map[string]bool{}
	for _, t := range concept.Terms {
		var m *glossary.Matcher
		switch lang.Lang(t.Lang) {
		case lang.RU, lang.EN:
			m = c.stateMatcher(lang.Lang(t.Lang))
		default:
			continue
		}
		for _, x := range m.FindAll(t.Text) {
			if x.Concept != concept && x.Concept.Domain == statesDomain {
				out[x.Concept.ID] = true
			}
		}
	}
	c.conceptStates.Store(concept, out)
	return out
}

// placeNouns are the Russian nouns that make a name after them the name of
// another place or thing: «округ Колумбия» is the District of Columbia,
// «улица Грузинская»… a street, «отель „Украина“» a hotel, not the
// country.
var placeNouns = keySet("округ", "штат", "провинция", "графство", "улица", "проспект", "площадь", "переулок",
	"бульвар", "шоссе", "набережная", "станция", "гостиница", "отель", "кинотеатр", "стадион", "теплоход",
	"судно", "ледокол", "крейсер", "фрегат", "авианосец", "телеканал", "радиостанция", "газета", "журнал")

func keySet(words ...string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		for _, k := range lang.Keys(w) {
			out[k] = true
		}
	}
	return out
}

// placeOfName reports whether a one-word Russian name found in the source
// follows a noun of placeNouns in apposition (see there).
func placeOfName(p *Pair, h TermHit) bool {
	if p.Source.Lang != lang.RU || len(p.termTokens(h.Term.Text)) != 1 {
		return false
	}
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start })
	if i == 0 || i >= len(toks) || toks[i].Start != h.Start {
		return false
	}
	prev := toks[i-1]
	gap := strings.TrimSpace(p.Source.Text[prev.End:h.Start])
	return prev.Kind == lang.Word && placeNouns[prev.Key] && (gap == "" || gap == "«" || gap == "\"")
}

// insideCompound reports whether source term h starts after a hyphen
// inside a word whose first part is no term: «Вест-Индия» is the West
// Indies, not India; «Юго-Восточная Европа» is South-East Europe, not
// Eastern Europe; «Австро-Венгрия» is no Hungary. (A compound of two
// terms, «Россия-НАТО», keeps both.)
func insideCompound(p *Pair, h TermHit) bool {
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > h.Start })
	if i >= len(toks) || toks[i].Start >= h.Start {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(p.Source.Text[:h.Start])
	if r != '-' && r != '‑' {
		return false
	}
	for _, o := range p.SourceAllTerms {
		if o.Start == toks[i].Start && o.End < h.Start {
			return false
		}
	}
	return true
}

// namedByAbbreviation reports whether source term h is inside the name of
// a body that the source gives with its abbreviation in brackets and the
// target writes by that abbreviation: «Комиссии по телевидению,
// радиовещанию и телекоммуникациям Канады (CRTC)» as "CRTC",
// «Международного агентства по возобновляемым источникам энергии (IRENA)»
// — the name is rendered, and a term inside it («Канада», «источники
// энергии») is a word of the name. The name must begin with a capital
// before the term, and nothing between the term and the bracket may end a
// clause.
func namedByAbbreviation(p *Pair, h TermHit) bool {
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.End })
	abbr := ""
	for k := i; k < len(toks) && k < i+12; k++ {
		gap := p.Source.Text[toks[k-1].End:toks[k].Start]
		if strings.ContainsAny(gap, ".;:!?)»\"") {
			return false
		}
		if strings.HasSuffix(strings.TrimSpace(gap), "(") {
			if isAcronym(toks[k]) && strings.HasPrefix(p.Source.Text[toks[k].End:], ")") {
				abbr = toks[k].Text
			}
			break
		}
	}
	if abbr == "" {
		return false
	}
	// A capitalised word starts the name, within a few words before the
	// term.
	first := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start })
	named := false
	for k := first - 1; k >= 0 && k > first-8; k-- {
		if strings.ContainsAny(p.Source.Text[toks[k].End:toks[k+1].Start], ".;:!?(«\"") {
			break
		}
		if r, _ := utf8.DecodeRuneInString(toks[k].Text); unicode.IsUpper(r) && toks[k].Kind == lang.Word {
			named = true
			break
		}
	}
	if !named {
		return false
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return false
	}
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		if t.Text == abbr {
			return true
		}
	}
	return false
}

// acronymFunctionWords are left out of an acronym: "Biomedical Advanced
// Research and Development Authority" is BARDA.
var acronymFunctionWords = map[string]bool{
	"and": true, "of": true, "the": true, "for": true, "on": true, "in": true, "to": true,
	"и": true, "по": true, "в": true, "на": true, "для": true, "о": true, "при": true,
}

// acronymRendered reports whether the target of the unit of source term h
// writes one of the expected terms, or the source term, by its initials —
// an acronym the glossary does not list: «Федеральная антимонопольная
// служба» as FAS, the Biomedical Advanced Research and Development
// Authority as BARDA in a Russian text; the initials as written or
// transliterated letter by letter (ФАС, FAS). A state's own abbreviation
// may open the acronym of a body's name (USAF for «ВВС США»).
func acronymRendered(p *Pair, h TermHit, expected []string) bool {
	var initials []string
	for _, e := range append([]string{h.Term.Text}, expected...) {
		var b strings.Builder
		n := 0
		for _, t := range p.termTokens(e) {
			if t.Kind != lang.Word || acronymFunctionWords[t.Norm] {
				continue
			}
			r, _ := utf8.DecodeRuneInString(t.Text)
			b.WriteRune(unicode.ToUpper(r))
			n++
		}
		if n >= 2 {
			initials = append(initials, b.String())
		}
	}
	if len(initials) == 0 {
		return false
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return false
	}
	// A state's abbreviation opening an acronym of the target: «ВВС США»
	// as USAF, «Агентство США по международному развитию» as USAID.
	var stateAbbr []string
	if h.Concept.Domain == statesDomain {
		for _, e := range expected {
			if et := p.termTokens(e); len(et) == 1 && isAcronym(et[0]) {
				stateAbbr = append(stateAbbr, et[0].Text)
			}
		}
	}
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		if !isAcronym(t) {
			continue
		}
		for _, a := range stateAbbr {
			if len(t.Text) > len(a) && strings.HasPrefix(t.Text, a) {
				return true
			}
		}
		for _, a := range initials {
			// As written, or transliterated letter by letter (ФАС, FAS).
			if t.Text == a || isTranslitAcronym(lang.Token{Norm: lang.Fold(a)}, t) {
				return true
			}
		}
	}
	return false
}

// quotedTitle returns the quoted title around source term h, or "": a
// term inside the name of a book, a film, a programme, a newspaper or an
// operation in quotation marks («Война и мир России», "Russia Today
// Weekly") is a word of the title, which a translation renders its own
// way, not a use of the term. A title is short (at most eight words),
// begins with a capital and holds no sentence (no stop inside: direct
// speech is no title).
func quotedTitle(p *Pair, h TermHit) string {
	src := p.Source.Text
	ss, ok := p.Units[h.Unit].SourceSpan()
	if !ok || h.Start < ss.Start || h.End > ss.End {
		return ""
	}
	open := strings.LastIndexAny(src[ss.Start:h.Start], "«“\"„")
	if open < 0 {
		return ""
	}
	open += ss.Start
	_, size := utf8.DecodeRuneInString(src[open:])
	rel := strings.IndexAny(src[h.End:ss.End], "»”\"“")
	if rel < 0 {
		return ""
	}
	end := h.End + rel
	inner := src[open+size : end]
	if strings.ContainsAny(src[open+size:h.Start], "»”") || strings.ContainsAny(inner, ".!?;:") {
		return ""
	}
	words := 0
	for _, t := range lang.Analyze(inner) {
		if t.Kind == lang.Word {
			words++
		}
	}
	first, _ := utf8.DecodeRuneInString(inner)
	if words < 2 || words > 8 || !unicode.IsUpper(first) || open+size == h.Start && end == h.End {
		return "" // the term alone in quotes is transliteratedName's
	}
	_, csize := utf8.DecodeRuneInString(src[end:])
	// Direct speech: after a colon, or before «, —» / ", he said".
	before := strings.TrimSpace(src[ss.Start:open])
	after := strings.TrimSpace(src[end+csize : ss.End])
	if strings.HasSuffix(before, ":") || strings.HasPrefix(after, ",") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "–") {
		return ""
	}
	return src[open : end+csize]
}

// englishVerbUse reports whether a one-word English source term in -s (a
// plural noun: "talks", "sanctions") is the verb of the same spelling
// here: after a subject pronoun ("he talks", "everyone talks") or before
// "to me", "with him" ("smiles at me, talks to me"). The noun's diplomatic
// sense does not arise.
func englishVerbUse(p *Pair, h TermHit) bool {
	if p.Source.Lang != lang.EN || !strings.HasSuffix(h.Term.Text, "s") || strings.ContainsAny(h.Term.Text, " -") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(h.Term.Text); !unicode.IsLower(r) {
		return false
	}
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start })
	if i >= len(toks) || toks[i].Start != h.Start {
		return false
	}
	if i > 0 && subjectPronouns[toks[i-1].Norm] && !strings.ContainsAny(p.Source.Text[toks[i-1].End:toks[i].Start], ".!?;:,") {
		return true
	}
	return i+2 < len(toks) && (toks[i+1].Norm == "to" || toks[i+1].Norm == "with") && objectPronouns[toks[i+2].Norm]
}

var subjectPronouns = map[string]bool{
	"he": true, "she": true, "it": true, "who": true, "everyone": true, "everybody": true, "someone": true,
	"somebody": true, "nobody": true, "anyone": true, "anybody": true, "one": true,
}

var objectPronouns = map[string]bool{
	"me": true, "him": true, "her": true, "us": true, "them": true, "you": true, "myself": true,
	"himself": true, "herself": true, "themselves": true, "people": true,
}
