package terms

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Forms counts the written forms of one phrase (all with one matching
// key) as a corpus shows them. Forms seen at the start of a sentence are
// kept apart: their capital letter may be the sentence's, not the term's.
type Forms struct {
	Inner   map[string]int // forms seen inside a sentence
	Initial map[string]int // forms seen at a sentence's start
}

func (f *Forms) add(form string, initial bool) {
	m := &f.Inner
	if initial {
		m = &f.Initial
	}
	if *m == nil {
		*m = map[string]int{}
	}
	(*m)[form]++
}

// pool returns the forms to choose from, with their counts: those seen
// inside sentences, and those seen only at a sentence's start (Китай
// as a subject), spelt as inside sentences when the corpus tells: as the
// spelling seen most inside sentences (the first in string order among
// equals, so that the choice does not depend on map order), or in lower
// case when the phrase is written so elsewhere.
func (f *Forms) pool() map[string]int {
	out := make(map[string]int, len(f.Inner)+len(f.Initial))
	lower := false
	byFold := map[string]string{}
	for s, n := range f.Inner {
		out[s] += n
		fold := strings.ToLower(s)
		if cur, ok := byFold[fold]; !ok || n > f.Inner[cur] || n == f.Inner[cur] && s < cur {
			byFold[fold] = s
		}
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
			lower = true
		}
	}
	for s, n := range f.Initial {
		switch inner, ok := byFold[strings.ToLower(s)]; {
		case ok:
			out[inner] += n
		case lower:
			r, size := utf8.DecodeRuneInString(s)
			out[string(unicode.ToLower(r))+s[size:]] += n
		default:
			out[s] += n
		}
	}
	return out
}

// DictionaryForm returns the form a dictionary or glossary would list a
// phrase under, chosen among the forms the corpus shows: for Russian the
// nominative (adjectives agreeing in the nominative, the head noun's
// nominative: «Шанхайской организации сотрудничества» →
// «Шанхайская организация сотрудничества», «Совета Безопасности» →
// «Совет Безопасности»), for English the singular where it occurs
// ("sanctions regimes" → "sanctions regime"). lng is "ru" or "en".
// Among equals the most frequent form wins; "" when f holds no form.
func DictionaryForm(f *Forms, lng string) string {
	pool := f.pool()
	if len(pool) == 0 {
		return ""
	}
	forms := make([]string, 0, len(pool))
	for s := range pool {
		forms = append(forms, s)
	}
	sort.Strings(forms) // deterministic before the stable sort by score
	score := make(map[string]int, len(forms))
	lemma := ""
	if lng == "ru" {
		heads := map[string]int{}
		capital := false
		for _, s := range forms {
			if h := ruHead(s); h >= 0 {
				r, _ := utf8.DecodeRuneInString(strings.Fields(s)[h])
				capital = capital || unicode.IsUpper(r)
				heads[strings.ToLower(strings.Fields(s)[h])] += pool[s]
			}
		}
		lemma = ruNounLemma(heads, capital)
		for _, s := range forms {
			score[s] = ruNominativeScore(s, lemma)
		}
	} else {
		for _, s := range forms {
			score[s] = enSingularScore(s, pool)
		}
	}
	sort.SliceStable(forms, func(i, j int) bool {
		a, b := forms[i], forms[j]
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		return pool[a] > pool[b]
	})
	if lng == "ru" && lemma != "" && ruHead(forms[0]) == 0 {
		// The nominative was never seen (Азии, Азию): written from the
		// paradigm, when no adjective would have to agree with it.
		ws := strings.Fields(forms[0])
		if strings.ToLower(ws[0]) != lemma {
			r, size := utf8.DecodeRuneInString(ws[0])
			l := lemma
			if unicode.IsUpper(r) {
				lr, lsize := utf8.DecodeRuneInString(lemma)
				l = string(unicode.ToUpper(lr)) + lemma[lsize:]
			}
			_ = size
			ws[0] = l
			return strings.Join(ws, " ")
		}
	}
	return forms[0]
}

// ruAdjNominative are the endings of adjectives and participles in the
// nominative; ruAdjAny all adjective endings.
var (
	ruAdjNominative = []string{"ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ой"}
	ruAdjAny        = []string{"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ую", "юю", "ыми", "ими", "ых", "их", "ым", "им", "ей", "ом", "ем"}
)

