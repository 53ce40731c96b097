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
// as a subject), spelt as inside sentences when the corpus tells: in
// lower case when the phrase is written so elsewhere.
func (f *Forms) pool() map[string]int {
	out := make(map[string]int, len(f.Inner)+len(f.Initial))
	lower := false
	byFold := map[string]string{}
	for s, n := range f.Inner {
		out[s] += n
		byFold[strings.ToLower(s)] = s
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
		heads := map[string]bool{}
		for _, s := range forms {
			if h := ruHead(s); h >= 0 {
				heads[strings.ToLower(strings.Fields(s)[h])] = true
			}
		}
		lemma = ruNounLemma(heads)
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
	for _, e := range []string{"ий", "ей", "ом", "ем", "ой", "ие"} {
		// endings nouns share: only adjectives' longer endings tell.
		if strings.HasSuffix(w, e) {
			return hasSuffixAny(w, []string{"ский", "ской", "ском", "цкий", "цкой", "ный", "ний", "ной", "ней", "ном", "нем", "вой", "вом", "жий", "чий", "щий", "шний", "ние", "кие", "ные", "вые", "щие", "ские", "ческой", "ческий", "ческие"}) && !strings.HasSuffix(w, "ение") && !strings.HasSuffix(w, "ание")
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

// ruNounLemma picks the nominative among the forms of one noun the corpus
// shows, by the shape of the paradigm: -ия and -ие nouns (организация,
// соглашение); a form ending in a consonant that others extend is a
// masculine's nominative (совет: совета, совете), unless the feminine's
// endings show it is a genitive plural (стран: страна, страны); neuter
// -о (сотрудничество). "" when nothing tells.
func ruNounLemma(forms map[string]bool) string {
	has := func(s string) bool { return forms[s] }
	var best string
	pick := func(s string) { // the shortest, then the first in order
		if best == "" || len(s) < len(best) || len(s) == len(best) && s < best {
			best = s
		}
	}
	for f := range forms {
		if strings.HasSuffix(f, "ия") || strings.HasSuffix(f, "ие") || strings.HasSuffix(f, "ье") {
			pick(f)
		}
	}
	if best != "" {
		return best
	}
	for f := range forms {
		if stem, ok := strings.CutSuffix(f, "ии"); ok && utf8.RuneCountInString(stem) > 1 {
			return stem + "ия" // Азии, Бразилии: only the oblique cases seen
		}
	}
	for f := range forms {
		r, _ := utf8.DecodeLastRuneInString(f)
		if isRuVowel(r) {
			continue
		}
		extended := false
		for g := range forms {
			if len(g) > len(f) && strings.HasPrefix(g, f) {
				extended = true
				break
			}
		}
		if !extended {
			continue // a case ending: Европам, Китаем
		}
		if (has(f+"ы") || has(f+"ой") || has(f+"у") && !has(f+"ом")) && has(f+"а") {
			continue // a feminine's genitive plural
		}
		pick(f)
	}
	if best != "" {
		return best
	}
	for f := range forms {
		if strings.HasSuffix(f, "о") {
			pick(f)
		}
	}
	if best != "" {
		return best
	}
	for f := range forms {
		stem := strings.TrimSuffix(strings.TrimSuffix(f, "а"), "я")
		if stem != f && (has(stem+"ы") || has(stem+"и") || has(stem+"ой") || has(stem+"ей") || has(stem+"у") || has(stem+"ю")) {
			pick(f)
		}
	}
	return best
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
