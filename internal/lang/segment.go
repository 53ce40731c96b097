package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment is a span of a text: a paragraph or a sentence. Start and End
// are byte offsets into the text the segment was found in, and Text is
// text[Start:End], trimmed of surrounding white space.
type Segment struct {
	Start, End int
	Text       string
}

// Paragraphs splits text into paragraphs. Blank lines separate
// paragraphs; a text with no blank line at all (one paragraph per line,
// as exported from word processors and CAT tools) has one paragraph per
// non-empty line. Markdown-like headings ("# …") and list items ("- …",
// "* …", "• …", "1. …", "1) …", "а) …") are paragraphs of their own even
// without blank lines around them, because they are aligned and checked
// one by one. Spans are trimmed of white space.
func Paragraphs(text string) []Segment {
	type line struct{ start, end int }
	var lines []line
	for i := 0; i <= len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			lines = append(lines, line{i, len(text)})
			break
		}
		lines = append(lines, line{i, i + j})
		i += j + 1
	}
	blank := func(l line) bool { return strings.TrimFunc(text[l.start:l.end], unicode.IsSpace) == "" }

	// A blank line counts only between two non-blank ones: a trailing
	// newline or an empty last line does not switch to block mode.
	blocks := false
	seen := false
	for k, l := range lines {
		if !blank(l) {
			seen = true
			continue
		}
		if seen && k+1 < len(lines) {
			for _, m := range lines[k+1:] {
				if !blank(m) {
					blocks = true
					break
				}
			}
		}
		if blocks {
			break
		}
	}

	var out []Segment
	add := func(start, end int) {
		if s, e := trimSpan(text, start, end); s < e {
			out = append(out, Segment{Start: s, End: e, Text: text[s:e]})
		}
	}
	if !blocks {
		for _, l := range lines {
			add(l.start, l.end)
		}
		return out
	}
	cur := -1 // start of the open paragraph
	curEnd := 0
	afterHeading := false
	for _, l := range lines {
		s := text[l.start:l.end]
		switch {
		case blank(l):
			if cur >= 0 {
				add(cur, curEnd)
				cur = -1
			}
			continue
		case isHeadingLine(s) || isListItemLine(s) || afterHeading:
			if cur >= 0 {
				add(cur, curEnd)
			}
			cur = l.start
		case cur < 0:
			cur = l.start
		}
		curEnd = l.end
		afterHeading = isHeadingLine(s)
	}
	if cur >= 0 {
		add(cur, curEnd)
	}
	return out
}

// isHeadingLine reports whether a line is a Markdown ATX heading.
func isHeadingLine(s string) bool {
	s = strings.TrimLeft(s, " \t")
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(s) || s[n] == ' ' || s[n] == '\t')
}

// isListItemLine reports whether a line starts with a list marker: a
// bullet, a number or a single letter followed by "." or ")", then a
// space.
func isListItemLine(s string) bool {
	s = strings.TrimLeft(s, " \t")
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '+', '•', '·', '▪', '◦', '–':
		return size < len(s) && (s[size] == ' ' || s[size] == '\t')
	}
	n := 0
	for n < len(s) && isDigit(rune(s[n])) {
		n++
	}
	if n > 0 && n <= 3 {
		return n+1 < len(s) && (s[n] == '.' || s[n] == ')') && (s[n+1] == ' ' || s[n+1] == '\t')
	}
	if unicode.IsLower(r) && size+1 < len(s) && s[size] == ')' && (s[size+1] == ' ' || s[size+1] == '\t') {
		return true
	}
	return false
}

// trimSpan narrows text[start:end] to exclude white space at both ends.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

// SentencesOf returns the sentences of every paragraph of text (see
// [Paragraphs]) in order, with offsets into text. No sentence crosses a
// paragraph boundary.
func SentencesOf(text string) []Segment {
	var out []Segment
	for _, p := range Paragraphs(text) {
		for _, s := range Sentences(p.Text) {
			s.Start += p.Start
			s.End += p.Start
			out = append(out, s)
		}
	}
	return out
}

