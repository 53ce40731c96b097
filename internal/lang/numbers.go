package lang

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NumeralKind tells what a [Numeral] denotes. (The type is not called
// Number because [Number] is already the token kind.)
type NumeralKind uint8

// The kinds of [Numeral].
const (
	Plain   NumeralKind = iota + 1 // a count or amount: 240 млрд, 1 234 567, 3.5, 2-х
	Percent                        // 26,3 %, 26.3 percent, 5–7 % (a range of percentages has Hi > Value)
	Year                           // a four-digit year 1000–2100 (2025, 2025 г.) or a decade (1990-х, 1990s)
	Range                          // a range of plain numbers or years: 2023–2024, 2023-24, 5–7 млн
	Ordinal                        // 21-й, 21st, XXI (век), Николай II; a range of them has Hi > Value
	Date                           // a numeric date dd.mm.yyyy; Value is yyyymmdd
	Time                           // a time of day hh:mm; Value is hh.mm, so 23:45 = 23.45
)

var numeralKindNames = [...]string{"", "plain", "percent", "year", "range", "ordinal", "date", "time"}

// String returns the kind's lower-case name.
func (k NumeralKind) String() string {
	if int(k) < len(numeralKindNames) && k > 0 {
		return numeralKindNames[k]
	}
	return "NumeralKind(" + strconv.Itoa(int(k)) + ")"
}

// Numeral is a number written in a text, with its normalised value, so
// that the same quantity written the Russian and the English way compares
// equal: «240 млрд» and "$240 bn" are both 240e9, «26,3 %» and "26.3
// percent" both the percentage 26.3, «XXI век» and "21st century" both
// the ordinal 21.
type Numeral struct {
	Start, End int         // byte offsets of the numeral in the text, scale word and % sign included
	Text       string      // text[Start:End]
	Value      float64     // the value, scale applied; the lower end of a range
	Hi         float64     // the upper end of a range; equal to Value otherwise
	Kind       NumeralKind // what the value denotes
	// Word marks a number written in words (пять, двадцать первый,
	// twenty-one, two billion): [SameNumbers] lets it stand for digits on
	// the other side but never reports it missing or extra, because
	// "one" and «один» are as often pronouns as numbers.
	Word bool
	// Alt is another reading of the written number, of kind AltKind (0
	// when there is none): "0500" is also the time 5:00, "14 K" also 14
	// (carats, kelvin, a 5K run), «19 век» also the years from 1800,
	// 03/04/2021 also the 4th of March. [SameNumbers] matches by it only
	// what nothing matched by the first reading.
	Alt     float64
	AltKind NumeralKind

	scale float64 // the multiplier of the scale word, 0 without one
	altHi float64 // the upper end of a range read the other way, 0 for Alt
}

// IsRange reports whether n spans two values (2023–2024, 5–7 %).
func (n Numeral) IsRange() bool { return n.Hi != n.Value }

// Numbers returns the numerals of text in order: Arabic numbers with
// their scale words and percent signs, ranges, ordinals, centuries and
// regnal numbers in Roman numerals, numeric dates.
//
// Thousands may be grouped with spaces of any kind (1 234 567, thin and
// no-break spaces included), commas or dots (1,234,567 · 1.234.567); the
// decimal mark is a comma or a dot. A single comma followed by exactly
// three digits ("1,234") is a decimal comma in Cyrillic text and a
// thousands separator otherwise, the script being that of the whole text
// (a Russian article is Cyrillic even where a sentence quotes English).
// Times (23:45) are hh.mm, so that they equal the English 23.45. Scale
// words in both languages multiply the value: тыс., млн, млрд, трлн,
// тысяча…, миллион…; thousand, million, billion, trillion, k, mn, bn, tn,
// and m/b after a currency sign ($5m). Numbers glued to a
// preceding letter (G20, MH17) are names, not numerals, and are skipped.
// Number words up to a hundred or so, cardinal and ordinal, Russian in
// all cases (пять, двух, двадцать первый, полтора; five, twenty-first,
// two billion), counting words (a dozen, десяток, вдвое, пятеро, тысячи,
// half a million, полмиллиона) and noon and midnight are numerals with
// [Numeral.Word] set.
//
// Numbers are read the ways translations write them: times on both
// clocks, in words (17 часов 47 минут), run together (0500, 1200 GMT),
// with a hyphen (10-00) or a look-alike colon (01։23); seasons (2019/20);
// the Indian scale and grouping (1.5 lakh, 2 crore, 2,06,737); dates with
// slashes; dimensions (16x12); .08 and 10~20%. An equal or falling pair
// (1-1, 3-1) is two numbers, a score, not a range. Where a number reads
// two ways, the other reading is kept in [Numeral.Alt].
func Numbers(text string) []Numeral {
	p := numParser{text: text, latin: ScriptOf(text) != Cyrillic}
	var out []Numeral
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isTimesLetter(r) && p.dimensionAt(i, size) {
			i += size // 16x12, 60х100: the letter stands for ×
			continue
		}
		switch {
		case isDigit(r) || (isMinus(r) && p.minusAt(i, size)) || (r == '.' && p.leadingDot(i)):
			n, end, ok := p.number(i)
			if ok {
				out = append(out, n)
			}
			if end <= i {
				end = i + size
			}
			i = end
			continue
		case isRomanLetter(r) && !p.letterBefore(i):
			if n, end, ok := p.roman(i); ok {
				out = append(out, n)
				i = end
				continue
			}
		}
		if isLetter(r) {
			if i+2 < len(text) && isDigit(rune(text[i+2])) && p.fiscalBefore(i+2) {
				i += 2 // FY2020: the digits are read as a fiscal year
				continue
			}
			n, end, ok := p.word(i)
			if ok {
				out = append(out, n)
			}
			// Skip the whole word (word returns its end): digits inside
			// it (G20) are not numerals.
			i = max(end, i+size)
			continue
		}
		i += size
	}
	shareUnits(text, out)
	return out
}

// shareUnits gives a bare number the scale word or percent sign of the
// number after it when the two are joined by a connective: «от 3 до 5
// тыс.» is 3000 to 5000, «2 и 1,4 млрд» two billion and 1.4 billion, "5
// or 6 percent" two percentages, as their translations write them.
func shareUnits(text string, ns []Numeral) {
	for k := 1; k < len(ns); k++ {
		a, b := &ns[k-1], ns[k]
		if a.Word || b.Word || a.scale != 0 || a.IsRange() || (a.Kind != Plain && a.Kind != Year) ||
			(b.scale == 0 && b.Kind != Percent) {
			continue
		}
		switch Fold(strings.TrimSpace(text[a.End:b.Start])) {
		case "до", "to", "-":
			raw := b.Value
			if b.scale != 0 {
				raw /= b.scale
			}
			if a.Value >= raw {
				continue
			}
		case "и", "или", "and", "or":
			if a.Kind == Year && (b.Kind == Percent || b.Value < 1000) {
				continue // "for 2023 and 6.5%": a year, then another figure
			}
		default:
			continue
		}
		if b.scale != 0 {
			a.Value *= b.scale
			a.Hi *= b.scale
			a.scale = b.scale
			a.Kind = Plain
		}
		if b.Kind == Percent {
			a.Kind = Percent
		}
	}
}

type numParser struct {
	text  string
	latin bool // the text is not Cyrillic: "1,234" groups thousands
}

func isMinus(r rune) bool { return r == '-' || r == '−' }

