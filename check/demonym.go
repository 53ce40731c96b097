package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// demonymRendered reports whether a Russian source match that names a
// country or a region is rendered in its unit's target by the English
// adjective of the name: «правительство Великобритании» is "the British
// government", «турнир Северной Кореи» a "North Korean tournament",
// «защита Франции» "French protection". Russian says it with the name,
// English with the adjective, which no glossary lists as the name's
// equivalent.
func demonymRendered(p *Pair, h TermHit, expected []string) bool {
	if p.Source.Lang != lang.RU || p.Target.Lang != lang.EN {
		return false
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return false
	}
	var names []string // folded, the last word of each expected name
	var irregular []string
	for _, e := range expected {
		toks := lang.Analyze(e)
		if len(toks) == 0 {
			continue
		}
		last := toks[len(toks)-1]
		r, _ := utf8.DecodeRuneInString(last.Text)
		if !unicode.IsUpper(r) || last.Upper() {
			continue // not a name, or an abbreviation (US, UK: irregular only)
		}
		names = append(names, last.Norm)
	}
	for _, e := range expected {
		irregular = append(irregular, demonyms[lang.Fold(e)]...)
	}
	if len(names) == 0 && len(irregular) == 0 {
		return false
	}
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if t.Kind != lang.Word || !unicode.IsUpper(r) {
			continue
		}
		for _, d := range irregular {
			if t.Norm == d {
				return true
			}
		}
		for _, n := range names {
			if isDemonym(n, t.Norm) {
				return true
			}
		}
	}
	return false
}

// isDemonym reports whether the folded word w is the regular English
// adjective of the folded name n: India → Indian, Korea → Korean, Egypt →
// Egyptian, Pakistan → Pakistani, Europe → European, China → Chinese.
func isDemonym(n, w string) bool {
	if !strings.HasPrefix(w, n[:min(len(n), 3)]) {
		return false
	}
	// The name whole (Iran → Iranian, Pakistan → Pakistani), or without
	// its final vowel (India → Indian, China → Chinese, Europe → European).
	stems := []string{n}
	if r, size := utf8.DecodeLastRuneInString(n); strings.ContainsRune("aeiouy", r) && utf8.RuneCountInString(n) > 3 {
		stems = append(stems, n[:len(n)-size])
	}
	for _, stem := range stems {
		for _, suffix := range demonymSuffixes {
			if w == stem+suffix {
				return true
			}
		}
	}
	return false
}

// demonymSuffixes end the regular English adjectives of names.
var demonymSuffixes = []string{"n", "an", "ian", "ean", "ese", "i", "ish"}

// demonyms are the English adjectives of names that no suffix rule
// gives, by the folded name.
var demonyms = map[string][]string{
	"france": {"french"}, "french republic": {"french"},
	"united kingdom": {"british"}, "britain": {"british"}, "great britain": {"british"}, "uk": {"british"},
	"united kingdom of great britain and northern ireland": {"british"},
	"united states": {"american"}, "united states of america": {"american"}, "us": {"american"}, "usa": {"american"}, "u.s.": {"american"},
	"netherlands": {"dutch"}, "switzerland": {"swiss"}, "greece": {"greek"}, "germany": {"german"},
	"federal republic of germany": {"german"}, "kazakhstan": {"kazakh", "kazakhstani"}, "uzbekistan": {"uzbek"},
	"kyrgyzstan": {"kyrgyz"}, "kyrgyz republic": {"kyrgyz"}, "tajikistan": {"tajik"}, "turkmenistan": {"turkmen"},
	"philippines": {"filipino", "philippine"}, "thailand": {"thai"}, "vietnam": {"vietnamese"},
	"viet nam": {"vietnamese"}, "turkey": {"turkish"}, "türkiye": {"turkish"}, "spain": {"spanish"}, "denmark": {"danish"},
	"sweden": {"swedish"}, "finland": {"finnish"}, "poland": {"polish"}, "ireland": {"irish"}, "norway": {"norwegian"},
	"belarus": {"belarusian"}, "ukraine": {"ukrainian"}, "lebanon": {"lebanese"}, "sudan": {"sudanese"},
	"azerbaijan": {"azerbaijani", "azeri"}, "afghanistan": {"afghan"}, "iraq": {"iraqi"}, "israel": {"israeli"},
	"yemen": {"yemeni"}, "oman": {"omani"}, "qatar": {"qatari"}, "kuwait": {"kuwaiti"}, "saudi arabia": {"saudi"},
	"united arab emirates": {"emirati"}, "uae": {"emirati"}, "dprk": {"korean"}, "rok": {"korean"},
	"people's republic of china": {"chinese"}, "prc": {"chinese"}, "russian federation": {"russian"},
	"islamic republic of iran": {"iranian"}, "wales": {"welsh"}, "scotland": {"scottish"},
	"england": {"english"}, "peru": {"peruvian"}, "cyprus": {"cypriot"}, "malta": {"maltese"}, "portugal": {"portuguese"},
	"argentina": {"argentine", "argentinian"}, "morocco": {"moroccan"}, "monaco": {"monegasque"},
}