// Sentences splits text — a paragraph or a whole text — into sentences.
// A blank line always ends a sentence; a single line break is a space.
//
// A sentence ends after '.', '!', '?', '…' or "..." (and any closing
// quotes or brackets after them) followed by white space, unless what
// follows starts with a lower-case letter, or the stop is the dot of an
// abbreviation that does not end sentences here: titles and other
// abbreviations that precede what they qualify (Mr., Dr., проф., ул.,
// им., т. е., e.g., см.), initials (В. В. Путин, J. F. Kennedy), a list
// number at the start of the sentence ("1. …"). Abbreviations that can
// end a sentence (etc., и др., т. д., млн, руб., гг.) end one only before
// a capital; dotted acronyms (U.S.) only before a word that typically
// starts a sentence (The, In, It…). Decimals and dotted names (3.5,
// example.com) have no space after the dot and never split.
func Sentences(text string) []Segment {
	var out []Segment
	start := -1 // start of the current sentence; -1 between sentences
	emit := func(end int) {
		if s, e := trimSpan(text, start, end); s < e {
			out = append(out, Segment{Start: s, End: e, Text: text[s:e]})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if start < 0 {
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			start = i
		}
		switch {
		case r == '\n' && blankLineAfter(text, i+1):
			emit(i)
		case isStop(r):
			j := scanWhile(text, i+size, isStop)
			k := scanWhile(text, j, isStopOrCloser)
			if k == len(text) {
				emit(k)
				i = k
				continue
			}
			if r2, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsSpace(r2) && endsSentence(text, start, i, j, k) {
				emit(k)
				i = k
				continue
			}
			if gluedSentences(text, i, j, k) {
				emit(k)
				i = k
				continue
			}
			i = j
			continue
		}
		i += size
	}
	if start >= 0 {
		emit(len(text))
	}
	return out
}

// gluedSentences reports whether the stops text[stop:stopEnd], followed
// directly (no space) by text[after:], join two sentences whose space was
// lost: "others.The virus survives", "region.Other measures", text copied
// from a web page whose paragraphs were run together. The word before the
// stop must be a plain word of three letters or more with a small letter
// (not an abbreviation, a dotted name or an acronym: "e.g.The", "ASP.Net",
// "ул.Ленина"), and the word after a capitalised word of three letters or
// more, not followed by another dot and letter (a dotted name:
// "Example.Com.au").
func gluedSentences(text string, stop, stopEnd, after int) bool {
	if after >= len(text) {
		return false
	}
	word, wstart := wordBefore(text, stop)
	if utf8.RuneCountInString(word) < 3 || strings.IndexByte(word, '.') >= 0 || abbrevClass(text, word, wstart) != notAbbrev {
		return false
	}
	hasLower := false
	for _, r := range word {
		if !isLetter(r) {
			return false
		}
		hasLower = hasLower || unicode.IsLower(r)
	}
	if !hasLower || stopEnd-stop > 3 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[after:])
	if !unicode.IsUpper(first) {
		return false
	}
	end := scanWhile(text, after, isLetter)
	next := text[after:end]
	if utf8.RuneCountInString(next) < 3 || strings.ToUpper(next) == next {
		return false
	}
	if end < len(text) && text[end] == '.' {
		if r, _ := utf8.DecodeRuneInString(text[end+1:]); isLetter(r) {
			return false
		}
	}
	return true
}

// UnsplitStops reports whether text holds a sentence end that
// [Sentences] does not take for one because a small letter follows: a full
// stop after a plain word of three letters or more (no abbreviation), or
// "!" or "?", then white space and a small letter — "Работает сомелье. он
// помог…", as reviews and posts write. Such a text has more sentences
// than Sentences finds in it.
func UnsplitStops(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' || i+1 >= len(text) || text[i+1] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+2:])
		if !unicode.IsLower(next) || i > 0 && isStop(rune(text[i-1])) {
			continue
		}
		if c != '.' {
			return true
		}
		word, wstart := wordBefore(text, i)
		if utf8.RuneCountInString(word) < 3 || strings.IndexByte(word, '.') >= 0 || abbrevClass(text, word, wstart) != notAbbrev {
			continue
		}
		lower := false
		for _, r := range word {
			if !isLetter(r) {
				lower = false
				break
			}
			lower = lower || unicode.IsLower(r)
		}
		if lower {
			return true
		}
	}
	return false
}

