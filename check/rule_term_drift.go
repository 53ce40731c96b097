package check

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
	"tolmach/tm/align"
)

// termDrift reports a name or an acronym with no glossary entry that one
// target text renders two different ways: «Цзиньпин» as "Jinping" in one
// place and "Jinpin" in another, «ОДКБ» as "CSTO" and then "OCST".
//
// A rendering is only read where the evidence is clear: for a name, the
// target word of the aligned segment that is a spelling of the source
// name (tm/align.SameName); for an acronym, the one acronym of an aligned
// segment pair that has one on each side. Spellings that differ only by
// an ending (Lavrov, Lavrova; Russia's) are the same rendering, and the
// odd rendering must be close to the usual one (a misspelling, a
// transliteration) to be reported.
type termDrift struct{}

func (termDrift) Name() string { return "term-drift" }
func (termDrift) Description() string {
	return "A name, acronym or recurring phrase with no glossary entry is rendered two different ways in one target text."
}
func (termDrift) DefaultSeverity() Severity { return Warning }

// driftOcc is one rendering of a source name in the target.
type driftOcc struct {
	unit     int
	src, tgt lang.Token
	key      string // the rendering's comparison form
}

func (r termDrift) Check(p *Pair) []Finding {
	srcCovered := coveredBy(p.SourceTerms)
	tgtCovered := coveredBy(p.TargetAllTerms)
	srcToks, tgtToks := p.SourceTokens(), p.TargetTokens()
	initial := sentenceInitial(p, srcToks)
	// A capitalised word at a sentence start is a name when the same word
	// is capitalised inside a sentence elsewhere.
	// But not when the word also occurs in small letters ("Sign out" at
	// a sentence start, "tap Sign out", "signing back in"): a common word
	// capitalised by its place or as a label.
	nameKeys := map[string]bool{}
	lowerKeys := map[string]bool{}
	for _, t := range srcToks {
		if isName(t) && !initial[t.Start] {
			nameKeys[nameKey(t)] = true
		}
		if r, _ := utf8.DecodeRuneInString(t.Text); t.Kind == lang.Word && unicode.IsLower(r) {
			lowerKeys[t.Key] = true
		}
	}

	names := map[string][]driftOcc{}  // source name key → renderings
	unread := map[string][]driftOcc{} // source name key → units with no rendering found
	acrs := map[string][]driftOcc{}   // source acronym → renderings
	var order []string
	for ui := range p.Units {
		u := &p.Units[ui]
		ss, ok1 := u.SourceSpan()
		ts, ok2 := u.TargetSpan()
		if !ok1 || !ok2 {
			continue
		}
		sToks, tToks := tokensIn(srcToks, ss), tokensIn(tgtToks, ts)
		var srcAcr, tgtAcr []lang.Token
		for _, t := range tToks {
			if isAcronym(t) && !covered(tgtCovered, t) {
				tgtAcr = append(tgtAcr, t)
			}
		}
		seen := map[string]bool{}
		for _, s := range sToks {
			if covered(srcCovered, s) {
				continue
			}
			switch {
			case isAcronym(s):
				srcAcr = append(srcAcr, s)
			case isName(s) && (!initial[s.Start] || nameKeys[nameKey(s)] && !lowerKeys[s.Key]) && lang.ScriptOf(s.Text) == scriptOfLang(p.Source.Lang):
				// (A name in the target's script, SARS-CoV-2 in a Russian
				// text, is kept as written: nothing to render.)
				k := "n:" + nameKey(s)
				if seen[k] {
					continue
				}
				seen[k] = true
				occ := nameRenderings(p, s, tToks, tgtCovered, ui)
				if _, ok := names[k]; !ok {
					order = append(order, k)
				}
				names[k] = append(names[k], occ...)
				if len(occ) == 0 {
					// No spelling of the name here: perhaps a botched one,
					// looked for once the usual rendering is known.
					unread[k] = append(unread[k], driftOcc{unit: ui, src: s})
				}
			}
		}
		// Acronyms: one on each side, or a transliteration.
		distinct := func(ts []lang.Token) []lang.Token {
			var out []lang.Token
			have := map[string]bool{}
			for _, t := range ts {
				if !have[t.Norm] {
					have[t.Norm] = true
					out = append(out, t)
				}
			}
			return out
		}
		srcD, tgtD := distinct(srcAcr), distinct(tgtAcr)
		for _, s := range srcD {
			k := "a:" + s.Norm
			var pick []lang.Token
			if len(srcD) == 1 && len(tgtD) == 1 {
				pick = tgtD
			} else {
				for _, t := range tgtD {
					if isTranslitAcronym(s, t) {
						pick = append(pick, t)
					}
				}
			}
			if _, ok := acrs[k]; !ok {
				order = append(order, k)
			}
			for _, t := range tgtAcr {
				if len(pick) == 1 && t.Norm == pick[0].Norm {
					acrs[k] = append(acrs[k], driftOcc{unit: ui, src: s, tgt: t, key: t.Norm})
				}
			}
			if len(pick) != 1 {
				acrs[k] = append(acrs[k], driftOcc{unit: ui, src: s}) // seen, rendering unclear
			}
		}
	}
	var out []Finding
	for _, k := range order {
		if occ, ok := names[k]; ok {
			if len(occ) == 0 {
				// No unit spells the name by the transliteration rules
				// (Ли Цян, Li Qiang): read its rendering from co-occurrence.
				occ, unread[k] = cooccurring(p, unread[k], tgtToks, tgtCovered)
			}
			occ = append(occ, nearMissRenderings(p, occ, unread[k], tgtToks, tgtCovered)...)
			sort.SliceStable(occ, func(i, j int) bool { return occ[i].unit < occ[j].unit })
			out = append(out, r.report(p, occ, false)...)
		} else {
			out = append(out, r.report(p, acrs[k], true)...)
		}
	}
	return append(out, r.phraseDrift(p)...)
}