// minusAt reports whether the minus at i signs the number after it: a
// digit follows, and it does not stand between two numbers (a range) or
// inside a word (COVID-19).
func (p *numParser) minusAt(i, size int) bool {
	if i+size >= len(p.text) || !isDigit(rune(p.text[i+size])) {
		return false
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(p.text[:i])
	if unicode.IsSpace(r) {
		// A dash after a number and a space is punctuation, not a sign:
		// «в 2021 -48,2%» is "in 2021, 48.2%".
		before := strings.TrimRight(p.text[:i], " \u00a0\u202f")
		last, _ := utf8.DecodeLastRuneInString(before)
		return !isDigit(last) && last != '%'
	}
	return r == '(' || r == '[' || r == '/' || r == ':'
}

// letterBefore reports whether a letter directly precedes offset i,
// other than the x of a dimension (16x12).
func (p *numParser) letterBefore(i int) bool {
	if i == 0 {
		return false
	}
	r, size := utf8.DecodeLastRuneInString(p.text[:i])
	if isTimesLetter(r) && p.dimensionAt(i-size, size) {
		return false
	}
	return isLetter(r)
}

// fiscalBefore reports whether the digits at i follow the letters FY
// glued to them as a word of their own (FY2020, FY20): a fiscal year.
func (p *numParser) fiscalBefore(i int) bool {
	if i < 2 || (p.text[i-2] != 'F' && p.text[i-2] != 'f') || (p.text[i-1] != 'Y' && p.text[i-1] != 'y') {
		return false
	}
	if i == 2 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(p.text[:i-2])
	return !isLetter(r) && !isDigit(r)
}

// isTimesLetter reports whether r is a letter written for the
// multiplication sign in dimensions: Latin or Cyrillic x.
func isTimesLetter(r rune) bool { return r == 'x' || r == 'X' || r == 'х' || r == 'Х' }

// dimensionAt reports whether the letter at i (of size bytes) stands
// between two digits, as the x of 16x12 does.
func (p *numParser) dimensionAt(i, size int) bool {
	if i == 0 || i+size >= len(p.text) || !isDigit(rune(p.text[i+size])) {
		return false
	}
	return isDigit(rune(p.text[i-1]))
}

// leadingDot reports whether the dot at i starts a decimal written
// without its zero (.08%): a digit follows, and a space, a bracket or
// the start of the text precedes.
func (p *numParser) leadingDot(i int) bool {
	if i+1 >= len(p.text) || !isDigit(rune(p.text[i+1])) {
		return false
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(p.text[:i])
	return unicode.IsSpace(r) || r == '('
}

// scanWhile returns the end of the run of runes at i of which in holds:
// i itself when the rune at i is not one of them.
func scanWhile(text string, i int, in func(rune) bool) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !in(r) {
			break
		}
		i += size
	}
	return i
}

// scanLetters returns the end of the run of letters and digits at i.
func scanLetters(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII fast path: most of the scanning of English text.
			if (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= '0' && c <= '9' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !(r >= 'А' && r <= 'я') && !isLetter(r) {
			break
		}
		i += size
	}
	return i
}

// literal is one written number before interpretation.
type literal struct {
	start, end int
	value      float64
	plainInt   bool // digits only, no separators or sign
	digits     int  // number of digits before any separator
	date       bool
	alt        float64 // another reading of a date (the month and day swapped), 0 for none
}