// blankLineAfter reports whether text[i:] starts with a line holding
// only white space (so the line break before i ends a paragraph).
func blankLineAfter(text string, i int) bool {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return false
}

func isStop(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// isStopOrCloser reports whether r may follow a sentence's last stop
// before the space that ends it: more stops, closing quotes and brackets.
func isStopOrCloser(r rune) bool { return isStop(r) || isCloser(r) }

func isCloser(r rune) bool {
	switch r {
	case '»', '"', '”', '’', '\'', ')', ']', '}', '“', '›', '`':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '«', '"', '“', '„', '‘', '\'', '(', '[', '{', '‹', '¿', '¡', '`':
		return true
	}
	return isHyphen(r) // a dialogue dash: "— Да."
}

// endsSentence decides whether the stops text[stop:stopEnd], followed by
// closers up to after (where white space starts), end the sentence that
// began at start.
func endsSentence(text string, start, stop, stopEnd, after int) bool {
	// What comes next: skip spaces, opening quotes, brackets and dashes.
	n := after
	for n < len(text) {
		r, size := utf8.DecodeRuneInString(text[n:])
		if !unicode.IsSpace(r) && !isOpener(r) {
			break
		}
		n += size
	}
	if n == len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[n:])
	if unicode.IsLower(next) {
		return false // a sentence does not start in lower case
	}
	switch next {
	case ',', ';', ':', ')', ']', '}', '»':
		return false // nor with punctuation that continues a sentence
	}
	run := text[stop:stopEnd]
	if run != "." {
		return true // ! ? … ... and their combinations before a non-lower-case start
	}

	// A single dot: is it the dot of an abbreviation, an initial or a
	// list number?
	word, wstart := wordBefore(text, stop)
	if word == "" {
		return true // ")." "»." and the like
	}
	if allDigits(word) {
		if len(word) <= 3 && isListPosition(text, start, wstart) {
			return false // "1. Первое" — a list number, not a sentence
		}
		return true
	}
	capital := unicode.IsUpper(next)
	switch abbrevClass(text, word, wstart) {
	case abbrevNever:
		return false
	case abbrevInitial:
		// "В. В. Путин": another initial or a name follows; "класс S. В
		// соответствии…": a typical first word follows.
		return capital && !initialAhead(text[n:]) && startsSentence(text[n:])
	case abbrevBeforeCapital:
		return capital
	case abbrevBeforeStarter:
		return capital && startsSentence(text[n:])
	}
	return true
}

// wordBefore returns the letters, digits and inner dots just before the
// dot at i ("U.S" in "U.S.", "т.е" in "т.е.", "г" in "2025 г."), and its
// start.
func wordBefore(text string, i int) (string, int) {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !(isLetter(r) || isDigit(r) || (r == '.' && j-size > 0 && j < i)) {
			break
		}
		j -= size
	}
	for j < i && text[j] == '.' {
		j++
	}
	return text[j:i], j
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return s != ""
}

// isListPosition reports whether a number at wstart stands where a list
// marker stands: at the start of the sentence, or after ':' or ';'.
func isListPosition(text string, start, wstart int) bool {
	if wstart <= start {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:wstart]); !unicode.IsSpace(r) {
		return false // 23:45. is a time, not a list
	}
	p := strings.TrimRightFunc(text[:wstart], unicode.IsSpace)
	return strings.HasSuffix(p, ":") || strings.HasSuffix(p, ";")
}

// The ways an abbreviation's dot relates to sentence ends.
type abbrevKind uint8