// nameRenderings returns the words of the target tokens that spell the
// source name s.
func nameRenderings(p *Pair, s lang.Token, tToks []lang.Token, tgtCovered []Span, ui int) []driftOcc {
	var out []driftOcc
	keys := map[string]bool{}
	dist := map[string]int{} // by key: how far the rendering is from the name
	for _, t := range tToks {
		if !isName(t) || covered(tgtCovered, t) {
			continue
		}
		same := p.sameName(s.Text, stripPossessive(t.Text))
		if same {
			k := renderingKey(p.Target.Lang, t)
			if !keys[k] {
				keys[k] = true
				dist[k] = translitDistance(p.Source.Lang, lang.Fold(stripPossessive(s.Text)), lang.Fold(stripPossessive(t.Text)))
			}
			out = append(out, driftOcc{unit: ui, src: s, tgt: t, key: k})
		}
	}
	if len(keys) < 2 {
		return out
	}
	// Two names of the segment spelled alike («Сусанин» and «Сусанны»,
	// Susanin and Susanna; Carbery and Barbeary): each target word is the
	// rendering of the source name it spells closest, not of both.
	best := -1
	for k := range keys {
		if best < 0 || dist[k] < best {
			best = dist[k]
		}
	}
	kept := out[:0]
	for _, o := range out {
		if dist[o.key] == best {
			kept = append(kept, o)
		}
	}
	return kept
}

// translitDistance is the edit distance between a name and a rendering
// (folded) once the Cyrillic one is transliterated.
func translitDistance(srcLang lang.Lang, src, tgt string) int {
	ru, lat := src, tgt
	if srcLang != lang.RU {
		ru, lat = tgt, src
	}
	// Letters English spells a Russian sound with, either way: c/k, y/i,
	// w/v (Carbery is «Карбери», Karberi once transliterated).
	sound := strings.NewReplacer("c", "k", "y", "i", "w", "v", "ph", "f")
	return lang.EditDistance(sound.Replace(lang.Fold(align.Transliterate(ru, align.Common))), sound.Replace(lat), 1<<10)
}

// cooccurring finds the usual rendering of a source name that no target
// word spells by rule: the target name found in the most of the name's
// units — at least two, and two thirds of them. It returns that
// rendering's occurrences and the units without it.
func cooccurring(p *Pair, units []driftOcc, tgtToks []lang.Token, tgtCovered []Span) (occ, rest []driftOcc) {
	if len(units) < 3 {
		return nil, units
	}
	count := map[string]int{}
	for _, u := range units {
		ts, ok := p.Units[u.unit].TargetSpan()
		if !ok {
			continue
		}
		seen := map[string]bool{}
		for _, t := range tokensIn(tgtToks, ts) {
			if isName(t) && !covered(tgtCovered, t) && !seen[nameKey(t)] {
				seen[nameKey(t)] = true
				count[nameKey(t)]++
			}
		}
	}
	best := ""
	for k, n := range count {
		if n > count[best] || n == count[best] && k < best {
			best = k
		}
	}
	if count[best] < 2 || count[best]*3 < len(units)*2 {
		return nil, units
	}
	for _, u := range units {
		ts, _ := p.Units[u.unit].TargetSpan()
		found := false
		for _, t := range tokensIn(tgtToks, ts) {
			if isName(t) && nameKey(t) == best {
				occ = append(occ, driftOcc{unit: u.unit, src: u.src, tgt: t, key: best})
				found = true
			}
		}
		if !found {
			rest = append(rest, u)
		}
	}
	return occ, rest
}