// number reads the numeral starting at i (a digit or a minus sign).
func (p *numParser) number(i int) (Numeral, int, bool) {
	text := p.text
	fiscal := p.fiscalBefore(i)
	if p.letterBefore(i) && !fiscal {
		return Numeral{}, scanLetters(text, i), false // G20, MH17
	}
	lo, ok := p.literal(i)
	if !ok {
		return Numeral{}, lo.end, false
	}
	if fiscal {
		// FY2020, FY20, FY2019-20: a fiscal year, whose two-digit form
		// is of this century.
		if !lo.plainInt || (lo.digits != 2 && lo.digits != 4) {
			return Numeral{}, scanLetters(text, i), false
		}
		if lo.digits == 2 {
			lo.value += 2000
			lo.digits = 4
		}
	}
	if n, end, ok := p.stage(lo); ok {
		return n, end, true
	}
	if lo.plainInt && (lo.value == 45 || lo.value == 90 || lo.value == 105 || lo.value == 120) {
		// 90+3: a minute of stoppage time, the 93rd minute, as English
		// and Russian sports reports write it either way.
		if k := lo.end + 1; k < len(text) && text[lo.end] == '+' && isDigit(rune(text[k])) {
			e := scanWhile(text, k, isDigit)
			if add, _ := strconv.Atoi(text[k:e]); e-k <= 2 && add >= 1 && add <= 30 {
				lo.value += float64(add)
				lo.end, lo.plainInt = e, false
			}
		}
	}
	n := Numeral{Start: lo.start, End: lo.end, Value: lo.value, Hi: lo.value, Kind: Plain}
	if lo.date {
		n.Kind = Date
		n.Text = text[n.Start:n.End]
		if lo.alt != 0 {
			n.Alt, n.AltKind = lo.alt, Date
		}
		return n, n.End, true
	}
	// Times are compared as hh.mm: 23:45 is written 23.45 or 23:45 in
	// English and Russian alike, and 6.30 is half past six.
	clock := func(h, m float64, end int) (Numeral, int, bool) {
		n.Kind = Time
		n.Value = h + m/100
		n.Hi = n.Value
		n.End = end
		n.Text = text[n.Start:n.End]
		return n, end, true
	}
	if h, m, tEnd, ok := p.clockWords(lo); ok {
		return clock(h, m, tEnd) // «17 часов 47 минут»
	}
	if h, m, ok := p.militaryTime(lo); ok {
		return clock(h, m, lo.end) // 0500, 1200 GMT
	}
	if h, m, tEnd, ok := p.hyphenTime(lo); ok {
		return clock(h, m, tEnd) // «с 10-00 до 22-00»: Russian informal writing
	}
	if h, m, tEnd, ok := p.timeOfDay(lo); ok {
		// English writes the 12-hour clock (3:30 pm) where Russian
		// writes 15:30.
		if h12, end, ok := p.meridiem(tEnd, h, true); ok {
			h, tEnd = h12, end
		}
		return clock(h, m, tEnd)
	}
	// 5.30pm, 5.30 p.m.: the 12-hour clock with a dot, read as a time
	// only when the marker follows (5.30 alone is a decimal).
	if lit := text[lo.start:lo.end]; len(lit) >= 4 && len(lit) <= 5 && lit[len(lit)-3] == '.' &&
		isDigit(rune(lit[len(lit)-1])) && isDigit(rune(lit[len(lit)-2])) && isDigit(rune(lit[0])) {
		hh := math.Floor(lo.value)
		mm := math.Round((lo.value - hh) * 100)
		if h24, end, ok := p.meridiem(lo.end, hh, true); ok && mm < 60 {
			return clock(h24, mm, end)
		}
	}
	// An hour on the 12-hour clock: 3 pm, «3 часа дня».
	var phraseHour float64 = -1
	if lo.plainInt && lo.digits <= 2 {
		if h, end, ok := p.meridiem(lo.end, lo.value, false); ok {
			return clock(h, 0, end)
		}
		// "at 9 in the evening": a time, or nine people in an evening
		// raid; «в 10 вечера» 22:00, or ten evenings («10 вечера
		// подряд»), «3 дня» three days.
		if rest := strings.TrimLeft(text[lo.end:], " \u00a0"); strings.HasPrefix(rest, "in the ") || strings.HasPrefix(rest, "at night") || ruMeridiemAt(rest) {
			if h, _, ok := p.meridiem(lo.end, lo.value, true); ok {
				phraseHour = h
			}
		}
	}

	// 24/7: around the clock, «круглосуточно».
	if lo.plainInt && lo.value == 24 && strings.HasPrefix(text[lo.end:], "/7") && (lo.end+2 == len(text) || !isDigit(rune(text[lo.end+2]))) {
		n.End = lo.end + 2
		n.Text = text[n.Start:n.End]
		return n, n.End, true
	}

	// A range: 2023–2024, 2023-24, 5 – 7.
	end := lo.end
	if y, ok := p.shortSeason(lo); ok {
		// "the 19/20 season": nineteen and twenty as written, a season
		// of two years as the other reading.
		n.Hi, n.Kind = lo.value+1, Range
		n.Alt, n.altHi, n.AltKind = y, y+1, Range
		end = lo.end + 3
	} else if hi, hiEnd, ok := p.rangeEnd(lo); ok {
		n.Hi = hi
		end = hiEnd
		n.Kind = Range
	}

	// Suffixes and scale: 21-й, 1990-х, 21st, 1990s, 240 млрд, 26,3 %.
	scale := 1.0
	switch sfx, sEnd := p.suffix(end); {
	case sfx != "":
		end = sEnd
		switch k := classifySuffix(sfx, lo); k {
		case Ordinal, Year, Percent:
			n.Kind = k
		}
	default:
		at := end
		if at < len(text) && text[at] == '+' {
			at++ // $300+ billion, 50+ %
		}
		if at < len(text) && text[at] == '-' {
			// a Rs 500-crore project, a $5-billion deal: a scale word,
			// not a letter (a 5-m wall).
			if m, sEnd := p.scaleWord(at+1, false); m != 0 && sEnd-at > 2 {
				at++
			}
		}
		if m, sEnd := p.scaleWord(at, p.currencyBefore(n.Start)); m != 0 {
			scale = m
			if w := strings.TrimSpace(text[at:sEnd]); len(w) == 1 {
				// 14 K, 5K, $5m, 3000-6000K: one letter is as often a
				// unit (carats, kelvin, kilometres, metres) as a scale.
				n.Alt, n.AltKind, n.altHi = n.Value, Plain, n.Hi
			}
			end = sEnd
		}
		if scale == 1 && p.millionLetter(end) {
			// 1.5m people: British news writes millions so, but 5m is
			// as often five metres.
			n.Alt, n.AltKind, n.altHi = n.Value*1e6, Plain, n.Hi*1e6
		}
		if pEnd, ok := p.percentSign(at); ok && scale == 1 {
			end = pEnd
			n.Kind = Percent
		} else if pEnd, ok := p.percentSign(end); ok {
			end = pEnd
			n.Kind = Percent
		}
	}
	n.Value *= scale
	n.Hi *= scale
	if scale != 1 {
		n.scale = scale
	}
	if n.Kind == Plain && scale == 1 && lo.plainInt && lo.digits == 4 && n.Value >= 1000 && n.Value <= 2100 {
		n.Kind = Year
	}
	if (n.Kind == Plain || n.Kind == Ordinal) && !n.IsRange() && scale == 1 && centuryAfter(text[end:]) {
		// «19 век», "19th century": also the years from 1800 (the 1800s).
		n.Kind = Ordinal
		setCentury(&n)
	}
	if n.Kind == Plain && n.AltKind == 0 && !n.IsRange() && scale == 1 && lo.plainInt && lo.digits == 2 && lo.end-lo.start == 2 && p.shortYearAt(lo.start) {
		// «Мисс США-86», "in '21": a year written with two digits.
		y := 1900 + n.Value
		if n.Value <= 40 {
			y += 100
		}
		n.Alt, n.AltKind = y, Year
	}
	if phraseHour >= 0 && n.Kind == Plain && n.AltKind == 0 && !n.IsRange() {
		n.Alt, n.AltKind = phraseHour, Time
	}
	if n.Kind == Range && n.AltKind == 0 && lo.plainInt && lo.digits <= 2 && lo.value <= 24 && scale == 1 {
		// «в 14-30»: hours and minutes written with a hyphen, where the
		// minutes are more than the hours; a range of 14 to 30 first.
		if lit := text[lo.end:end]; len(lit) == 3 && lit[0] == '-' && allDigits(lit[1:]) && n.Hi < 60 {
			n.Alt, n.AltKind = lo.value+n.Hi/100, Time
		}
	}
	if n.Kind == Plain && n.AltKind == 0 && !n.IsRange() {
		// 03.03, 17.05: a day and a month (3 March) as much as a decimal.
		if lit := text[lo.start:lo.end]; len(lit) == 5 && lit[2] == '.' && allDigits(lit[:2]) && allDigits(lit[3:]) {
			d, _ := strconv.Atoi(lit[:2])
			m, _ := strconv.Atoi(lit[3:])
			if d >= 1 && d <= 31 && m >= 1 && m <= 12 {
				n.Alt, n.AltKind = float64(d), Plain
			}
		}
	}
	if (n.Kind == Plain || n.Kind == Percent) && !n.IsRange() && n.Value > 0 && p.minusWordBefore(n.Start) {
		n.Value, n.Hi = -n.Value, -n.Value // minus 5 degrees, «минус 5 градусов»
	}
	n.End = end
	n.Text = text[n.Start:n.End]
	return n, end, true
}

// stage reads a stage of a knockout tournament written as a fraction of
// the final («1/8 финала» is the round of 16, «1/4 финала» the
// quarter-finals): a number in words of the teams left, since English
// says "the last 16", "the round of 16" or "the quarter-finals" (or
// keeps the fraction: "the 1/4 final").
func (p *numParser) stage(lo literal) (Numeral, int, bool) {
	text := p.text
	if !lo.plainInt || lo.value != 1 || lo.end+2 >= len(text) || text[lo.end] != '/' {
		return Numeral{}, 0, false
	}
	e := scanWhile(text, lo.end+1, isDigit)
	den, err := strconv.Atoi(text[lo.end+1 : e])
	if err != nil || den < 2 || den > 64 || den&(den-1) != 0 {
		return Numeral{}, 0, false
	}
	j := scanWhile(text, e, isGroupSpace)
	k := scanLetters(text, j)
	if w := Fold(text[j:k]); j == e || !strings.HasPrefix(w, "финал") && !strings.HasPrefix(w, "final") {
		return Numeral{}, 0, false
	}
	v := float64(2 * den)
	return Numeral{Start: lo.start, End: e, Text: text[lo.start:e], Value: v, Hi: v, Kind: Plain, Word: true}, e, true
}

// shortYearAt reports whether the two digits at i may be a year: after
// an apostrophe ('86) or after a name and a hyphen («США-86», Euro-96).
func (p *numParser) shortYearAt(i int) bool {
	r, size := utf8.DecodeLastRuneInString(p.text[:i])
	switch {
	case r == '\'' || r == '’':
		return true
	case r == '-' || r == '‑':
		r2, _ := utf8.DecodeLastRuneInString(p.text[:i-size])
		return isLetter(r2)
	}
	return false
}

// shortSeason reads a season written with two digits and a slash after
// lo (19/20: the second number one more than the first) and returns the
// year it starts.
func (p *numParser) shortSeason(lo literal) (float64, bool) {
	t, e := p.text, lo.end
	if !lo.plainInt || lo.digits != 2 || lo.end-lo.start != 2 || e+3 > len(t) || t[e] != '/' ||
		!isDigit(rune(t[e+1])) || !isDigit(rune(t[e+2])) || (e+3 < len(t) && (isDigit(rune(t[e+3])) || t[e+3] == '/')) {
		return 0, false
	}
	if float64(t[e+1]-'0')*10+float64(t[e+2]-'0') != lo.value+1 {
		return 0, false
	}
	y := 1900 + lo.value
	if lo.value <= 40 {
		y += 100
	}
	return y, true
}