const (
	notAbbrev           abbrevKind = iota
	abbrevNever                    // precedes what it qualifies: Mr. Smith, т. е., им. Ленина
	abbrevBeforeCapital            // can end a sentence: etc., млн., гг.
	abbrevInitial                  // a single capital: В. В. Путин, but also "Plan B."
	abbrevBeforeStarter            // U.S.: ends one only before a typical first word
)

// Abbreviations by how their dot behaves, in folded form and without
// their final dot (inner dots kept: "т.е", "e.g").
var (
	abbrevsNever = setOf(
		// English titles and prepositive abbreviations
		"mr", "mrs", "ms", "messrs", "dr", "prof", "st", "mt", "ft", "gen", "sen", "rep", "gov", "lt", "col",
		"sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "pres", "supt", "e.g", "i.e", "cf", "vs", "approx",
		"viz", "figs", "pp", "p", "ca",
		// Russian
		"т.е", "т.ч", "т.к", "т.н", "ул", "просп", "пер", "пл", "наб", "бул", "ш", "обл", "р-н",
		"проф", "акад", "доц", "ген", "ген-л", "адм", "полк", "тов", "св", "г-н", "г-жа", "см", "ср", "напр",
		"рис", "табл", "гл", "ст", "п", "пп", "ч", "с", "стр", "разд", "прим", "ред", "пер", "изд", "дж",
		"оз", "о", "р", "пос", "дер", "прибл", "род", "ум", "букв", "ок", "т.н", "англ", "рус", "нем", "франц", "лат", "греч",
	)
	abbrevsBeforeCapital = setOf(
		"etc", "inc", "ltd", "co", "corp", "jr", "sr", "bros", "no", "nos", "ph.d", "al",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"т.д", "т.п", "др", "пр", "млн", "млрд", "трлн", "тыс", "руб", "долл", "коп", "евро", "гг", "вв",
		"в", "н.э", "до н.э", "янв", "февр", "апр", "авг", "сент", "окт", "нояб", "дек", "мин", "сек", "час",
		"кв", "эт", "шт", "ед", "экз", "чел",
		// words that are also abbreviations before a number (Art. 5, Fig. 2)
		"art", "fig", "sec", "para", "ch", "no", "vol",
	)
	// sentenceStarters are words that begin sentences far more often
	// than they follow "U.S." or an initial inside one.
	sentenceStarters = setOf(
		"the", "a", "an", "in", "on", "at", "it", "he", "she", "they", "we", "i", "you", "this", "that",
		"these", "those", "but", "and", "or", "however", "as", "for", "there", "his", "her", "their", "its",
		"after", "when", "while", "if", "some", "many", "most", "according", "meanwhile", "also", "so",
		"still", "yet", "both", "one", "what", "who", "why", "how", "since", "although", "though", "our",
		"my", "no", "not", "now", "then", "by", "from", "with", "to", "of", "last", "earlier", "later",
		"в", "во", "на", "по", "это", "он", "она", "они", "оно", "но", "однако", "как", "так", "при", "после",
		"с", "со", "для", "его", "их", "ее", "также", "кроме", "тогда", "когда", "если", "хотя", "а", "и",
		"из", "за", "к", "от", "до", "все", "всё", "этот", "эта", "эти", "там", "здесь", "сейчас", "теперь",
		"затем", "потом", "позже", "ранее", "мы", "я", "вы", "поэтому", "впрочем", "между", "согласно",
		"о", "об", "у", "уже", "еще", "ещё", "не", "тем", "итак",
	)
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// abbrevClass tells how the dot after word (which starts at wstart in
// text) behaves.
func abbrevClass(text, word string, wstart int) abbrevKind {
	folded := Fold(word)
	if strings.IndexByte(word, '.') > 0 {
		// Dotted: U.S. and U.N. are acronyms; т.е. and e.g. are listed.
		if upperDotted(word) {
			return abbrevBeforeStarter
		}
		switch {
		case abbrevsNever[folded]:
			return abbrevNever
		case folded == "a.m" || folded == "p.m":
			return abbrevBeforeStarter // "9 p.m. GMT", but "at 5 p.m. The talks…"
		}
		return abbrevBeforeCapital
	}
	first, size := utf8.DecodeRuneInString(word)
	single := size == len(word)
	if single && unicode.IsUpper(first) {
		// An initial (В. В. Путин, J. F. Kennedy) unless glued to what
		// precedes it (Objective-C., 962°C.); a capital letter before a
		// typical first word is rather the end of a sentence (Plan B.).
		if wstart > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:wstart]); !unicode.IsSpace(r) && !isOpener(r) || isHyphen(r) {
				return notAbbrev
			}
		}
		return abbrevInitial
	}
	var prev string
	if pd := prevDot(text, wstart); pd >= 0 {
		prev, _ = wordBefore(text, pd)
	}
	if single && utf8.RuneCountInString(prev) == 1 {
		// The second half of a spaced pair: "т. е.", "т. д.", "в т. ч."
		switch Fold(prev + "." + word) {
		case "т.е", "т.ч", "т.к", "т.н", "e.g", "i.e":
			return abbrevNever
		case "т.д", "т.п", "н.э":
			return abbrevBeforeCapital
		case "a.m", "p.m":
			return abbrevBeforeStarter
		}
	}
	switch folded {
	case "др":
		return abbrevBeforeCapital // "и др."
	case "им":
		// "им." is "имени" before a name (им. М. В. Ломоносова, им.
		// Горького) but also the pronoun "им" ending a sentence.
		if nameAfter(text[wstart+len(word)+1:]) {
			return abbrevNever
		}
		return notAbbrev
	case "г", "гг", "вв", "в":
		// "г." after a year ("в 2025 г.") often ends a sentence (though
		// not in "в 1970-х гг. Бжезинский…"); before a name without a
		// number ("г. Москва") it is "город" and never does.
		p := strings.TrimRightFunc(text[:wstart], unicode.IsSpace)
		if r, _ := utf8.DecodeLastRuneInString(p); isDigit(r) || isLetter(r) && r < utf8.RuneSelf || r == 'х' || r == 'е' {
			return abbrevBeforeCapital // a year, a decade (1970-х гг.) or a Roman century (XX в.)
		}
		if folded == "г" {
			return abbrevNever
		}
		return abbrevBeforeCapital
	}
	switch {
	case abbrevsNever[folded]:
		return abbrevNever
	case abbrevsBeforeCapital[folded]:
		return abbrevBeforeCapital
	}
	return notAbbrev
}

