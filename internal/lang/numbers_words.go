package lang

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// numberWord is the meaning of a number word: its value, whether it is
// an ordinal (пятый, fifth), and whether it is a multiple of ten that a
// unit word may follow (двадцать один, twenty-one).
type numberWord struct {
	value   float64
	ordinal bool
	tens    bool
	time    bool // a time of day: noon, «полночь»
	// part marks a plain cardinal that composes with the next one
	// (сто двадцать пять, one hundred and twenty-five); counting nouns
	// and multipliers (десяток, вдвое, dozen) do not.
	part bool
	// decade marks a word for a decade (nineties): the years 1990–1999
	// as much as «90-е».
	decade bool
}

// numberWords maps folded number words, Russian in all their case forms,
// to their meaning. English style spells out numbers up to nine or ten
// where Russian writes digits, and the other way round, so the number
// check must see «4 минуты» and "four minutes" as the same number.
//
// It and numberWordShapes are built on first use, not at start-up:
// only checks read numbers.
var numberWordTables = sync.OnceValues(func() (map[string]numberWord, map[string]uint64) {
	words := buildNumberWords()
	return words, numberWordShapesOf(words)
})

// numberWordShapes holds, for the first three letters of every number
// word (lower case, ё as е), a bit set of the byte lengths the words
// have: a filter that keeps Fold and the map lookup off almost every
// other word of a text.
func numberWordShapesOf(numberWords map[string]numberWord) map[string]uint64 {
	m := make(map[string]uint64)
	for w := range numberWords {
		if len(w) < 64 {
			var buf [12]byte
			m[string(wordPrefix(buf[:0], w))] |= 1 << len(w)
		}
	}
	return m
}

// wordPrefix appends to b the first three letters of w in lower case
// with ё as е, the key of numberWordShapes.
func wordPrefix(b []byte, w string) []byte {
	n := 0
	for _, r := range w {
		if n == 3 {
			break
		}
		r = unicode.ToLower(r)
		if r == 'ё' {
			r = 'е'
		}
		b = utf8.AppendRune(b, r)
		n++
	}
	return b
}

