package lang

import (
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
			m[f] = numberWord{value: v, tens: v >= 20 && v <= 90}
		}
	}
	ord := func(v float64, forms ...string) {
		for _, f := range forms {
			m[f] = numberWord{value: v, ordinal: true}
		}
	}

	// Russian cardinals.
	card(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одну", "одном", "одною")
	card(2, "два", "две", "двух", "двум", "двумя", "двое", "двоих")
	card(3, "три", "трех", "трем", "тремя", "трое", "троих")
	card(4, "четыре", "четырех", "четырем", "четырьмя", "четверо", "четверых")
	card(1.5, "полтора", "полторы", "полутора")
	for stem, v := range map[string]float64{
		"пят": 5, "шест": 6, "сем": 7, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
		"тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17,
		"восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
	} {
		card(v, stem+"ь", stem+"и", stem+"ью")
	}
	card(8, "восемь", "восьми", "восемью", "восьмью")
	card(5, "пятеро", "пятерых")
	card(6, "шестеро", "шестерых")
	card(7, "семеро", "семерых")
	card(40, "сорок", "сорока")
	card(50, "пятьдесят", "пятидесяти", "пятьюдесятью")
	card(60, "шестьдесят", "шестидесяти", "шестьюдесятью")
	card(70, "семьдесят", "семидесяти", "семьюдесятью")
	card(80, "восемьдесят", "восьмидесяти", "восьмьюдесятью")
	card(90, "девяносто", "девяноста")
	card(100, "сто")
	card(200, "двести", "двухсот")
	card(300, "триста", "трехсот")
	card(400, "четыреста", "четырехсот")
	card(500, "пятьсот", "пятисот")

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

	// Counting nouns and multipliers: a dozen, «десяток», «вдвое», twice;
	// a scale word alone is its own number (around a thousand = «около
	// тысячи»); half of one in one word (полмиллиона).
	card(10, "десяток", "десятка", "десятку", "десятком", "десятке", "десятки", "десятков")
	card(12, "dozen", "дюжина", "дюжины", "дюжину", "дюжиной", "дюжин")
	card(100, "hundred", "сотня", "сотни", "сотню", "сотней", "сотен")
	card(1e3, "thousand", "тысяча", "тысячи", "тысячу", "тысячей", "тысяч")
	card(1e6, "million", "миллион", "миллиона", "миллиону", "миллионом", "миллионе")
	card(1e9, "billion", "миллиард", "миллиарда", "миллиарду", "миллиардом", "миллиарде")
	card(0.5, "half")
	card(500, "полтысячи")
	card(5e5, "полмиллиона")
	card(5e8, "полмиллиарда")
	card(2, "twice", "вдвое", "двукратно")
	card(3, "thrice", "втрое", "трижды", "трехкратно")
	card(4, "вчетверо")
	ord(0, "нулевые", "нулевых", "нулевыми", "нулевым") // the 2000s, the "00s"
	card(5, "впятеро")
	card(10, "вдесятеро")
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
	if w.tens {
		// A unit after a ten: "twenty-one", "двадцать один", "двадцать первый".
		j := end
		if j < len(text) && (text[j] == ' ' || text[j] == '-') {
			k := j + 1
			e := scanLetters(text, k)
			if u, ok := numberWords[Fold(text[k:e])]; ok && e > k && u.value >= 1 && u.value <= 9 && u.value == float64(int(u.value)) {
				w.value += u.value
				w.ordinal = u.ordinal
				end = e
			}
		}
	}
	n.Value = w.value
	switch {
	case w.time:
		n.Kind = Time
	case w.ordinal:
		n.Kind = Ordinal
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
		} else if end+8 <= len(text) && text[end] == ' ' && Fold(text[end+1:end+8]) == "hundred" {
			n.Value *= 100 // "two hundred"
			end += 8
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