// nameAfter reports whether s starts (after spaces) with an initial or
// a capitalised word in the genitive of a name (Ломоносова, Горького).
func nameAfter(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	end := scanWhile(s, 0, isLetter)
	w := s[:end]
	first, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return false
	}
	if size == len(w) {
		return end < len(s) && s[end] == '.' // an initial
	}
	for _, suf := range []string{"ова", "ева", "ёва", "ина", "ына", "ого", "его"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// prevDot returns the offset of the dot ending the word before the one
// at wstart ("т" in "т. е."), or -1 if that word does not end in a dot.
func prevDot(text string, wstart int) int {
	p := strings.TrimRightFunc(text[:wstart], unicode.IsSpace)
	if p == "" || p[len(p)-1] != '.' || len(p) == wstart {
		return -1
	}
	return len(p) - 1
}

// upperDotted reports whether s is single capitals joined by dots (U.S,
// U.N, U.S.A).
func upperDotted(s string) bool {
	n := 0
	for i, r := range s {
		_ = i
		if n%2 == 0 {
			if !unicode.IsUpper(r) {
				return false
			}
		} else if r != '.' {
			return false
		}
		n++
	}
	return n >= 3 && n%2 == 1
}

// initialAhead reports whether s starts with a single capital letter and
// a dot (the next initial of В. В. Путин).
func initialAhead(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && size < len(s) && s[size] == '.'
}

// startsSentence reports whether s begins with a word that typically
// starts an English sentence.
func startsSentence(s string) bool {
	end := scanWhile(s, 0, isLetter)
	return sentenceStarters[Fold(s[:end])]
}