func buildNumberWords() map[string]numberWord {
	m := make(map[string]numberWord, 1200)
	card := func(v float64, forms ...string) {
		for _, f := range forms {
			m[f] = numberWord{value: v, tens: v >= 20 && v <= 90, part: true}
		}
	}
	// count is a counting noun or a multiplier: a number on its own,
	// never part of a compound numeral.
	count := func(v float64, forms ...string) {
		for _, f := range forms {
			m[f] = numberWord{value: v}
		}
	}
	ord := func(v float64, forms ...string) {
		for _, f := range forms {
			m[f] = numberWord{value: v, ordinal: true, part: true}
		}
	}

	// Russian cardinals.
	card(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одну", "одном", "одною")
	card(2, "два", "две", "двух", "двум", "двумя")
	card(3, "три", "трех", "трем", "тремя")
	card(4, "четыре", "четырех", "четырем", "четырьмя")
	count(2, "двое", "двоих")
	count(3, "трое", "троих")
	count(4, "четверо", "четверых")
	count(1.5, "полтора", "полторы", "полутора")
	for stem, v := range map[string]float64{
		"пят": 5, "шест": 6, "сем": 7, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
		"тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17,
		"восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
	} {
		card(v, stem+"ь", stem+"и", stem+"ью")
	}
	card(8, "восемь", "восьми", "восемью", "восьмью")
	count(5, "пятеро", "пятерых")
	count(6, "шестеро", "шестерых")
	count(7, "семеро", "семерых")
	card(40, "сорок", "сорока")
	card(50, "пятьдесят", "пятидесяти", "пятьюдесятью")
	card(60, "шестьдесят", "шестидесяти", "шестьюдесятью")
	card(70, "семьдесят", "семидесяти", "семьюдесятью")
	card(80, "восемьдесят", "восьмидесяти", "восьмьюдесятью")
	card(90, "девяносто", "девяноста")
	card(100, "сто", "ста") // «более ста человек»
	card(200, "двести", "двухсот")
	card(300, "триста", "трехсот")
	card(400, "четыреста", "четырехсот")
	card(500, "пятьсот", "пятисот")
	card(600, "шестьсот", "шестисот")
	card(700, "семьсот", "семисот")
	card(800, "восемьсот", "восьмисот")
	card(900, "девятьсот", "девятисот")

	// Russian ordinals: adjective endings on the ordinal stem.
	hard := []string{"ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ыми", "ых", "ую", "ом"}
	for stem, v := range map[string]float64{
		"перв": 1, "втор": 2, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
		"десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
		"пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19,
		"двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60,
		"семидесят": 70, "восьмидесят": 80, "девяност": 90, "сот": 100,
	} {
		for _, e := range hard {
			ord(v, stem+e)
		}
	}
	for _, e := range []string{"ий", "ья", "ье", "ьи", "ьего", "ьей", "ьему", "ьим", "ьими", "ьих", "ью", "ьем"} {
		ord(3, "трет"+e)
	}
	// "ой" also makes "пятой" and "шестой", but "втор"+"ый" is no word;
	// the map just holds a form nobody writes.

	// English.
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"} {
		card(float64(i+1), w)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		card(float64(20+10*i), w)
	}
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
		"seventeenth", "eighteenth", "nineteenth"} {
		ord(float64(i+1), w)
	}
	for i, w := range []string{"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
		"eightieth", "ninetieth"} {
		ord(float64(20+10*i), w)
	}
	ord(100, "hundredth")
	// Decades in words: the nineties, «нулевые» (the 2000s). Russian
	// «девяностые» is the plural of the ordinal too; word gives it the
	// decade as its other reading.
	for i, w := range []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		m[w] = numberWord{value: float64(20 + 10*i), decade: true}
	}
	for _, w := range []string{"нулевые", "нулевых", "нулевыми", "noughties"} {
		m[w] = numberWord{value: 0, decade: true}
	}

	// Counting nouns and multipliers: a dozen, «десяток», «вдвое», twice;
	// a scale word alone is its own number (around a thousand = «около
	// тысячи»); half of one in one word (полмиллиона).
	count(10, "десяток", "десятка", "десятку", "десятком", "десятке", "десятки", "десятков")
	count(12, "dozen", "дюжина", "дюжины", "дюжину", "дюжиной", "дюжин")
	count(100, "hundred", "сотня", "сотни", "сотню", "сотней", "сотен")
	count(1e3, "thousand", "тысяча", "тысячи", "тысячу", "тысячей", "тысяч")
	count(1e6, "million", "миллион", "миллиона", "миллиону", "миллионом", "миллионе")
	count(1e9, "billion", "миллиард", "миллиарда", "миллиарду", "миллиардом", "миллиарде")
	count(0.5, "half")
	count(500, "полтысячи")
	count(5e5, "полмиллиона")
	count(5e8, "полмиллиарда")
	count(2, "twice", "вдвое", "двукратно")
	count(3, "thrice", "втрое", "трижды", "трехкратно")
	count(4, "вчетверо")
	count(5, "впятеро")
	count(10, "вдесятеро")
	for _, w := range []string{"noon", "midday", "полдень", "полудня", "полуднем"} {
		m[w] = numberWord{value: 12, time: true}
	}
	for _, w := range []string{"midnight", "полночь", "полуночи", "полуночью"} {
		m[w] = numberWord{value: 0, time: true}
	}
	return m
}