// nearMissRenderings finds, in the units where a source name occurs but
// no target word spells it, a capitalised word that is a near miss of
// the name's usual rendering (Li Qiang … Li Tsiang): a misspelling
// transliteration rules would not accept.
func nearMissRenderings(p *Pair, occ, unread []driftOcc, tgtToks []lang.Token, tgtCovered []Span) []driftOcc {
	if len(unread) == 0 || len(occ) < 2 {
		return nil
	}
	count := map[string]int{}
	keep := ""
	for _, o := range occ {
		count[o.key]++
		if keep == "" || count[o.key] > count[keep] {
			keep = o.key
		}
	}
	var out []driftOcc
	for _, u := range unread {
		ts, ok := p.Units[u.unit].TargetSpan()
		if !ok {
			continue
		}
		var found []driftOcc
		for _, t := range tokensIn(tgtToks, ts) {
			if !isName(t) || covered(tgtCovered, t) {
				continue
			}
			k := nameKey(t)
			if k != keep && nearMiss(keep, k, false, u.src) {
				found = append(found, driftOcc{unit: u.unit, src: u.src, tgt: t, key: k})
			}
		}
		if len(found) == 1 {
			out = append(out, found...)
		}
	}
	return out
}

// sameName reports whether a source word and a target word can be the
// same name (align.SameName, which takes the Cyrillic word first). A
// text repeats its names, and each comparison tries every
// transliteration scheme, so answers are kept for the pair's check (and
// dropped with it: a cache shared by all checks would keep every
// request's words forever).
func (p *Pair) sameName(src, tgt string) bool {
	ru, lat := src, tgt
	if p.Source.Lang != lang.RU {
		ru, lat = tgt, src
	}
	key := [2]string{ru, lat}
	if v, ok := p.sameNames.Load(key); ok {
		return v.(bool)
	}
	v := align.SameName(ru, lat)
	p.sameNames.Store(key, v)
	return v
}

// report turns the renderings of one source name into findings: one for
// each occurrence of a rendering other than the usual one, when that
// rendering is a near miss of the usual one.
func (r termDrift) report(p *Pair, occ []driftOcc, acronym bool) []Finding {
	count := map[string]int{}
	var keys []string
	units := map[int]bool{}
	for _, o := range occ {
		units[o.unit] = true
		if o.key == "" {
			continue
		}
		if count[o.key] == 0 {
			keys = append(keys, o.key)
		}
		count[o.key]++
	}
	if len(keys) < 2 || len(units) < 2 {
		return nil
	}
	keep := keys[0]
	for _, k := range keys {
		if count[k] > count[keep] {
			keep = k
		}
	}
	var related []Location
	var keepText string
	for _, o := range occ {
		if o.key == keep {
			related = append(related, *p.TargetLoc(o.unit, o.tgt.Start, o.tgt.End))
			if keepText == "" {
				keepText = stripPossessive(o.tgt.Text)
			}
		}
	}
	var out []Finding
	for _, o := range occ {
		if o.key == "" || o.key == keep || !nearMiss(keep, o.key, acronym, o.src) {
			continue
		}
		used := p.Target.Raw[o.tgt.Start:o.tgt.End]
		kind := "name"
		if acronym {
			kind = "acronym"
		}
		out = append(out, Finding{
			Rule:     r.Name(),
			Severity: Warning,
			Message: fmt.Sprintf("the %s %s is rendered as %s here but as %s elsewhere (%s)", kind,
				quote(p.Source.Lang, o.src.Text), quote(p.Target.Lang, used), quote(p.Target.Lang, keepText), times(count[keep])),
			Source:     p.SourceLoc(o.unit, o.src.Start, o.src.End),
			Target:     p.TargetLoc(o.unit, o.tgt.Start, o.tgt.End),
			Term:       &TermRef{Source: o.src.Text, Expected: []string{keepText}},
			Related:    related,
			Suggestion: fmt.Sprintf("write %s as everywhere else, or add the name to the glossary", quote(p.Target.Lang, keepText)),
			Unit:       o.unit,
		})
	}
	return out
}