func hasSuffixAny(w string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// ruIsAdjective tells an adjective by its ending, for words of five
// letters or more, in lower case, the first word of a phrase or following
// one (the head group of «Шанхайская организация»).
func ruIsAdjective(w string) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, e := range []string{"ий", "ей", "ом", "ем", "ой", "ие", "им", "ым"} {
		// endings nouns share: only adjectives' longer endings tell.
		if strings.HasSuffix(w, e) {
			return hasSuffixAny(w, []string{"ским", "ным", "вым", "ким", "щим", "шим", "чим", "ский", "ской", "ском", "цкий", "цкой", "ный", "ний", "ной", "ней", "ном", "нем", "вой", "вом", "жий", "чий", "щий", "шний", "ние", "кие", "ные", "вые", "щие", "ские", "ческой", "ческий", "ческие"}) && !strings.HasSuffix(w, "ение") && !strings.HasSuffix(w, "ание")
		}
	}
	return hasSuffixAny(w, ruAdjAny)
}

// ruHead returns the index of the head noun of a Russian phrase: the first
// word that is not an adjective; -1 if there is none.
func ruHead(phrase string) int {
	for i, w := range strings.Fields(phrase) {
		if !ruIsAdjective(strings.ToLower(w)) {
			return i
		}
	}
	return -1
}

// ruNominativeScore scores how likely a Russian phrase is in the
// nominative: adjectives of its head group with nominative endings, and
// its head noun in the form ruNounLemma chose.
func ruNominativeScore(phrase, lemma string) int {
	ws := strings.Fields(phrase)
	score := 0
	for i, w := range ws {
		lw := strings.ToLower(w)
		if ruIsAdjective(lw) {
			switch {
			case strings.HasSuffix(lw, "ой"):
				score++ // мировой, but also the feminine's other cases
			case hasSuffixAny(lw, ruAdjNominative):
				score += 2
			default:
				score -= 2
			}
			continue
		}
		if lw == lemma {
			score += 3
		}
		_ = i
		break
	}
	return score
}

func isRuVowel(r rune) bool { return strings.ContainsRune("аеёиоуыэюя", r) }

// ruEndings are the case endings of Russian nouns, longest first.
var ruEndings = []string{"ами", "ями", "ом", "ем", "ой", "ей", "ою", "ам", "ям", "ах", "ях", "ов", "ев", "а", "я", "у", "ю", "е", "ы", "и", "о", "ь", "й", ""}