// minusWordBefore reports whether the word minus («минус») comes right
// before offset i, a space between: a negative number in words.
func (p *numParser) minusWordBefore(i int) bool {
	before := strings.TrimRight(p.text[:i], " \u00a0")
	if len(before) == i || len(before) < len("minus") {
		return false
	}
	k := strings.LastIndexFunc(before, func(r rune) bool { return !isLetter(r) }) + 1
	switch w := before[k:]; w {
	case "minus", "Minus", "минус", "Минус":
		return true
	}
	return false
}

// numPart is a run of digits in a written number and the separator
// before it (0 for the first run).
type numPart struct {
	digits string
	sep    rune
}

// literal reads digits with separators at i and interprets them. When
// ok is false, lit.end still tells how far the unreadable run goes (a
// section number 1.2.3 is skipped whole).
func (p *numParser) literal(i int) (lit literal, ok bool) {
	text := p.text
	lit.start = i
	if text[i] == '.' {
		// .08: a decimal without its zero.
		j := i + 1
		for j < len(text) && isDigit(rune(text[j])) {
			j++
		}
		lit.end = j
		return p.finish(lit, "0", text[i+1:j], false)
	}
	neg := false
	if r, size := utf8.DecodeRuneInString(text[i:]); isMinus(r) {
		neg = true
		i += size
	}
	j := i
	for j < len(text) && isDigit(rune(text[j])) {
		j++
	}
	if !neg {
		if d, ok := p.slashDate(i, j); ok {
			return d, true
		}
		if d, ok := p.isoDate(i, j); ok {
			return d, true
		}
	}
	parts := []numPart{{digits: text[i:j]}}
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		k := j + size
		m := k
		for m < len(text) && isDigit(rune(text[m])) {
			m++
		}
		if m == k || !(isGroupSpace(r) || r == '.' || r == ',') {
			break // no digit after it, or not a separator
		}
		if isGroupSpace(r) && (m-k != 3 || len(parts[0].digits) > 3 || !allSpaceGroups(parts)) {
			break // "2023 2024", "5 10": two numbers, not groups
		}
		parts = append(parts, numPart{digits: text[k:m], sep: r})
		j = m
	}
	lit.end = j
	lit.digits = len(parts[0].digits)
	if len(parts) == 1 {
		if f, end, ok := p.fractionAfter(j); ok && !neg && lit.digits <= 3 {
			// 2 1/2 million, 2½ inches: a whole number and a fraction,
			// which Russian writes «2,5» or «двух с половиной».
			lit, ok = p.finish(lit, parts[0].digits, "", false)
			lit.value += f
			lit.end = end
			return lit, ok
		}
		lit.plainInt = !neg
		return p.finish(lit, parts[0].digits, "", neg)
	}
	if len(parts) == 3 && parts[1].sep == '.' && parts[2].sep == '.' && isDateParts(parts[0].digits, parts[1].digits, parts[2].digits) {
		d, _ := strconv.Atoi(parts[0].digits)
		mo, _ := strconv.Atoi(parts[1].digits)
		y, _ := strconv.Atoi(parts[2].digits)
		if y < 100 {
			y += 2000
		}
		lit.date = true
		lit.value = float64(y*10000 + mo*100 + d)
		return lit, true
	}

	// Is the last separator a decimal mark or one more group separator?
	last := parts[len(parts)-1]
	prevSep := parts[len(parts)-2].sep // 0 when there are two parts
	decimal := true
	switch {
	case isGroupSpace(last.sep):
		decimal = false // 1 234
	case prevSep == last.sep:
		decimal = false // 1,234,567 · 1.234.567
	case prevSep == 0 && last.sep == ',' && len(last.digits) == 3 && p.latin && parts[0].digits != "0":
		decimal = false // "1,234" in English text
	}
	body := parts
	frac := ""
	if decimal {
		body, frac = parts[:len(parts)-1], last.digits
	}
	// The group separators are all one kind, the groups three digits
	// each, the first group one to three; or grouped the Indian way
	// (2,06,737; 12,34,56,789): commas, the last group three digits, the
	// others two.
	if len(body) > 1 && !indianGroups(body) {
		if len(body[0].digits) > 3 {
			return lit, false
		}
		for _, pt := range body[1:] {
			if pt.sep != body[1].sep || len(pt.digits) != 3 || (decimal && pt.sep == last.sep) {
				return lit, false // 1.2.3, 5,6,7: a section or a list
			}
		}
	}
	var b strings.Builder
	for _, pt := range body {
		b.WriteString(pt.digits)
	}
	return p.finish(lit, b.String(), frac, neg)
}

// vulgarFractions are the fraction characters a whole number may carry
// (2½).
var vulgarFractions = map[rune]float64{'½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1.0 / 3, '⅔': 2.0 / 3, '⅛': 0.125, '⅜': 0.375, '⅝': 0.625, '⅞': 0.875}

// fractionAfter reads the fraction part of a mixed number right after the
// whole part ending at i: a fraction character (2½) or, after one space,
// a proper fraction with a denominator of 2, 3, 4 or 8 (2 1/2, 5 3/4)
// that no digit, slash or letter follows (2 1/2/2021 is no fraction).
func (p *numParser) fractionAfter(i int) (float64, int, bool) {
	text := p.text
	if i >= len(text) {
		return 0, i, false
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if f, ok := vulgarFractions[r]; ok {
		return f, i + size, true
	}
	if !isGroupSpace(r) {
		return 0, i, false
	}
	k := i + size
	if k+3 > len(text) || !isDigit(rune(text[k])) || text[k+1] != '/' || !isDigit(rune(text[k+2])) {
		return 0, i, false
	}
	num, den := float64(text[k]-'0'), float64(text[k+2]-'0')
	end := k + 3
	if end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); isDigit(r) || r == '/' || isLetter(r) {
			return 0, i, false
		}
	}
	if num < 1 || num >= den || (den != 2 && den != 3 && den != 4 && den != 8) {
		return 0, i, false
	}
	return num / den, end, true
}

// indianGroups reports whether parts are grouped the Indian way: comma
// separated, the last group three digits, the ones before it two, the
// first one or two.
func indianGroups(parts []numPart) bool {
	if len(parts) < 3 || len(parts[0].digits) > 2 || len(parts[len(parts)-1].digits) != 3 {
		return false
	}
	for k, pt := range parts[1:] {
		if pt.sep != ',' || (k < len(parts)-2 && len(pt.digits) != 2) {
			return false
		}
	}
	return true
}

// slashDate reads a date written with slashes whose first digits run
// from i to j: 14/02/2021, 3/4/21. The day comes first unless the second
// number cannot be a month (2/14/2021 is American); when both could be
// either, the other reading is kept in alt.
func (p *numParser) slashDate(i, j int) (literal, bool) {
	text := p.text
	field := func(k, minLen, maxLen int) (int, int, bool) {
		e := k
		for e < len(text) && isDigit(rune(text[e])) {
			e++
		}
		if e-k < minLen || e-k > maxLen {
			return 0, e, false
		}
		v, _ := strconv.Atoi(text[k:e])
		return v, e, true
	}
	if j-i > 2 || j >= len(text) || text[j] != '/' {
		return literal{}, false
	}
	a, _ := strconv.Atoi(text[i:j])
	b, e1, ok := field(j+1, 1, 2)
	if !ok || e1 >= len(text) || text[e1] != '/' {
		return literal{}, false
	}
	y, e2, ok := field(e1+1, 2, 4)
	if !ok || e2-e1-1 == 3 || (e2 < len(text) && (text[e2] == '/' || isLetter(rune(text[e2])))) {
		return literal{}, false
	}
	if y < 100 {
		y += 2000
	}
	d, m := a, b
	if m > 12 && d <= 12 {
		d, m = b, a // 2/14/2021
	}
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return literal{}, false
	}
	lit := literal{start: i, end: e2, date: true, value: float64(y*10000 + m*100 + d)}
	if d <= 12 && d != m {
		lit.alt = float64(y*10000 + d*100 + m)
	}
	return lit, true
}