// nearMiss reports whether an odd rendering is a variant of the usual
// one rather than something else: a misspelling (small edit distance),
// the same letters reordered, or a transliteration of the source acronym.
// Renderings where one is the other plus an ending are the same word.
func nearMiss(keep, odd string, acronym bool, src lang.Token) bool {
	if sameWordEnding(keep, odd) || hyphenJoined(keep, odd) || hyphenJoined(odd, keep) {
		return false
	}
	if acronym {
		if isTranslitAcronym(src, lang.Token{Norm: odd}) {
			return true
		}
		if abs(utf8.RuneCountInString(keep)-utf8.RuneCountInString(odd)) > 1 {
			return false
		}
		return letterOverlap(keep, odd)*2 >= max(utf8.RuneCountInString(keep), utf8.RuneCountInString(odd))
	}
	n := max(utf8.RuneCountInString(keep), utf8.RuneCountInString(odd))
	limit := 1
	if n >= 6 {
		limit = 2
	}
	if n >= 11 {
		limit = 3
	}
	return lang.EditDistance(keep, odd, limit) <= limit
}

// hyphenJoined reports whether the rendering long is short joined by a
// hyphen to another part: "Xbox-X" beside "Xbox", «Газпром-Медиа» beside
// «Газпром» name another thing (a model, a firm), not a misspelling.
func hyphenJoined(short, long string) bool {
	return short != "" && (strings.HasPrefix(long, short+"-") || strings.HasSuffix(long, "-"+short))
}

