package align

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// Anchorer finds anchors in a segment: language-independent IDs such as
// glossary concept IDs, numbers, names and acronyms. Two segments that
// share anchors are likely translations of each other; an anchor found on
// one side only is weak evidence against pairing them.
//
// Anchors must be comparable across languages: the same ID for the same
// thing in the source and the target text. The aligner weighs each anchor
// by how rare it is in the two texts and ignores anchors that occur in one
// text only, so an Anchorer may be generous.
type Anchorer interface {
	Anchors(text string, l lang.Lang) []string
}

// AnchorFunc adapts a function to [Anchorer], e.g. a glossary matcher:
//
//	align.AnchorFunc(func(text string, l lang.Lang) []string {
//		var ids []string
//		for _, m := range matchers[l].Find(text) {
//			ids = append(ids, "g:"+m.Concept.ID)
//		}
//		return ids
//	})
//
// Give your anchors a prefix of their own ("g:") so they never collide
// with the built-in ones.
type AnchorFunc func(text string, l lang.Lang) []string

// Anchors calls f.
func (f AnchorFunc) Anchors(text string, l lang.Lang) []string { return f(text, l) }

// The built-in anchorers. [Builtin] returns them all; [Options] uses them
// unless NoBuiltinAnchors is set.
var (
	// Numbers anchors every numeral by its value as [lang.Numbers]
	// normalises it, so that the number conventions of the two languages
	// agree: "v2024" for 2024 and «2024 г.», "v26.3" for «26,3 %» and
	// "26.3 percent", "v2.4e+11" for «240 млрд» and "240 billion", "v5"
	// for «пять» and "five"; a range adds its upper end ("v2023-2024").
	Numbers Anchorer = AnchorFunc(numberAnchors)

	// Names anchors names, acronyms and cognates: capitalised words and
	// words of six letters or more, Cyrillic ones transliterated, reduced
	// to a consonant [Skeleton] prefix ("n:lfrf" for Лавров, Lavrov,
	// Лаврова, Lavroff; "n:anfr" for информация and information); and
	// words in capitals or with digits by their exact Latin spelling
	// ("a:nato" for НАТО and NATO, "a:g20", "a:covid19").
	Names Anchorer = AnchorFunc(nameAnchors)

	// Quotes anchors quoted formulas by count: a segment with two quoted
	// spans, «…» or "…" or “…”, has anchors "q1" and "q2".
	Quotes Anchorer = AnchorFunc(func(text string, l lang.Lang) []string { return quoteAnchors(text, l) })
)

// Builtin returns the built-in anchorers: [Numbers], [Names] and
// [Quotes], plus punctuation that survives translation (a question, an
// exclamation, a parenthesis, a closing colon, an opening dash: "p?",
// "p!", "p(", "p:", "p-"), as one Anchorer that analyses each text once.
func Builtin() []Anchorer { return []Anchorer{AnchorFunc(builtinAnchors)} }

func builtinAnchors(text string, _ lang.Lang) []string {
	return tokenAnchors(text, lang.Analyze(text), nil, nil)
}

// tokenAnchors appends to out the built-in anchors of a sentence whose
// tokens are toks; names, when not nil, caches the name anchors of each
// word as written (the same names recur all through an article, and
// transliterating them is most of the cost).
func tokenAnchors(text string, toks []lang.Token, names map[string][]string, out []string) []string {
	out = numeralAnchors(text, out)
	if names == nil {
		out = nameTokens(toks, out)
	} else {
		for k := range toks {
			t := &toks[k]
			if t.Kind != lang.Word {
				continue
			}
			as, ok := names[t.Text]
			if !ok {
				as = nameTokens(toks[k:k+1], nil)
				names[t.Text] = as
			}
			out = append(out, as...)
		}
	}
	return punctAnchors(text, quoteAnchors(text, "", out...))
}

// wordKeys appends to out the matching keys of the words of toks that
// the lexicon learns from (see learnLexicon): two letters or more.
func wordKeys(toks []lang.Token, out []string) []string {
	for _, t := range toks {
		if t.Kind == lang.Word && utf8.RuneCountInString(t.Key) >= 2 {
			out = append(out, t.Key)
		}
	}
	return out
}

// punctAnchors anchors the punctuation that survives translation: a
// question, an exclamation, a parenthesis, a colon at the end (a list or
// a quotation follows), a dash at the start (dialogue).
func punctAnchors(text string, out []string) []string {
	t := strings.TrimSpace(text)
	if strings.ContainsRune(t, '?') {
		out = append(out, "p?")
	}
	if strings.ContainsRune(t, '!') {
		out = append(out, "p!")
	}
	if strings.ContainsAny(t, "()") {
		out = append(out, "p(")
	}
	if strings.HasSuffix(t, ":") {
		out = append(out, "p:")
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "—") {
		out = append(out, "p-")
	}
	return out
}

func numberAnchors(text string, _ lang.Lang) []string { return numeralAnchors(text, nil) }

// numeralAnchors anchors the numerals of text by their value as package
// lang normalises them, so that «240 млрд» and "240 billion", «пять» and
// "five", «XXI век» and "21st century" agree. Numbers in words below 2 are
// left out: "one" and «один» are as often pronouns.
func numeralAnchors(text string, out []string) []string {
	for _, n := range lang.Numbers(text) {
		if n.Word && n.Value < 2 {
			continue
		}
		a := "v" + strconv.FormatFloat(n.Value, 'g', -1, 64)
		if n.IsRange() {
			a += "-" + strconv.FormatFloat(n.Hi, 'g', -1, 64)
		}
		out = append(out, a)
	}
	return out
}

// skeletonLen is how many skeleton symbols a name anchor keeps: enough to
// tell names apart, few enough that Russian case endings and English
// suffixes (-ia/-y, -ov/-off) fall outside.
const skeletonLen = 4

func nameAnchors(text string, _ lang.Lang) []string { return nameTokens(lang.Analyze(text), nil) }

func nameTokens(toks []lang.Token, out []string) []string {
	for _, t := range toks {
		if t.Kind != lang.Word {
			continue
		}
		letters := 0
		digits := false
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				letters++
			} else if r >= '0' && r <= '9' {
				digits = true
			}
		}
		first, _ := utf8.DecodeRuneInString(t.Text)
		capital := unicode.IsUpper(first)
		if (t.Upper() && letters >= 2) || (digits && letters >= 1) {
			if a := asciiFold(Transliterate(t.Norm, Common)); len(a) >= 2 {
				out = append(out, "a:"+a)
			}
		}
		if letters < 3 || !capital && letters < 6 {
			continue
		}
		var latin string
		if lang.ScriptOf(t.Text) == lang.Cyrillic {
			// The stem drops Russian case endings before transliteration.
			latin = Transliterate(t.Key, Common)
		} else {
			latin = strings.TrimSuffix(strings.TrimSuffix(t.Norm, "'s"), "'")
		}
		sk := Skeleton(latin)
		if len(sk) > skeletonLen {
			sk = sk[:skeletonLen]
		}
		if len(sk) >= 3 || len(sk) == 2 && capital {
			out = append(out, "n:"+sk)
		}
	}
	return out
}

func quoteAnchors(text string, _ lang.Lang, out ...string) []string {
	n := 0
	for _, r := range text {
		switch r {
		case '«', '“', '„', '"', '»', '”':
			n++
		}
	}
	for k := 1; k <= n/2; k++ {
		out = append(out, "q"+strconv.Itoa(k))
	}
	return out
}