// isoDate reads an ISO date whose year runs from i to j: 2021-05-03.
func (p *numParser) isoDate(i, j int) (literal, bool) {
	t := p.text
	if j-i != 4 || j+6 > len(t) || t[j] != '-' || t[j+3] != '-' || !allDigits(t[j+1:j+3]) || !allDigits(t[j+4:j+6]) ||
		(j+6 < len(t) && isDigit(rune(t[j+6]))) {
		return literal{}, false
	}
	y, _ := strconv.Atoi(t[i:j])
	m, _ := strconv.Atoi(t[j+1 : j+3])
	d, _ := strconv.Atoi(t[j+4 : j+6])
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return literal{}, false
	}
	return literal{start: i, end: j + 6, date: true, value: float64(y*10000 + m*100 + d)}, true
}

// finish parses the digits of a literal into its value.
func (p *numParser) finish(lit literal, intPart, frac string, neg bool) (literal, bool) {
	s := intPart
	if frac != "" {
		s += "." + frac
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return lit, false
	}
	if neg {
		v = -v
	}
	lit.value = v
	return lit, true
}

// allSpaceGroups reports whether every separator so far is a space.
func allSpaceGroups(parts []numPart) bool {
	for _, pt := range parts[1:] {
		if !isGroupSpace(pt.sep) {
			return false
		}
	}
	return true
}

// setCentury gives a century's ordinal the years it starts as its other
// reading: the 19th century is also the 1800s.
func setCentury(n *Numeral) {
	if n.Value >= 1 && n.Value <= 21 && n.Value == math.Trunc(n.Value) {
		n.Alt, n.AltKind = (n.Value-1)*100, Year
	}
}

// clockWords reads «17 часов 47 минут» (and «в 5 часов 30 минут утра»):
// the hours lo, a word for hours, the minutes and a word for minutes.
func (p *numParser) clockWords(lo literal) (h, m float64, end int, ok bool) {
	t := p.text
	if !lo.plainInt || lo.digits > 2 || lo.value > 24 {
		return 0, 0, 0, false
	}
	j := scanWhile(t, lo.end, isGroupSpace)
	k := scanWhile(t, j, isLetter)
	w := Fold(t[j:k])
	if w != "час" && w != "часа" && w != "часов" && w != "ч" && w != "hours" && w != "hour" || k == j {
		return 0, 0, 0, false
	}
	if w == "ч" && k < len(t) && t[k] == '.' {
		k++ // «17 ч. 47 мин.»
	}
	j = scanWhile(t, k, isGroupSpace)
	e := j
	for e < len(t) && isDigit(rune(t[e])) {
		e++
	}
	if e == j || e-j > 2 {
		return 0, 0, 0, false
	}
	mm, _ := strconv.Atoi(t[j:e])
	k = scanWhile(t, e, isGroupSpace)
	e2 := scanWhile(t, k, isLetter)
	if mw := Fold(t[k:e2]); mm >= 60 || !(strings.HasPrefix(mw, "минут") || strings.HasPrefix(mw, "minute") || mw == "мин" || mw == "min" || mw == "mins") {
		return 0, 0, 0, false
	}
	if e2 < len(t) && t[e2] == '.' && e2-k <= len("мин") {
		e2++ // «мин.»
	}
	h = lo.value
	if h12, mEnd, ok := p.meridiem(e2, h, true); ok {
		h, e2 = h12, mEnd
	}
	return h, float64(mm), e2, true
}

// militaryTime reads four digits as hours and minutes (0500, 1200 GMT):
// when they start with a zero, or a time zone or a word for hours
// follows.
func (p *numParser) militaryTime(lo literal) (h, m float64, ok bool) {
	t := p.text
	if !lo.plainInt || lo.digits != 4 || lo.end-lo.start != 4 {
		return 0, 0, false
	}
	hh, mm := math.Floor(lo.value/100), math.Mod(lo.value, 100)
	if hh > 24 || mm >= 60 {
		return 0, 0, false
	}
	if t[lo.start] == '0' {
		return hh, mm, true
	}
	j := scanWhile(t, lo.end, isGroupSpace)
	k := scanWhile(t, j, isLetter)
	switch t[j:k] {
	case "GMT", "UTC", "hrs", "hours", "Z", "h":
		return hh, mm, true
	}
	return 0, 0, false
}

// hyphenTime reads "-mm" after the hours lo written the Russian informal
// way (10-00, 22-30), where it cannot be a range: the minutes are 00, or
// fewer than the hours.
func (p *numParser) hyphenTime(lo literal) (h, m float64, end int, ok bool) {
	t := p.text
	e := lo.end
	if !lo.plainInt || lo.digits > 2 || lo.value > 24 || e+3 > len(t) || t[e] != '-' ||
		!isDigit(rune(t[e+1])) || !isDigit(rune(t[e+2])) || (e+3 < len(t) && (isDigit(rune(t[e+3])) || t[e+3] == '-')) {
		return 0, 0, 0, false
	}
	mm := float64(t[e+1]-'0')*10 + float64(t[e+2]-'0')
	zero := lo.digits == 2 && t[lo.start] == '0' // 04-30: hours written with two digits
	if mm >= 60 || (mm != 0 && mm >= lo.value && !zero) {
		return 0, 0, 0, false
	}
	return lo.value, mm, e + 3, true
}

// timeOfDay reads ":mm" after the hours lo (0–24, one or two digits).
func (p *numParser) timeOfDay(lo literal) (h, m float64, end int, ok bool) {
	t := p.text
	if !lo.plainInt || lo.digits > 2 || lo.value > 24 || lo.end >= len(t) {
		return 0, 0, 0, false
	}
	r, size := utf8.DecodeRuneInString(t[lo.end:])
	if !isColon(r) {
		return 0, 0, 0, false
	}
	e := lo.end + size - 1 // e+1 and e+2 are the minutes
	if e+3 > len(t) || !isDigit(rune(t[e+1])) || !isDigit(rune(t[e+2])) || (e+3 < len(t) && isDigit(rune(t[e+3]))) {
		return 0, 0, 0, false
	}
	mm := float64(t[e+1]-'0')*10 + float64(t[e+2]-'0')
	if mm >= 60 {
		return 0, 0, 0, false
	}
	return lo.value, mm, e + 3, true
}

// isColon reports whether r is a colon or a character typed for one in a
// time (the Armenian full stop ։ of «01։23», the ratio sign, the
// full-width colon).
func isColon(r rune) bool { return r == ':' || r == '։' || r == '∶' || r == '：' }