// sameWordEnding reports whether one rendering is the other with another
// ending that makes another form of the same name rather than a
// misspelling: Lavrov and Lavrova, Kim and Kims, Tasmania and Tasmanian,
// Canada and Canadian, Israel and Israeli.
func sameWordEnding(a, b string) bool {
	if fleetingVowel(a, b) || fleetingVowel(b, a) {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	if n < 3 || n < min(len(ra), len(rb))-1 {
		return false
	}
	ea, eb := string(ra[n:]), string(rb[n:])
	if lang.ScriptOf(a) == lang.Cyrillic {
		// A Russian name declined: Шольц and Шольцем, Конвей and Конвея,
		// Зеленский and Зеленского (their keys keep what the ending
		// stripping left of them).
		return ruNameInflection[ea] && ruNameInflection[eb]
	}
	return nameEndings[ea] && nameEndings[eb] || genderPair(ea, eb) || genderPair(eb, ea)
}

// fleetingVowel reports whether b is a declined form of the name a that
// loses the е or о of a's last syllable, as Russian declension does:
// Павел and Павла, Марек and Марком, Карел and Карлу, and with a soft
// sign or й in its place Лев and Льва, Заяц and Зайца — one name's forms,
// not two spellings.
// a is a key ending in a consonant; b must be a's letters without that
// vowel (or with ь or й for it), then an ending.
func fleetingVowel(a, b string) bool {
	ra := []rune(a)
	n := len(ra)
	if n < 3 || !strings.ContainsRune("еоёя", ra[n-2]) || strings.ContainsRune("аеёиоуыэюяйь", ra[n-1]) {
		return false
	}
	stem := string(ra[:n-2])
	last := string(ra[n-1])
	for _, mid := range []string{"", "ь", "й"} {
		if rest, ok := strings.CutPrefix(b, stem+mid+last); ok && ruNameInflection[rest] {
			return true
		}
	}
	return false
}

// genderPair reports whether two endings of a transliterated Russian
// surname are its feminine and masculine forms: Korostyshevskaya and
// Korostyshevsky, Dostoevskaya and Dostoevsky — a woman and a man of one family,
// not two spellings (-ova and -ov are nameEndings' "a" and "").
func genderPair(fem, masc string) bool {
	switch fem {
	case "aya", "aia", "ya", "a":
		switch masc {
		case "y", "iy", "ii", "ij", "i":
			return true
		}
	}
	return false
}

// ruNameInflection are the tails two forms of one Russian name may differ
// by once nameKey has stripped one case ending: the endings themselves,
// and what a stripped ending leaves of another (Конвей → конв, Конвея →
// конве).
var ruNameInflection = func() map[string]bool {
	m := map[string]bool{"": true, "ь": true}
	for _, e := range ruNameEndings {
		m[e] = true
	}
	for _, e := range ruAdjEndings {
		m[e] = true
	}
	return m
}()

// nameEndings are the endings a name's forms differ by: feminine and
// plural forms, and the adjectives and demonyms made from place names.
var nameEndings = map[string]bool{
	"": true, "a": true, "s": true, "es": true, "n": true, "an": true, "ian": true, "ean": true,
	"ese": true, "i": true, "ish": true, "ic": true, "ns": true, "ans": true, "ians": true,
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// letterOverlap counts the letters two words share, as multisets.
func letterOverlap(a, b string) int {
	m := map[rune]int{}
	for _, r := range a {
		m[r]++
	}
	n := 0
	for _, r := range b {
		if m[r] > 0 {
			m[r]--
			n++
		}
	}
	return n
}

// isAcronym reports whether t is written in capitals, two to eight
// letters (ОДКБ, CSTO, G20).
func isAcronym(t lang.Token) bool {
	if t.Kind != lang.Word || !t.Upper() {
		return false
	}
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2 && n <= 8
}

// isName reports whether t is a capitalised word of three letters or
// more that is not all capitals.
func isName(t lang.Token) bool {
	if t.Kind != lang.Word || t.Upper() {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r) && utf8.RuneCountInString(t.Text) >= 3
}

// isTranslitAcronym reports whether target acronym t is a letter-by-letter
// transliteration of source acronym s (ОДКБ → ODKB), either way round.
func isTranslitAcronym(s, t lang.Token) bool {
	a, b := s.Norm, t.Norm
	if lang.ScriptOf(a) != lang.Cyrillic {
		a, b = b, a
	}
	if lang.ScriptOf(a) != lang.Cyrillic || lang.ScriptOf(b) != lang.Latin {
		return false
	}
	return strings.EqualFold(align.Transliterate(a, align.Common), b) || strings.EqualFold(align.Transliterate(a, align.Scholarly), b)
}

// renderingKey is the form renderings are compared in: the folded word
// without an English possessive or a Russian case ending, so that
// Цзиньпина and Цзиньпину, Jinping and Jinping's are one rendering.
func renderingKey(l lang.Lang, t lang.Token) string {
	return nameKey(t)
}

// ruNameEndings are the case endings of Russian names and nouns, longest
// first. Names are compared without them rather than by their stems: the
// stemmer, made for common words, cuts names unevenly (Токаев → тока,
// Токаевым → токаев).
var ruNameEndings = []string{"ыми", "ами", "ями", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ою", "ую", "ах", "ях", "ам", "ям", "а", "я", "у", "ю", "е", "ы", "и", "ь", "й"}

// ruAdjEndings are the endings of Russian adjectives in -ский, longest
// first.
var ruAdjEndings = []string{"ими", "ого", "ому", "ий", "ая", "ое", "ие", "ой", "им", "ом", "ую", "их", "ые"}

// nameKey is the comparison form of a name: folded, without an English
// possessive, and for Cyrillic without a case ending (three letters are
// always kept) and without the suffix of the adjective made from a place
// name: "Kazan" is «Казань» in one place and, before a noun ("the Kazan
// Declaration"), «Казанская» in another; «Минск» and «минский»,
// «Астана» and «астанинский» likewise.
func nameKey(t lang.Token) string {
	w := lang.Fold(stripPossessive(t.Text))
	if lang.ScriptOf(w) != lang.Cyrillic {
		return w
	}
	keep := func(w, suffix string) bool {
		return strings.HasSuffix(w, suffix) && utf8.RuneCountInString(w)-utf8.RuneCountInString(suffix) >= 3
	}
	stripped := false
	for _, e := range ruAdjEndings {
		if keep(w, "ск"+e) {
			w, stripped = strings.TrimSuffix(w, e), true
			break
		}
	}
	if !stripped {
		for _, e := range ruNameEndings {
			if keep(w, e) {
				w = strings.TrimSuffix(w, e)
				break
			}
		}
	}
	if keep(w, "ск") {
		w = strings.TrimSuffix(w, "ск")
		if keep(w, "ин") {
			w = strings.TrimSuffix(w, "ин")
		}
	}
	return w
}

func stripPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "ʼs", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}

// coveredBy returns the spans of term hits, sorted.
func coveredBy(hs []TermHit) []Span {
	out := make([]Span, 0, len(hs))
	for _, h := range hs {
		out = append(out, Span{h.Start, h.End})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// covered reports whether token t lies inside one of the spans (sorted
// by start; nested spans of FindAll make a few look-backs necessary).
func covered(spans []Span, t lang.Token) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].Start > t.Start }) - 1
	for k := 0; i >= 0 && k < 16; i, k = i-1, k+1 {
		if spans[i].Start <= t.Start && t.End <= spans[i].End {
			return true
		}
	}
	return false
}

// sentenceInitial marks the start offsets of the first word of every
// source sentence: a capital there says nothing about names.
func sentenceInitial(p *Pair, toks []lang.Token) map[int]bool {
	out := map[int]bool{}
	for _, u := range p.Units {
		for _, s := range u.Source {
			for _, t := range tokensIn(toks, s) {
				if t.Kind == lang.Word {
					out[t.Start] = true
					break
				}
			}
		}
	}
	return out
}