// ruNounLemma returns the nominative singular of a Russian noun from the
// forms of it the corpus shows (with their counts), by the paradigm they
// fit: the stem that explains most forms, and its endings —
// организация/организации, соглашение; -о, -ь, -й nominatives seen;
// a masculine's bare stem (совет: совета, советом; not стран, the
// genitive plural of страна, which is rarer than страна); a feminine's -а
// (страна: страны, страной); the neuter -ство (правительство:
// правительства, правительством), written even if never seen; else the
// bare stem of a masculine (Вьетнам from Вьетнама). "" when nothing fits.
func ruNounLemma(forms map[string]int, capital bool) string {
	has := func(f string) bool { return forms[f] > 0 }
	best, bestN := "", 0
	for f, n := range forms {
		var cand string
		switch {
		case strings.HasSuffix(f, "ие") || strings.HasSuffix(f, "ье"):
			cand, n = f, n+1<<20 // a neuter's nominative: соглашение
		case strings.HasSuffix(f, "ия"):
			stem := f[:len(f)-len("ия")]
			switch {
			case has(stem + "ие"):
				cand = stem + "ие"
			case has(stem+"ием") && capital:
				cand = stem + "ий" // Дмитрия, Дмитрием
			case has(stem + "ием"):
				cand = stem + "ие"
			case !capital && !has(stem+"ией") && !has(stem+"ию") &&
				(strings.HasSuffix(stem, "ен") || strings.HasSuffix(stem, "ан") || strings.HasSuffix(stem, "т")):
				cand = stem + "ие" // здравоохранения, развития: a verbal noun's genitive
			default:
				cand = f // организация
			}
		default:
			continue
		}
		if n > bestN || n == bestN && cand < best {
			best, bestN = cand, n
		}
	}
	if best != "" {
		return best
	}
	// The stem explaining the most forms.
	type stemInfo struct {
		endings map[string]int
		support int
	}
	stems := map[string]*stemInfo{}
	for f, n := range forms {
		for _, e := range ruEndings {
			x, ok := strings.CutSuffix(f, e)
			if !ok || utf8.RuneCountInString(x) < 2 {
				continue
			}
			si := stems[x]
			if si == nil {
				si = &stemInfo{endings: map[string]int{}}
				stems[x] = si
			}
			si.endings[e] += n
			si.support += n
		}
	}
	var x string
	var si *stemInfo
	for k, v := range stems {
		if si == nil || len(v.endings) > len(si.endings) ||
			len(v.endings) == len(si.endings) && (v.support > si.support || v.support == si.support && len(k) > len(x)) {
			x, si = k, v
		}
	}
	if si == nil {
		return ""
	}
	has = func(e string) bool { return si.endings[e] > 0 }
	if stem, ok := strings.CutSuffix(x, "и"); ok && !has("") && (has("и") || has("ю") || has("ей")) {
		return stem + "ия" // Азии, Азию: the -ия paradigm, stem Ази
	}
	last, _ := utf8.DecodeLastRuneInString(x)
	soft := strings.ContainsRune("кгхжшчщ", last) // -и, not -ы, after these
	plural := si.endings["ы"]
	if soft {
		plural = si.endings["и"]
	}
	// A feminine shows -ы (-и after к, г, х and hushers) or -ой.
	fem := plural > 0 || has("ой") || has("ою") || soft && has("ей")
	switch {
	case has("о"):
		return x + "о"
	case has("ь"):
		return x + "ь"
	case has("й"):
		return x + "й"
	case isRuVowel(last):
		return ""
	case has("") && (!fem || 2*si.endings[""] >= si.endings["а"]+plural || has("ов")):
		return x
	case (has("а") || has("у") || has("е")) && fem:
		return x + "а"
	case has("я") && (has("и") || has("ей") || has("ю")) && !has("ем"):
		return x + "я"
	case strings.HasSuffix(x, "ств") && (has("а") || has("у") || has("ом") || has("е")):
		return x + "о"
	case has("а") && 2*si.endings["а"] >= si.support && !has("ом"):
		return x + "а" // Ольга, Ольгу: the form most seen, not a stem made up
	case (has("у") || has("ом") || has("е")) && !ruCluster(x):
		return x // Вьетнаме, Вьетнамом
	}
	return ""
}

// enSingularScore prefers a form whose last word is not the plural of
// another form's ("regimes" when "regime" occurs too), and forms without
// a possessive.
func enSingularScore(phrase string, pool map[string]int) int {
	ws := strings.Fields(phrase)
	if len(ws) == 0 {
		return 0
	}
	score := 0
	last := ws[len(ws)-1]
	prefix := strings.Join(ws[:len(ws)-1], " ")
	if prefix != "" {
		prefix += " "
	}
	for _, sing := range enSingulars(last) {
		if pool[prefix+sing] > 0 {
			score -= 2
			break
		}
	}
	if strings.Contains(phrase, "'s") || strings.Contains(phrase, "’s") {
		score--
	}
	return score
}

// enSingulars returns the singulars an English plural may have.
func enSingulars(w string) []string {
	var out []string
	switch {
	case strings.HasSuffix(w, "ies"):
		out = append(out, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "es"):
		out = append(out, w[:len(w)-2], w[:len(w)-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		out = append(out, w[:len(w)-1])
	}
	return out
}

// ruCluster reports whether a stem ends in two consonants: its nominative
// may have a fleeting vowel (Египта → Египет, рынка → рынок), which no
// rule here restores, so no nominative is made up for it.
func ruCluster(x string) bool {
	r := []rune(x)
	if len(r) < 2 {
		return false
	}
	return !isRuVowel(r[len(r)-1]) && !isRuVowel(r[len(r)-2]) && r[len(r)-1] != 'й' && r[len(r)-2] != 'й' && r[len(r)-2] != 'ь'
}