// meridiem reads "am", "pm", "a.m." or "p.m." (any case, after optional
// spaces) at i, after the hour h of a 12-hour clock, and returns the hour
// on the 24-hour clock and the end of the marker.
func (p *numParser) meridiem(i int, h float64, clock bool) (float64, int, bool) {
	if h < 1 || h > 12 {
		return 0, 0, false
	}
	t := p.text
	j := i
	for j < len(t) {
		r, size := utf8.DecodeRuneInString(t[j:])
		if r != ' ' && r != '\u00a0' && r != '\u202f' {
			break
		}
		j += size
	}
	// «3 часа дня»: the word for hours may come between. Without it or
	// minutes, the Russian markers are other words: «3 дня» is three days.
	for _, w := range []string{"часов", "часа", "час", "o'clock", "o’clock"} {
		if strings.HasPrefix(t[j:], w) {
			k := j + len(w)
			if r, _ := utf8.DecodeRuneInString(t[k:]); r == ' ' || r == '\u00a0' {
				j = k + utf8.RuneLen(r)
				clock = true
			}
			break
		}
	}
	for _, m := range meridiems {
		if m.ru && !clock {
			continue
		}
		if len(t)-j < len(m.word) || !strings.EqualFold(t[j:j+len(m.word)], m.word) {
			continue
		}
		end := j + len(m.word)
		if r, _ := utf8.DecodeRuneInString(t[end:]); end < len(t) && (unicode.IsLetter(r) || isDigit(r)) {
			continue
		}
		switch {
		case h == 12:
			if m.midnight {
				h = 0
			}
		case h >= m.from:
			h += 12
		}
		return h, end, true
	}
	return 0, 0, false
}

// meridiems are the markers of the 12-hour clock: from is the first hour
// (1–11) the marker moves into the afternoon, 12 for none; midnight says
// whether 12 is midnight. Russian writes «8:30 вечера», «3 часа дня», and
// «11 ночи» for 23:00 but «2 ночи» for 2:00.
var meridiems = []struct {
	word     string
	from     float64
	midnight bool
	ru       bool // only after minutes or the word for hours
}{
	{"a.m.", 12, true, false}, {"p.m.", 1, false, false}, {"a.m", 12, true, false}, {"p.m", 1, false, false},
	{"am", 12, true, false}, {"pm", 1, false, false},
	{"утра", 12, true, true}, {"дня", 1, false, true}, {"вечера", 1, false, true}, {"ночи", 9, true, true},
	// English phrases: after minutes or "o'clock" only, as the Russian
	// words; after a bare number ("killed 7 in the evening raid") they
	// are the numeral's other reading.
	{"in the morning", 12, true, true}, {"in the afternoon", 1, false, true}, {"in the evening", 1, false, true},
	{"at night", 9, true, true},
}