// word reads a number written in words at i (пять, двадцать один,
// twenty-first, два миллиарда, five percent); i starts a word.
func (p *numParser) word(i int) (Numeral, int, bool) {
	text := p.text
	end := scanLetters(text, i)
	if end-i < 3 || end-i >= 64 {
		return Numeral{}, end, false
	}
	var buf [12]byte
	numberWords, numberWordShapes := numberWordTables()
	if numberWordShapes[string(wordPrefix(buf[:0], text[i:end]))]&(1<<(end-i)) == 0 {
		return Numeral{}, end, false // the map index does not allocate
	}
	w, ok := numberWords[Fold(text[i:end])]
	if !ok {
		return Numeral{}, end, false
	}
	n := Numeral{Start: i, Value: w.value, Kind: Plain, Word: true}
	if (w.part || w.value == 1.5) && !w.ordinal {
		w.value, w.ordinal, end = p.compound(w.value, end, numberWords)
	}
	n.Value = w.value
	switch {
	case w.decade:
		n.Kind = Year
	case w.time:
		n.Kind = Time
	case w.ordinal:
		n.Kind = Ordinal
		if w.value >= 20 && w.value <= 90 && pluralOrdinal(text[i:end]) {
			// «девяностые», «в восьмидесятых»: the decade, more often
			// than the plural of the ordinal.
			n.Alt, n.AltKind = w.value, Year
		}
	case w.value == 0.5:
		// half a million, half a billion
		j := end
		if strings.HasPrefix(text[j:], " a ") {
			if m, sEnd := p.scaleWord(j+3, false); m != 0 {
				n.Value *= m
				end = sEnd
			}
		}
	default:
		if m, sEnd := p.scaleWord(end, false); m != 0 {
			n.Value *= m
			end = sEnd
		}
		if pEnd, ok := p.percentSign(end); ok {
			n.Kind = Percent
			end = pEnd
		}
	}
	n.Hi = n.Value
	n.End = end
	n.Text = text[i:end]
	return n, end, true
}

// compound reads the rest of a cardinal written in several words after
// its first word (of value v, ending at end): сто двадцать пять, two
// hundred and five, twenty-one, двадцать первый. Each next word must be
// of a lower order than the last (a hundred, then tens, then units); an
// English unit or teen may be followed by "hundred". The last word may be
// an ordinal (сто двадцать первый, twenty-first).
func (p *numParser) compound(v float64, end int, words map[string]numberWord) (float64, bool, int) {
	text := p.text
	last := v // the value of the last word, whose order bounds the next
	for {
		if v == last && v < 10 {
			// три с половиной миллиона, two and a half years
			for _, half := range []string{" с половиной", " and a half"} {
				if strings.HasPrefix(text[end:], half) && (end+len(half) == len(text) || !isLetter(rune(text[end+len(half)]))) {
					return v + 0.5, false, end + len(half)
				}
			}
		}
		j := end
		if j >= len(text) || (text[j] != ' ' && text[j] != '-') {
			return v, false, end
		}
		k := j + 1
		e := scanLetters(text, k)
		if e == k {
			return v, false, end
		}
		next := Fold(text[k:e])
		if next == "hundred" && last >= 1 && last < 20 && last == v {
			v *= 100 // two hundred, nineteen hundred
			last, end = 100, e
			if strings.HasPrefix(text[end:], " and ") {
				// "two hundred and five": the "and" belongs to the number
				// only when a smaller number word follows it.
				if e2 := scanLetters(text, end+5); e2 > end+5 {
					if u, ok := words[Fold(text[end+5:e2])]; ok && u.part && u.value < 100 {
						end += 4 // the next word is read from the space before it
					}
				}
			}
			continue
		}
		u, ok := words[next]
		if ok && !u.part && v == last && v < 10 && (u.value == 10 || u.value == 12 || u.value == 100) && !u.decade && !u.time {
			// два десятка, полтора десятка, two dozen, две сотни
			return v * u.value, false, e
		}
		if !ok || !u.part || u.value != math.Trunc(u.value) || u.value < 1 {
			return v, false, end
		}
		var order float64 // the largest value the next word may have
		switch {
		case last >= 100 && math.Mod(last, 100) == 0:
			order = 99
		case last >= 20 && last < 100 && math.Mod(last, 10) == 0:
			order = 9
		default:
			return v, false, end
		}
		if u.value > order {
			return v, false, end
		}
		v += u.value
		last, end = u.value, e
		if u.ordinal {
			return v, true, end
		}
	}
}

// pluralOrdinal reports whether w ends like a Russian adjective in the
// plural (-ые, -ых, -ыми): «девяностые», «восьмидесятых».
func pluralOrdinal(w string) bool {
	return strings.HasSuffix(w, "ые") || strings.HasSuffix(w, "ых") || strings.HasSuffix(w, "ыми")
}