// ruMeridiemAt reports whether s starts with a Russian word of the
// 12-hour clock («утра», «дня», «вечера», «ночи»).
func ruMeridiemAt(s string) bool {
	for _, w := range []string{"утра", "дня", "вечера", "ночи"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// isDateParts reports whether d.m.y look like a date: day 1–31, month
// 1–12 (one or two digits each), year of two or four digits.
func isDateParts(d, m, y string) bool {
	if len(d) > 2 || len(m) > 2 || (len(y) != 4 && len(y) != 2) {
		return false
	}
	di, _ := strconv.Atoi(d)
	mi, _ := strconv.Atoi(m)
	return di >= 1 && di <= 31 && mi >= 1 && mi <= 12
}

// rangeEnd reads the upper end of a range after lo: a hyphen without
// spaces, or an en or em dash with or without them, then a number.
func (p *numParser) rangeEnd(lo literal) (float64, int, bool) {
	text := p.text
	j := lo.end
	spaced := false
	for j < len(text) && text[j] == ' ' {
		j++
		spaced = true
	}
	r, size := utf8.DecodeRuneInString(text[j:])
	slash := r == '/' && !spaced
	if !(isHyphen(r) || slash || r == '~' && !spaced) || (spaced && r == '-') {
		return 0, 0, false // 10~20% is a range too
	}
	j += size
	if j < len(text) && text[j] == ' ' {
		if r == '-' {
			return 0, 0, false
		}
		j++
	}
	if c, size := utf8.DecodeRuneInString(text[j:]); isCurrencySign(c) {
		j += size // £3,000-£5,000
	}
	if j >= len(text) || !isDigit(rune(text[j])) {
		return 0, 0, false
	}
	hi, ok := p.literal(j)
	if !ok || hi.date {
		return 0, 0, false
	}
	if spaced && yearLike(lo) && !yearLike(hi) && !(hi.plainInt && hi.digits == 2) {
		// «в 2019 – 2 600 человек», «2021 — 48,2»: a year, then a dash
		// that introduces the figure for it, not a range of years.
		return 0, 0, false
	}
	v := hi.value
	if lo.plainInt && lo.digits == 4 && hi.plainInt && hi.digits == 2 {
		// 2023-24: the century comes from the lower end.
		v = math.Floor(lo.value/100)*100 + v
	}
	if v <= lo.value {
		return 0, 0, false // 10-5 and 1-1 are no ranges (scores, codes)
	}
	if slash && !(yearLike(lo) && v == lo.value+1) {
		return 0, 0, false // 2019/20 is a season; 3/4 is a fraction or a list
	}
	return v, hi.end, true
}

// yearLike reports whether a literal could be a year: four digits with
// no separator, from 1000 to 2100.
func yearLike(l literal) bool {
	return l.plainInt && l.digits == 4 && l.value >= 1000 && l.value <= 2100
}

// suffix returns a grammatical suffix glued to the number at i: a
// Russian ending after a hyphen (21-й, 1990-х, 5-ти) or an English one
// (21st, 1990s), and its end.
func (p *numParser) suffix(i int) (string, int) {
	text := p.text
	j := i
	if j < len(text) {
		if r, size := utf8.DecodeRuneInString(text[j:]); isHyphen(r) {
			j += size
		}
	}
	k := scanWhile(text, j, isLetter)
	if k == j {
		return "", i
	}
	sfx := text[j:k]
	if j > i { // after a hyphen: Russian endings
		if ruNumberEndings[sfx] || strings.HasPrefix(Fold(sfx), "процентн") {
			return sfx, k
		}
		return "", i
	}
	switch sfx = strings.ToLower(sfx); sfx {
	case "st", "nd", "rd":
		// The ending agrees with the last digit (21st, 22nd, 23rd, but
		// 11th): "20st" is 20 stone, a unit, not an ordinal.
		if i >= 1 && isDigit(rune(text[i-1])) && ordinalEnding(text[i-1], i >= 2 && text[i-2] == '1') == sfx {
			return sfx, k
		}
	case "th", "s":
		return sfx, k
	}
	return "", i
}

// ordinalEnding returns the English ordinal ending of a number whose last
// digit is last, its tens digit a one when teen: "st" for 1 (but 11th).
func ordinalEnding(last byte, teen bool) string {
	switch {
	case teen:
		return "th"
	case last == '1':
		return "st"
	case last == '2':
		return "nd"
	case last == '3':
		return "rd"
	}
	return "th"
}

// ruNumberEndings are the endings written after a hyphen: ordinal ones
// (21-й, 5-го) and a few cardinal ones (5-ти, 2-х).
var ruNumberEndings = setOf("й", "го", "е", "я", "ю", "м", "х", "ое", "ый", "ий", "ая", "ой", "ые", "ых",
	"ом", "ому", "ым", "ыми", "ми", "ти", "и", "ью", "ух", "ёх", "ех", "ей", "его", "ему", "ем", "им")

// classifySuffix tells what a number with suffix sfx is.
func classifySuffix(sfx string, lo literal) NumeralKind {
	decade := lo.plainInt && lo.digits == 4 && int(lo.value)%10 == 0
	if strings.HasPrefix(Fold(sfx), "процентн") {
		return Percent // 66-процентный
	}
	switch sfx {
	case "s":
		if decade || (lo.plainInt && lo.digits == 2 && int(lo.value)%10 == 0) {
			return Year // 1990s, 90s
		}
		return Plain
	case "st", "nd", "rd", "th":
		return Ordinal
	case "х", "е":
		if decade || (lo.plainInt && lo.digits == 2 && int(lo.value)%10 == 0) {
			return Year // 1990-х, 1990-е, 90-е (годы)
		}
	}
	switch sfx {
	case "ти", "ми", "и", "ью", "ух", "ёх", "ех", "х":
		return Plain // 5-ти, 7-ми, 2-х: cardinals in the genitive
	}
	return Ordinal
}

// scales maps scale words (folded, without a final dot) to their
// multiplier. Words match whole, or as the stem of an inflected form for
// the entries of scaleStems.
var scales = map[string]float64{
	"тыс": 1e3, "млн": 1e6, "млрд": 1e9, "трлн": 1e12,
	"thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
	"trillion": 1e12, "trillions": 1e12, "k": 1e3, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9,
	"tn": 1e12, "trn": 1e12,
	// The Indian scale: 1.5 lakh = 150,000, 2 crore = 20 million.
	"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
}

var scaleStems = []struct {
	stem  string
	scale float64
}{{"тысяч", 1e3}, {"миллион", 1e6}, {"миллиард", 1e9}, {"триллион", 1e12}, {"лакх", 1e5}, {"крор", 1e7}}

// currencyScales are scale letters that mean million and billion only
// after a currency sign ($5m, €2B): elsewhere "5 m" is five metres.
var currencyScales = map[string]float64{"m": 1e6, "b": 1e9}

// scaleWord reads a scale word at i (after optional spaces) and returns
// its multiplier and end, or 0.
func (p *numParser) scaleWord(i int, currency bool) (float64, int) {
	text := p.text
	j := scanWhile(text, i, isGroupSpace)
	k := scanWhile(text, j, isLetter)
	if k == j {
		return 0, i
	}
	w := Fold(text[j:k])
	m, ok := scales[w]
	if !ok && currency {
		m, ok = currencyScales[w]
	}
	if !ok {
		for _, s := range scaleStems {
			if strings.HasPrefix(w, s.stem) && utf8.RuneCountInString(w)-utf8.RuneCountInString(s.stem) <= 3 {
				m, ok = s.scale, true
				break
			}
		}
	}
	if !ok {
		return 0, i
	}
	if k < len(text) && text[k] == '.' && (w == "тыс" || w == "млн" || w == "млрд" || w == "трлн") {
		k++ // тыс., млрд.
	}
	// Scale words stack when the second is the larger: 1.2 lakh crore
	// is 1.2 trillion, "a thousand crore" ten billion.
	if m2, k2 := p.scaleWord(k, false); m2 > m && k2-k < 12 && k < len(text) && isGroupSpace(rune(text[k])) {
		return m * m2, k2
	}
	return m, k
}

// millionLetter reports whether a lone "m" follows at i, glued or after
// a space (1.5m, 3 m): a million or a metre.
func (p *numParser) millionLetter(i int) bool {
	j := scanWhile(p.text, i, isGroupSpace)
	if j >= len(p.text) || p.text[j] != 'm' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p.text[j+1:])
	return j+1 == len(p.text) || !isLetter(r) && !isDigit(r)
}

// currencyBefore reports whether a currency sign or code directly
// precedes the number at i ($240, USD 240, US$ 5).
func (p *numParser) currencyBefore(i int) bool {
	s := strings.TrimRightFunc(p.text[:i], isGroupSpace)
	if r, _ := utf8.DecodeLastRuneInString(s); isCurrencySign(r) {
		return true
	}
	for _, code := range []string{"USD", "EUR", "RUB", "GBP", "CNY", "JPY"} {
		if strings.HasSuffix(s, code) {
			return true
		}
	}
	return false
}

func isCurrencySign(r rune) bool {
	switch r {
	case '$', '€', '£', '¥', '₽', '₴', '₹':
		return true
	}
	return false
}

// percentSign reads a percent sign or word at i (after optional spaces).
func (p *numParser) percentSign(i int) (int, bool) {
	text := p.text
	j := scanWhile(text, i, isGroupSpace)
	if j < len(text) && text[j] == '%' {
		return j + 1, true
	}
	k := scanWhile(text, j, isLetter)
	w := Fold(text[j:k])
	switch {
	case strings.HasPrefix(w, "процент"), w == "percent", w == "pct", w == "percentage":
		return k, true // "percentage points" too
	case w == "pc" && text[j:k] == "pc":
		return k, true // the British press: 5pc
	case w == "pp" || w == "ppt" || w == "ppts":
		return k, true // percentage points: 0.5pp, «0,5 п.п.»
	case w == "p" && strings.HasPrefix(text[k:], ".p."):
		return k + len(".p."), true
	case w == "per":
		// "per cent"
		m := k
		for m < len(text) && text[m] == ' ' {
			m++
		}
		e := m
		for e < len(text) && text[e] >= 'a' && text[e] <= 'z' {
			e++
		}
		if text[m:e] == "cent" {
			return e, true
		}
	case w == "проц" && k < len(text) && text[k] == '.':
		return k + 1, true
	case w == "п" && strings.HasPrefix(text[k:], ".п."), w == "п" && strings.HasPrefix(text[k:], ". п."):
		// п. п. — percentage points
		if strings.HasPrefix(text[k:], ".п.") {
			return k + len(".п."), true
		}
		return k + len(". п."), true
	}
	return i, false
}

// Roman numerals.

func isRomanLetter(r rune) bool {
	switch r {
	case 'I', 'V', 'X', 'L', 'C', 'D', 'M', 'Х', 'І':
		return true
	}
	return false
}

// roman reads a Roman numeral at i. It is a numeral only when it is
// followed by a century word (XXI век, XX в., XV–XVI вв., XXI century) or,
// written with I, V and X only and two letters at least, follows a
// capitalised name (Николай II, Elizabeth II, World War II). Cyrillic Х
// and І, common typos for X and I, are accepted before a century word.
func (p *numParser) roman(i int) (Numeral, int, bool) {
	text := p.text
	lo, loEnd, cyr := romanAt(text, i)
	if loEnd == i {
		return Numeral{}, 0, false
	}
	n := Numeral{Start: i, End: loEnd, Value: lo, Hi: lo, Kind: Ordinal}
	end := loEnd
	// A range: XV–XVI вв.
	j := end
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if r, size := utf8.DecodeRuneInString(text[j:]); isHyphen(r) {
		k := j + size
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if hi, hiEnd, cyr2 := romanAt(text, k); hiEnd > k && hi > lo {
			n.Hi = hi
			end = hiEnd
			cyr = cyr || cyr2
		}
	}
	if centuryAfter(text[end:]) {
		n.End = end
		n.Text = text[n.Start:n.End]
		if !n.IsRange() {
			setCentury(&n)
		}
		return n, end, true
	}
	if cyr || n.IsRange() || end-i < 2 || strings.ContainsAny(text[i:end], "LCDM") {
		return Numeral{}, 0, false
	}
	// A regnal number: after a capitalised word and a space.
	before := strings.TrimRight(text[:i], " \u00A0")
	if len(before) == i || before == "" {
		return Numeral{}, 0, false
	}
	w := before[strings.LastIndexFunc(before, func(r rune) bool { return !isLetter(r) })+1:]
	if first, _ := utf8.DecodeRuneInString(w); w == "" || !unicode.IsUpper(first) || upperWord(w) {
		return Numeral{}, 0, false
	}
	n.End = end
	n.Text = text[n.Start:n.End]
	return n, end, true
}

// upperWord reports whether w is all capitals (a heading, an acronym),
// after which Roman-looking letters are rather words.
func upperWord(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// romanAt reads a valid Roman numeral at i that ends at a word
// boundary; end == i when there is none. cyr reports Cyrillic look-alikes.
func romanAt(text string, i int) (value float64, end int, cyr bool) {
	var b strings.Builder
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch r {
		case 'Х':
			r, cyr = 'X', true
		case 'І':
			r, cyr = 'I', true
		}
		if !strings.ContainsRune("IVXLCDM", r) {
			if isLetter(r) || isDigit(r) {
				return 0, i, false
			}
			break
		}
		b.WriteRune(r)
		j += size
	}
	v := romanValue(b.String())
	if v == 0 {
		return 0, i, false
	}
	return float64(v), j, cyr
}

// romanValue returns the value of a canonical Roman numeral, or 0.
func romanValue(s string) int {
	if s == "" || len(s) > 15 {
		return 0
	}
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	v := 0
	for k := 0; k < len(s); k++ {
		c := vals[s[k]]
		if k+1 < len(s) && vals[s[k+1]] > c {
			v -= c
		} else {
			v += c
		}
	}
	if v <= 0 || v >= 4000 || toRoman(v) != s {
		return 0 // not canonical: IIII, VX, IC
	}
	return v
}

func toRoman(v int) string {
	table := []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"},
		{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	var b strings.Builder
	for _, t := range table {
		for v >= t.v {
			b.WriteString(t.s)
			v -= t.v
		}
	}
	return b.String()
}

// centuryAfter reports whether s starts (after spaces) with a word for
// century: век, века, веке, вв., в., столетие, century, centuries.
func centuryAfter(s string) bool {
	s = strings.TrimLeft(s, " \u00A0\u202F")
	end := scanWhile(s, 0, isLetter)
	w := Fold(s[:end])
	switch {
	case strings.HasPrefix(w, "век"), strings.HasPrefix(w, "столети"), w == "century", w == "centuries":
		return true
	case w == "в" || w == "вв":
		return end < len(s) && s[end] == '.'
	}
	return false
}

// SameNumbers compares the numerals of a source segment (a) and its
// translation (b) as multisets of normalised values and returns those of
// a with no counterpart in b (missing) and those of b with none in a
// (extra), each in text order.
//
// Two numerals match when their values (and upper ends) are equal and
// both or neither are percentages; plain numbers, years and ordinals
// match each other (21 век = 21st century). A range matches its two ends
// written apart on the other side (2023–2024 = "from 2023 to 2024"), and
// a numeric date matches its day and year written apart (05.01.2013 =
// "January 5, 2013"). A number in words matches the same number in digits
// (4 минуты = four minutes); unmatched, it is not reported. A range
// matches its ends in words too (2–3 = "two to three"), times match on the
// 24-hour clock (24:00 = 0:00), and what is left matches by either
// numeral's other reading ([Numeral.Alt]: 0500 = «5 утра», "14 K" = «14
// карат»).
func SameNumbers(a, b []Numeral) (missing, extra []Numeral) {
	usedA := make([]bool, len(a))
	usedB := make([]bool, len(b))
	// Digits against digits first, so that a number word does not take
	// the place of the digits that match exactly.
	for _, words := range []bool{false, true} {
		for i, x := range a {
			if usedA[i] {
				continue
			}
			for j, y := range b {
				if !usedB[j] && (x.Word || y.Word) == words && !(x.Word && y.Word) && sameNumeral(x, y) {
					usedA[i], usedB[j] = true, true
					break
				}
			}
		}
		// A range or date on one side against its parts on the other
		// (in words too: «2–3» = "two to three").
		splitMatch(a, b, usedA, usedB, words)
		splitMatch(b, a, usedB, usedA, words)
	}
	// What is left, by the other reading of either side (0500 = «5 утра»).
	for i, x := range a {
		if usedA[i] {
			continue
		}
		for j, y := range b {
			if !usedB[j] && !(x.Word && y.Word) && (x.AltKind != 0 || y.AltKind != 0) && sameByAlt(x, y) {
				usedA[i], usedB[j] = true, true
				break
			}
		}
	}
	for i, x := range a {
		if !usedA[i] && !x.Word {
			missing = append(missing, x)
		}
	}
	for j, y := range b {
		if !usedB[j] && !y.Word {
			extra = append(extra, y)
		}
	}
	return missing, extra
}

// splitMatch matches unmatched ranges and dates of xs against unmatched
// single numerals of ys that give their parts.
func splitMatch(xs, ys []Numeral, usedX, usedY []bool, words bool) {
	for i, x := range xs {
		if usedX[i] || x.Word {
			continue
		}
		var readings [][]float64
		switch {
		case x.Kind == Date:
			readings = append(readings, []float64{math.Mod(x.Value, 100), math.Floor(x.Value / 10000)})
			if x.AltKind == Date {
				readings = append(readings, []float64{math.Mod(x.Alt, 100), math.Floor(x.Alt / 10000)})
			}
		case x.IsRange():
			readings = append(readings, []float64{x.Value, x.Hi})
		default:
			continue
		}
		for _, parts := range readings {
			var picked []int
			for _, v := range parts {
				for j, y := range ys {
					if usedY[j] || y.IsRange() || y.Kind == Date || y.Word && !words || slicesContains(picked, j) {
						continue
					}
					if (y.Kind == Percent) == (x.Kind == Percent) && sameValue(y.Value, v) {
						picked = append(picked, j)
						break
					}
				}
			}
			if len(picked) == len(parts) {
				usedX[i] = true
				for _, j := range picked {
					usedY[j] = true
				}
				break
			}
		}
	}
}

func slicesContains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// sameByAlt reports whether x and y denote the same value when one of
// them (or both) is read the other way.
func sameByAlt(x, y Numeral) bool {
	alt := func(n Numeral) Numeral {
		hi := n.Alt
		if n.altHi != 0 {
			hi = n.altHi
		}
		n.Value, n.Hi, n.Kind, n.AltKind = n.Alt, hi, n.AltKind, 0
		return n
	}
	switch {
	case x.AltKind != 0 && sameNumeral(alt(x), y):
		return true
	case y.AltKind != 0 && sameNumeral(x, alt(y)):
		return true
	}
	return x.AltKind != 0 && y.AltKind != 0 && sameNumeral(alt(x), alt(y))
}

// sameNumeral reports whether x and y denote the same value.
func sameNumeral(x, y Numeral) bool {
	if (x.Kind == Percent) != (y.Kind == Percent) || (x.Kind == Date) != (y.Kind == Date) {
		return false
	}
	if x.Kind == Time && y.Kind == Time && !x.IsRange() && !y.IsRange() {
		// 24:00 is midnight, 0:00.
		return sameValue(math.Mod(x.Value, 24), math.Mod(y.Value, 24))
	}
	if x.Kind == Year && y.Kind == Year && !x.IsRange() && !y.IsRange() && (shortDecade(x, y) || shortDecade(y, x)) {
		return true
	}
	return sameValue(x.Value, y.Value) && sameValue(x.Hi, y.Hi)
}

// shortDecade reports whether x is a decade of two digits (90-е, 90s)
// and y a year or decade ending in them (1990-х, 1990s).
func shortDecade(x, y Numeral) bool {
	return x.Value >= 0 && x.Value < 100 && y.Value >= 100 && math.Mod(y.Value, 100) == x.Value
}

// sameValue compares floats up to rounding: 0.1*1e9 must equal 1e8.
func sameValue(x, y float64) bool {
	if x == y {
		return true // also for a number too large for a float64 (+Inf)
	}
	d := math.Abs(x - y)
	return d <= 1e-9*math.Max(math.Abs(x), math.Abs(y)) || d < 1e-12
}
