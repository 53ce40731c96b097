package check

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// This file holds the ways number-mismatch tells a number written another
// way on the other side from a changed one: digits glued to a name (IL6,
// Watch4), digit strings split another way (phone numbers, ids), a space
// group read as thousands, units converted by the translator, rounding,
// the thousands separator of the other language, and a number repeated.

// dropGlued removes the numerals whose digits the other side writes glued
// to letters, where lang.Numbers reads a name, not a number: «Формулы-1»
// is "F1", «интерлейкина-6» "IL6", «с. 109» "p109", «Таблица 2» "Table2".
func dropGlued(ns []lang.Numeral, other string) []lang.Numeral {
	if len(ns) == 0 {
		return ns
	}
	glued := gluedValues(other)
	if len(glued) == 0 {
		return ns
	}
	return keepNumerals(ns, func(n lang.Numeral) bool {
		return !n.IsRange() && n.Kind != lang.Percent && slices.Contains(glued, n.Value)
	})
}

// gluedValues returns the numbers written glued to a letter in text
// (F1, IL6, Table1.1): names to lang.Numbers.
func gluedValues(text string) []float64 {
	var glued []float64
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) || i >= len(text) || !isDigitByte(text[i]) {
			continue
		}
		j := i
		for j < len(text) && (isDigitByte(text[j]) || text[j] == '.' && j+1 < len(text) && isDigitByte(text[j+1])) {
			j++
		}
		if v, err := strconv.ParseFloat(text[i:j], 64); err == nil {
			glued = append(glued, v)
		}
		i = j
	}
	return glued
}

// chainKey is the run of digits a numeral belongs to (digitChains): its
// digits read as one decimal number (modulo 2^64 past nineteen of them)
// and their count.
type chainKey struct {
	digits uint64
	n      int
}

// digitChains appends to buf, for each numeral of ns (the numerals of
// text in order), the run of digits of the numerals it is written with:
// numerals joined only by spaces, hyphens, brackets, dots or slashes, as
// a phone number, an id or a postcode is written («229 62 01»,
// "229-6201").
func digitChains(text string, ns []lang.Numeral, buf []chainKey) []chainKey {
	for k := 0; k < len(ns); {
		e := k
		for e+1 < len(ns) && ns[e+1].Start-ns[e].End <= 3 && strings.Trim(text[ns[e].End:ns[e+1].Start], " \u00a0-–()./+") == "" {
			e++
		}
		var key chainKey
		for i := ns[k].Start; i < ns[e].End; i++ {
			if isDigitByte(text[i]) {
				key.digits = key.digits*10 + uint64(text[i]-'0')
				key.n++
			}
		}
		for i := k; i <= e; i++ {
			buf = append(buf, key)
		}
		k = e + 1
	}
	return buf
}

// dropSharedChains removes from a (the numerals of text) and b (those of
// other) the numerals whose run of digits (digitChains, at least six
// digits) the other side writes too, in other groups or the same; ok
// tells whether any went. missing and extra are what a plain match of a
// and b left: without a numeral that may be part of a run among them,
// nothing is looked at.
func dropSharedChains(text, other string, a, b, missing, extra []lang.Numeral) (a2, b2 []lang.Numeral, ok bool) {
	if !mayChain(a, missing) && !mayChain(b, extra) {
		return a, b, false // the common case
	}
	var bufA, bufB [32]chainKey
	ca, cb := digitChains(text, a, bufA[:0]), digitChains(other, b, bufB[:0])
	shared := func(key chainKey, there []chainKey) bool {
		return key.n >= 6 && slices.Contains(there, key)
	}
	for _, key := range ca {
		ok = ok || shared(key, cb)
	}
	if !ok {
		return a, b, false
	}
	keep := func(ns []lang.Numeral, chains, there []chainKey) []lang.Numeral {
		out := ns[:0:0]
		for k, n := range ns {
			if !shared(chains[k], there) {
				out = append(out, n)
			}
		}
		return out
	}
	return keep(a, ca, cb), keep(b, cb, ca), true
}

// mayChain reports whether one of the numerals ns of a side (all its
// numerals, in order) may be part of a run of six digits or more
// (digitChains): six characters long, or next to another numeral. A
// phone number matched group by group leaves one of its runs unmatched
// on one side or the other.
func mayChain(all, ns []lang.Numeral) bool {
	for _, n := range ns {
		if len(n.Text) >= 6 {
			return true
		}
		k := indexOfNumeral(all, n)
		if k > 0 && n.Start-all[k-1].End <= 3 || k >= 0 && k+1 < len(all) && all[k+1].Start-n.End <= 3 {
			return true
		}
	}
	return false
}

func indexOfNumeral(all []lang.Numeral, n lang.Numeral) int {
	for k := range all {
		if all[k].Start == n.Start && all[k].End == n.End {
			return k
		}
	}
	return -1
}

// splitGroups matches a number grouped with spaces on one side
// («Combi 16 100x185», read as 16 100) against its groups written as
// separate numbers on the other ("Combi 16 100x185"): both are dropped.
func splitGroups(missing, extra []lang.Numeral) ([]lang.Numeral, []lang.Numeral) {
	try := func(xs, ys []lang.Numeral) ([]lang.Numeral, []lang.Numeral) {
		for i := 0; i < len(xs); i++ {
			x := xs[i]
			if x.IsRange() || x.Word || (x.Kind != lang.Plain && x.Kind != lang.Year) {
				continue
			}
			parts := strings.FieldsFunc(x.Text, func(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' })
			if len(parts) < 2 {
				continue
			}
			used := make([]bool, len(ys))
			ok := true
			for _, p := range parts {
				v, err := strconv.Atoi(p)
				if err != nil {
					ok = false
					break
				}
				hit := false
				for j, y := range ys {
					if !used[j] && !y.IsRange() && y.Value == float64(v) {
						used[j], hit = true, true
						break
					}
				}
				if !hit {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			xs = append(xs[:i:i], xs[i+1:]...)
			var keep []lang.Numeral
			for j, y := range ys {
				if !used[j] {
					keep = append(keep, y)
				}
			}
			ys = keep
			i--
		}
		return xs, ys
	}
	missing, extra = try(missing, extra)
	extra, missing = try(extra, missing)
	return missing, extra
}

// unit is a unit of measure a translator may convert: its metric
// counterpart, and how to convert a value into it.
type unit struct {
	name   string  // how messages write it
	metric string  // the metric unit's name; "" for a metric unit itself
	factor float64 // metric = value × factor (+ offset)
	offset float64
}

// units maps the folded words and abbreviations written after a number to
// their unit. Imperial units carry their conversion; metric ones are
// their own name.
var units = func() map[string]unit {
	m := map[string]unit{}
	add := func(u unit, words ...string) {
		for _, w := range words {
			m[w] = u
		}
	}
	add(unit{name: "mph", metric: "km/h", factor: 1.609344}, "mph", "mi/h")
	add(unit{name: "knots", metric: "km/h", factor: 1.852}, "knot", "knots", "kn", "kt", "kts")
	add(unit{name: "miles", metric: "km", factor: 1.609344}, "mile", "miles", "mi")
	add(unit{name: "nautical miles", metric: "km", factor: 1.852}, "nautical", "nmi")
	add(unit{name: "feet", metric: "m", factor: 0.3048}, "ft", "feet", "foot")
	add(unit{name: "inches", metric: "cm", factor: 2.54}, "in", "inch", "inches", "\"", "″")
	add(unit{name: "yards", metric: "m", factor: 0.9144}, "yd", "yds", "yard", "yards")
	add(unit{name: "pounds", metric: "kg", factor: 0.45359237}, "lb", "lbs", "pound", "pounds")
	add(unit{name: "stone", metric: "kg", factor: 6.35029318}, "st", "stone", "stones")
	add(unit{name: "ounces", metric: "g", factor: 28.349523}, "oz", "ounce", "ounces")
	add(unit{name: "gallons", metric: "l", factor: 3.785411784}, "gal", "gallon", "gallons")
	add(unit{name: "acres", metric: "ha", factor: 0.40468564}, "acre", "acres")
	add(unit{name: "°F", metric: "°C", factor: 5.0 / 9, offset: -32 * 5.0 / 9}, "°f", "f", "fahrenheit")
	add(unit{name: "km/h"}, "км/ч", "km/h", "kph", "kmh", "km/hr")
	add(unit{name: "km"}, "км", "km", "kilometre", "kilometres", "kilometer", "kilometers", "километр", "километра", "километров", "километрах", "километрам")
	add(unit{name: "m"}, "м", "m", "metre", "metres", "meter", "meters", "метр", "метра", "метров", "метрах")
	add(unit{name: "cm"}, "см", "cm", "сантиметр", "сантиметра", "сантиметров", "centimetre", "centimetres", "centimeters")
	add(unit{name: "kg"}, "кг", "kg", "килограмм", "килограмма", "килограммов", "kilogram", "kilograms", "kilos")
	add(unit{name: "g"}, "г", "g", "грамм", "грамма", "граммов", "gram", "grams")
	add(unit{name: "l"}, "л", "l", "литр", "литра", "литров", "litre", "litres", "liter", "liters")
	add(unit{name: "ha"}, "га", "гектар", "гектара", "гектаров", "hectare", "hectares")
	add(unit{name: "°C"}, "°c", "°с", "c", "градус", "градуса", "градусов", "celsius")
	return m
}()

// unitAfter returns the unit written right after the numeral n of text
// (16mph, 65 km/h, «105 км/ч», 50 Nautical Miles, 6in, 70°F), if any.
func unitAfter(text string, n lang.Numeral) (unit, bool) {
	rest := strings.TrimLeft(text[n.End:], " \u00a0\u202f")
	if strings.HasPrefix(rest, "°") {
		r := strings.TrimLeft(rest[len("°"):], " ")
		switch {
		case strings.HasPrefix(r, "F"):
			return units["°f"], true
		case strings.HasPrefix(r, "C"), strings.HasPrefix(r, "С"):
			return units["°c"], true
		}
		return unit{}, false // a bare degree: either scale
	}
	if strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "″") {
		return units["in"], true
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !(unicode.IsLetter(r) || r == '/') })
	if end < 0 {
		end = len(rest)
	}
	w := strings.ToLower(strings.TrimRight(rest[:end], "/"))
	if w == "" {
		return unit{}, false
	}
	if w == "f" || w == "c" {
		// 70 F, 21 C: a letter alone is a unit only in that use.
		if end < len(rest) && unicode.IsLetter(rune(rest[end])) {
			return unit{}, false
		}
	}
	u, ok := units[w]
	return u, ok
}

// converted reports whether m (in unit um) and e (in unit ue) are one
// measure converted between imperial and metric units, allowing for the
// translator's rounding.
func converted(m lang.Numeral, um unit, e lang.Numeral, ue unit) (float64, bool) {
	conv := func(v float64, from, to unit) (float64, bool) {
		if from.metric == "" {
			return 0, false
		}
		fb, ff := metricBase(from.metric)
		tb, tf := metricBase(to.name)
		if fb != tb {
			return 0, false
		}
		return (v*from.factor + from.offset) * ff / tf, true
	}
	check := func(v, got float64, temp bool) bool {
		if temp {
			return math.Abs(v-got) <= 1.5
		}
		return got != 0 && math.Abs(v-got) <= 0.1*math.Abs(v)
	}
	if v, ok := conv(m.Value, um, ue); ok && check(v, e.Value, ue.name == "°C") {
		return v, true
	}
	if v, ok := conv(e.Value, ue, um); ok && check(v, m.Value, um.name == "°C") {
		return v, true
	}
	return 0, false
}

// metricBase returns the metric unit name is a multiple of, and the
// multiple: centimetres and kilometres are metres (6ft is «183 см»),
// grams kilograms; any other unit is itself.
func metricBase(name string) (string, float64) {
	switch name {
	case "cm":
		return "m", 0.01
	case "km":
		return "m", 1000
	case "g":
		return "kg", 0.001
	}
	return name, 1
}

// metricInWords reports whether the numeral n of text is a measure in an
// imperial unit and the other side (other, the unit's text there) names
// the metric unit it converts into, or a multiple of it, by a word with no
// number before it: "at 4000 ft" as «на высоте больше километра», "a few
// miles" as «в нескольких километрах» — a conversion rounded into words.
func metricInWords(text string, n lang.Numeral, other string) bool {
	u, ok := unitAfter(text, n)
	if !ok || u.metric == "" {
		return false
	}
	base, _ := metricBase(u.metric)
	prevNumber := false
	for _, t := range lang.Analyze(other) {
		if t.Kind != lang.Word {
			prevNumber = t.Kind == lang.Number
			continue
		}
		w := t.Norm
		if len(t.Parts) > 0 {
			w = t.Parts[0].Norm // «километр-полтора»
		}
		if ou, ok := units[w]; ok && ou.metric == "" && !prevNumber {
			if ob, _ := metricBase(ou.name); ob == base && utf8.RuneCountInString(w) > 2 {
				return true
			}
		}
		prevNumber = false
	}
	return false
}

// compoundUnits are the pairs of imperial units a measure is written in
// together, the larger first: 5ft 10in, 11st 4lb.
var compoundUnits = [][2]string{{"feet", "inches"}, {"stone", "pounds"}}

// compoundMeasure reads a measure written in two imperial units at the
// numeral k of ns (the numerals of text) and the one right after it (5ft
// 10in, 11st 4lb, 6 feet 2 inches): its value in the metric unit, that
// unit, and the index of the second numeral.
func compoundMeasure(text string, ns []lang.Numeral, k int) (v float64, metric string, next int, ok bool) {
	if k < 0 || k+1 >= len(ns) || ns[k].IsRange() || ns[k+1].IsRange() || ns[k].End > ns[k+1].Start {
		return 0, "", 0, false
	}
	big, ok1 := unitAfter(text, ns[k])
	small, ok2 := unitAfter(text, ns[k+1])
	if !ok1 || !ok2 || !slices.Contains(compoundUnits, [2]string{big.name, small.name}) {
		return 0, "", 0, false
	}
	// Only the first unit's word, spaces and "and" between the two.
	between := strings.Fields(text[ns[k].End:ns[k+1].Start])
	if len(between) == 0 || len(between) > 2 || len(between) == 2 && between[1] != "and" {
		return 0, "", 0, false
	}
	_, bf := metricBase(big.metric)
	_, sf := metricBase(small.metric)
	return ns[k].Value*big.factor + ns[k+1].Value*small.factor*sf/bf, big.metric, k + 1, true
}

// unitOf returns the unit of the numeral at index k of ns (the numerals
// of text): its own, else that of the nearest numeral before it with one
// ("16mph with an airspeed of 65").
func unitOf(text string, ns []lang.Numeral, k int) (unit, bool) {
	for i := k; i >= 0; i-- {
		if u, ok := unitAfter(text, ns[i]); ok {
			return u, true
		}
	}
	return unit{}, false
}

// sigDigits returns the number of significant digits a numeral is
// written with: 3.1 has two, 1,2 млн two, 1 234 567 seven, 1000 and
// 1,000 one (trailing zeros are taken as placeholders).
func sigDigits(text string) int {
	var digits []byte
	for i := 0; i < len(text); i++ {
		if isDigitByte(text[i]) {
			digits = append(digits, text[i])
		} else if len(digits) > 0 && !strings.ContainsRune(".,  \u00a0\u202f\u2009", rune(text[i])) {
			break // a range's second number, a scale word
		}
	}
	return len(strings.Trim(string(digits), "0"))
}

// rounded reports whether one of m and e is the other rounded: written
// with fewer significant digits (two at least: 20 is no rounding of 15),
// it equals the other rounded to as many (3.14 → 3.1, 1 234 567 → 1,2 млн).
func rounded(m, e lang.Numeral) bool {
	if m.IsRange() || e.IsRange() || (m.Kind == lang.Percent) != (e.Kind == lang.Percent) || m.Kind == lang.Date || e.Kind == lang.Date || m.Kind == lang.Time || e.Kind == lang.Time {
		return false
	}
	if m.Kind == lang.Year || e.Kind == lang.Year || yearOfName(m) && yearOfName(e) {
		return false // 2020 is no rounding of 2021
	}
	a, b := m, e
	if sigDigits(a.Text) > sigDigits(b.Text) {
		a, b = b, a
	}
	k := sigDigits(a.Text)
	if k < 2 || k >= sigDigits(b.Text) || a.Value == 0 || b.Value == 0 {
		return false
	}
	mag := math.Pow(10, math.Floor(math.Log10(math.Abs(b.Value)))-float64(k-1))
	r := math.Round(b.Value/mag) * mag
	return math.Abs(r-a.Value) <= 1e-9*math.Abs(a.Value)+1e-12
}

// otherSeparator reports whether m and e differ by a factor of 1,000
// that the separator of the smaller explains: "42.000" or «60,000» is 42
// or 60 read as a decimal, 42,000 read with the other language's habit.
func otherSeparator(m, e lang.Numeral) bool {
	small, big := m, e
	if small.Value > big.Value {
		small, big = big, small
	}
	if small.Value == 0 || !sameFloat(small.Value*1000, big.Value) {
		return false
	}
	t := small.Text
	i := strings.IndexAny(t, ".,")
	if i < 0 || strings.IndexAny(t[i+1:], ".,") >= 0 {
		return false
	}
	k := i + 1
	for k < len(t) && isDigitByte(t[k]) {
		k++
	}
	return k-i-1 == 3
}

func sameFloat(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// repeated reports whether n's value occurs more often among its own
// side's numerals than among the other side's, where it occurs too: the
// translator said it once («2-го типа (SARS-CoV-2)» as "SARS-CoV-2").
func repeated(n lang.Numeral, own, other []lang.Numeral) bool {
	count := func(ns []lang.Numeral) int {
		c := 0
		for _, x := range ns {
			if !x.Word && x.Value == n.Value && x.Hi == n.Hi && (x.Kind == lang.Percent) == (n.Kind == lang.Percent) {
				c++
			}
		}
		return c
	}
	o := count(other)
	return o >= 1 && count(own) > o
}

// loneOne reports whether n is the digit 1 alone: a singular noun says
// it as well («месяц», "a month"), so its absence is rarely an error.
func loneOne(n lang.Numeral) bool {
	return n.Value == 1 && !n.IsRange() && n.Kind != lang.Percent && strings.TrimSpace(n.Text) == "1"
}

// nameOf returns the name a numeral of text belongs to when a word and a
// hyphen lead up to it (COVID-19, Су-35, «Формула-1»): a model, a disease,
// a series, which the other side may name without its number
// («коронавирус», "the Sukhoi fighter"); "" otherwise, and when the other
// side writes a name with other digits glued to it (F2 for «Формула-3»).
func nameOf(text string, n lang.Numeral, other string) string {
	if len(gluedValues(other)) > 0 {
		return ""
	}
	r, size := utf8.DecodeLastRuneInString(text[:n.Start])
	if !lang.IsHyphen(r) || r == '—' || r == '–' {
		return ""
	}
	start := n.Start - size
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		start -= size
	}
	if start == n.Start-size {
		return ""
	}
	return text[start:n.End]
}

// denominator reports whether the numeral n of text is the second number
// of a rating or a fraction, a slash before it and a number before that
// (4/5, 10/10): "5/5" is «на пятёрку», "4/5" «на четвёрку».
func denominator(text string, n lang.Numeral) bool {
	if n.Start < 2 || text[n.Start-1] != '/' || !isDigitByte(text[n.Start-2]) {
		return false
	}
	return n.End == len(text) || !isDigitByte(text[n.End]) && text[n.End] != '/'
}

// formatMeasure writes a converted value for a message: 25.7.
func formatMeasure(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// fractionWords are the words that say a percentage without a number:
// half of something is 50%, a doubling a rise of 100%. lo and hi bound
// the percentages each set of word beginnings (folded) stands for.
var fractionWords = []struct {
	lo, hi float64
	words  []string
}{
	{50, 50, []string{"half", "halv", "половин", "вдвое"}},
	{25, 25, []string{"quarter", "четверт"}},
	{75, 75, []string{"three-quarters", "three-fourths"}},
	{75, 75, []string{"quarters", "четверт"}},
	{33, 34, []string{"third", "трет"}},
	{66, 67, []string{"thirds", "трет"}},
	{20, 20, []string{"fifth", "пятая", "пятой", "пятую"}}, // «пятая часть»
	{10, 10, []string{"tenth", "десятая", "десятой", "десятую"}},
	{100, 100, []string{"doubl", "twice", "twofold", "two-fold", "вдвое", "удво", "двукрат"}},
	{200, 200, []string{"tripl", "trebl", "threefold", "three-fold", "втрое", "утроен", "утроил", "утроит", "трехкрат"}},
	// 100% as a whole or as emphasis ("100% Cospedal", «точно»;
	// «полностью» for "100 per cent"; «не всегда» for "not 100%").
	{100, 100, []string{"полност", "целиком", "абсолютн", "совершенн", "точно", "всегда", "complete", "fully", "full", "entire", "whole", "total", "absolute", "definite", "always"}},
}

// saidAsFraction reports, as info, the percentages of ns that the other
// side (other, the unit's text there) says by a word (50% as "half",
// 100% as «вдвое»), and returns the rest. inSource tells which side ns
// are from.
func (r numberMismatch) saidAsFraction(p *Pair, i int, ns []lang.Numeral, other string, inSource bool, out []Finding) ([]lang.Numeral, []Finding) {
	var words []string
	keep := ns[:0:0]
	for _, n := range ns {
		var word string
		if n.Kind == lang.Percent && !n.IsRange() {
			if words == nil {
				for _, t := range lang.Analyze(other) {
					if t.Kind == lang.Word {
						words = append(words, t.Norm)
					}
				}
			}
		fractions:
			for _, fw := range fractionWords {
				if n.Value < fw.lo || n.Value >= fw.hi+1 {
					continue
				}
				for _, w := range words {
					for _, prefix := range fw.words {
						if strings.HasPrefix(w, prefix) {
							word = w
							break fractions
						}
					}
				}
			}
		}
		if word == "" {
			keep = append(keep, n)
			continue
		}
		f := Finding{Rule: r.Name(), Severity: Info, Unit: i}
		if inSource {
			f.Source = p.SourceLoc(i, n.Start, n.End)
			f.Target = p.TargetLoc(i, 0, 0)
			f.Message = fmt.Sprintf("the number %s of the source is not in the target: said in words (%s)?", quote(p.Source.Lang, n.Text), quote(p.Target.Lang, word))
			f.Suggestion = fmt.Sprintf("check that %s renders %s", quote(p.Target.Lang, word), quote(p.Source.Lang, n.Text))
		} else {
			f.Source = p.SourceLoc(i, 0, 0)
			f.Target = p.TargetLoc(i, n.Start, n.End)
			f.Message = fmt.Sprintf("the number %s of the target is not in the source: the source says it in words (%s)?", quote(p.Target.Lang, n.Text), quote(p.Source.Lang, word))
			f.Suggestion = fmt.Sprintf("check %s against the source's %s", quote(p.Target.Lang, n.Text), quote(p.Source.Lang, word))
		}
		out = append(out, f)
	}
	return keep, out
}

// saidAsMultiple reports, as info, the percentages of missing (of the
// source) and extra (of the target) that the other side of unit i says
// as a multiple: «выросли в 1,5 раза» for "rose by 50%", "fell
// threefold"… «в 3 раза» for a fall of 67%, "2.5 times" for «250%». The
// multiple's own numeral, if the other side reported it, goes too. a and
// b are all the numerals of the unit's source and target.
func (r numberMismatch) saidAsMultiple(p *Pair, i int, a, b, missing, extra []lang.Numeral, out []Finding) ([]lang.Numeral, []lang.Numeral, []Finding) {
	// find returns the index in others of a multiple (a number followed
	// by «раз», "times" or "-fold") that the percentage n is.
	find := func(n lang.Numeral, others []lang.Numeral, text string) int {
		if n.Kind != lang.Percent || n.IsRange() || n.Value <= 0 {
			return -1
		}
		for k, x := range others {
			if x.IsRange() || x.Kind == lang.Percent || x.Value <= 1 || !timesAfter(text, x) {
				continue
			}
			for _, v := range []float64{(x.Value - 1) * 100, x.Value * 100, (1 - 1/x.Value) * 100} {
				if math.Abs(n.Value-v) <= 0.5 {
					return k
				}
			}
		}
		return -1
	}
	drop := func(ns []lang.Numeral, x lang.Numeral) []lang.Numeral {
		for j, e := range ns {
			if e.Start == x.Start {
				return append(ns[:j:j], ns[j+1:]...)
			}
		}
		return ns
	}
	say := func(n, x lang.Numeral, inSource bool) {
		f := Finding{Rule: r.Name(), Severity: Info, Unit: i}
		if inSource {
			f.Source = p.SourceLoc(i, n.Start, n.End)
			f.Target = p.TargetLoc(i, x.Start, x.End)
			f.Message = fmt.Sprintf("the source says %s and the target %s: a percentage said as a multiple", quote(p.Source.Lang, n.Text), quote(p.Target.Lang, x.Text))
			f.Suggestion = fmt.Sprintf("check that %s renders %s", quote(p.Target.Lang, x.Text), quote(p.Source.Lang, n.Text))
		} else {
			f.Source = p.SourceLoc(i, x.Start, x.End)
			f.Target = p.TargetLoc(i, n.Start, n.End)
			f.Message = fmt.Sprintf("the source says %s and the target %s: a multiple said as a percentage", quote(p.Source.Lang, x.Text), quote(p.Target.Lang, n.Text))
			f.Suggestion = fmt.Sprintf("check %s against the source's %s", quote(p.Target.Lang, n.Text), quote(p.Source.Lang, x.Text))
		}
		out = append(out, f)
	}
	// pair keeps the numerals of ns that the other side (others, in
	// text) does not say as a multiple; for each it does, it reports the
	// pair and drops the multiple from *rest, the other side's unmatched
	// numerals.
	pair := func(ns, others []lang.Numeral, text string, inSource bool, rest *[]lang.Numeral) []lang.Numeral {
		keep := ns[:0:0]
		for _, n := range ns {
			if k := find(n, others, text); k >= 0 {
				say(n, others[k], inSource)
				*rest = drop(*rest, others[k])
				continue
			}
			keep = append(keep, n)
		}
		return keep
	}
	missing = pair(missing, b, p.Target.Text, true, &extra)
	extra = pair(extra, a, p.Source.Text, false, &missing)
	return missing, extra, out
}

// ratioWords are what joins the two numbers of a ratio ("1 in 4", "three
// out of ten", «трое из десяти»), spaces around them included.
var ratioWords = []string{" in ", " out of ", " of ", " из "}

// ratioAt returns the percentage the numerals ns[k] and ns[k+1] of text
// say as a ratio ("1 in 4" is 25%), ok false when they are none.
func ratioAt(text string, ns []lang.Numeral, k int) (float64, bool) {
	if k+1 >= len(ns) {
		return 0, false
	}
	x, y := ns[k], ns[k+1]
	if x.IsRange() || y.IsRange() || x.Kind == lang.Percent || y.Kind == lang.Percent || x.Value <= 0 || y.Value <= x.Value || x.End > y.Start {
		return 0, false
	}
	between := strings.ToLower(text[x.End:y.Start])
	if !slices.Contains(ratioWords, between) {
		return 0, false
	}
	return 100 * x.Value / y.Value, true
}

// saidAsRatio reports, as info, the percentages of missing (of the
// source) and extra (of the target) that the other side of unit i says as
// a ratio: «25% американцев» for "1 in 4 Americans", "30%" for «трое из
// десяти». The ratio's numerals, if the other side reported them, go
// too. a and b are all the numerals of the unit's source and target.
func (r numberMismatch) saidAsRatio(p *Pair, i int, a, b, missing, extra []lang.Numeral, out []Finding) ([]lang.Numeral, []lang.Numeral, []Finding) {
	pair := func(ns, others []lang.Numeral, text string, inSource bool, rest *[]lang.Numeral) []lang.Numeral {
		if !slices.ContainsFunc(ns, func(n lang.Numeral) bool { return n.Kind == lang.Percent }) {
			return ns // the common case, without allocating
		}
		keep := ns[:0:0]
	next:
		for _, n := range ns {
			if n.Kind != lang.Percent || n.IsRange() {
				keep = append(keep, n)
				continue
			}
			for k := range others {
				v, ok := ratioAt(text, others, k)
				if !ok || math.Abs(v-n.Value) > 1 {
					continue
				}
				x, y := others[k], others[k+1]
				ratio := text[x.Start:y.End]
				f := Finding{Rule: r.Name(), Severity: Info, Unit: i}
				if inSource {
					f.Source, f.Target = p.SourceLoc(i, n.Start, n.End), p.TargetLoc(i, x.Start, y.End)
					f.Message = fmt.Sprintf("the source says %s and the target %s: a percentage said as a ratio", quote(p.Source.Lang, n.Text), quote(p.Target.Lang, ratio))
				} else {
					f.Source, f.Target = p.SourceLoc(i, x.Start, y.End), p.TargetLoc(i, n.Start, n.End)
					f.Message = fmt.Sprintf("the source says %s and the target %s: a ratio said as a percentage", quote(p.Source.Lang, ratio), quote(p.Target.Lang, n.Text))
				}
				out = append(out, f)
				kept := (*rest)[:0:0]
				for _, o := range *rest {
					if o.Start != x.Start && o.Start != y.Start {
						kept = append(kept, o)
					}
				}
				*rest = kept
				continue next
			}
			keep = append(keep, n)
		}
		return keep
	}
	if len(missing) > 0 {
		missing = pair(missing, b, p.Target.Text, true, &extra)
	}
	if len(extra) > 0 {
		extra = pair(extra, a, p.Source.Text, false, &missing)
	}
	return missing, extra, out
}

// timesAfter reports whether a word for times follows the numeral n of
// text: «в 1,5 раза», "2.5 times", "a 3-fold rise".
func timesAfter(text string, n lang.Numeral) bool {
	rest := strings.TrimLeft(text[n.End:], " \u00a0\u202f-")
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	switch lang.Fold(rest[:end]) {
	case "раз", "раза", "times", "fold":
		return true
	}
	return false
}

// durationUnits are the units of time a translator converts exactly
// (7 days = a week, 20 years = two decades): per unit, the folded word
// forms in both languages, those of them that say one of it alone (a
// week, «за неделю», «десятилетие»), and its size: the number of the
// chain's smallest unit it holds (minutes for the clock and the calendar
// of days, months for months and years; the two chains are not compared,
// a month having no fixed number of days).
var durationUnits = []struct {
	forms, one []string
	chain      int
	size       float64
}{
	{[]string{"минута", "минуты", "минут", "минуту", "мин", "minute", "minutes", "min", "mins"}, []string{"минута", "минуту", "minute"}, 0, 1},
	{[]string{"час", "часа", "часов", "часам", "часах", "hour", "hours", "hrs"}, []string{"час", "часа", "hour"}, 0, 60},
	{[]string{"день", "дня", "дней", "дням", "днях", "сутки", "суток", "суткам", "day", "days"}, []string{"день", "дня", "сутки", "суток", "day"}, 0, 24 * 60},
	{[]string{"неделя", "недели", "недель", "неделю", "неделе", "неделям", "неделях", "week", "weeks"}, []string{"неделя", "недели", "неделю", "неделе", "week"}, 0, 7 * 24 * 60},
	{[]string{"fortnight", "fortnights"}, []string{"fortnight"}, 0, 14 * 24 * 60},
	{[]string{"месяц", "месяца", "месяцев", "месяцам", "месяцах", "month", "months"}, []string{"месяц", "месяца", "month"}, 1, 1},
	{[]string{"год", "года", "году", "лет", "годам", "годах", "year", "years"}, []string{"год", "года", "году", "year"}, 1, 12},
	{[]string{"десятилетие", "десятилетия", "десятилетий", "десятилетию", "десятилетием", "десятилетиями", "десятилетиях", "decade", "decades"},
		[]string{"десятилетие", "десятилетия", "десятилетию", "десятилетием", "decade"}, 1, 120},
	{[]string{"век", "века", "веков", "веку", "веке", "столетие", "столетия", "столетий", "столетии", "century", "centuries"},
		[]string{"век", "века", "веку", "веке", "столетие", "столетия", "столетии", "century"}, 1, 1200},
}

// durationUnit returns the index in durationUnits of the folded word w, or -1.
func durationUnit(w string) int {
	for k, u := range durationUnits {
		if slices.Contains(u.forms, w) {
			return k
		}
	}
	return -1
}

// durationAfter returns the index in durationUnits of the unit word right
// after the numeral n of text, or -1.
func durationAfter(text string, n lang.Numeral) int {
	rest := strings.TrimLeft(text[n.End:], " \u00a0\u202f-")
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	if end == 0 {
		return -1
	}
	return durationUnit(lang.Fold(rest[:end]))
}

// durationsIn returns the durations a unit's text says (text, starting at
// offset start of its document, whose numerals are nums): each unit word
// with the amount it stands for in its chain's smallest unit and the
// numeral that counts it, if any. A unit is counted by a numeral right
// before it (two decades, «48 часов», «полтора года»), halved or
// quartered by a word («полчаса», "half a century", «четверть века»),
// one where a singular form stands alone (a week, «за сутки»); "and a
// half" and «с половиной» after it add a half (a year and a half).
func durationsIn(text string, start int, nums []lang.Numeral) []spokenDuration {
	var words []lang.Token
	for _, t := range lang.Analyze(text) {
		if t.Kind != lang.Word {
			continue
		}
		if len(t.Parts) > 0 {
			words = append(words, t.Parts...) // "a half-century", «двух-трёх-дневный»
		} else {
			words = append(words, t)
		}
	}
	var out []spokenDuration
	for k, t := range words {
		w, mult := t.Norm, 0.0
		u := durationUnit(w)
		if u < 0 && w != "полдень" {
			// «полчаса», «полгода», «получаса»: half of a unit in one word.
			for _, half := range []string{"полу", "пол"} {
				if rest, ok := strings.CutPrefix(w, half); ok && u < 0 {
					if u = durationUnit(rest); u >= 0 {
						mult = 0.5
					}
				}
			}
		}
		if u < 0 {
			continue
		}
		d := spokenDuration{counter: -1}
		for j, o := range nums {
			if o.End <= start+t.Start && o.End >= start+t.Start-3 && strings.Trim(text[o.End-start:t.Start], " \u00a0\u202f-") == "" {
				d.counter = j
			}
		}
		prev := func(back int) string {
			if k-back < 0 {
				return ""
			}
			return words[k-back].Norm
		}
		switch {
		case mult != 0:
		case d.counter >= 0:
			mult = nums[d.counter].Value
		case prev(1) == "half" || prev(2) == "half" && (prev(1) == "a" || prev(1) == "an"):
			mult = 0.5
		case prev(1) == "четверть" || prev(1) == "quarter" || prev(2) == "quarter" && (prev(1) == "a" || prev(1) == "an") ||
			prev(3) == "quarter" && prev(2) == "of" && (prev(1) == "a" || prev(1) == "an"):
			mult = 0.25
		case slices.Contains(durationUnits[u].one, w):
			mult = 1
		default:
			continue
		}
		if k+2 < len(words) && words[k+1].Norm == "с" && strings.HasPrefix(words[k+2].Norm, "половин") ||
			k+3 < len(words) && words[k+1].Norm == "and" && words[k+2].Norm == "a" && words[k+3].Norm == "half" {
			mult += 0.5
		}
		d.unit, d.chain = u, durationUnits[u].chain
		d.amount = mult * durationUnits[u].size
		out = append(out, d)
	}
	return out
}

// spokenDuration is a duration a text says: the amount in its chain's
// smallest unit, its unit, and the index of the numeral that counts it
// (-1 for none).
type spokenDuration struct {
	unit    int // the index in durationUnits
	chain   int
	amount  float64
	counter int
}

// dropDurations removes the numerals of ns (read from own, the whole
// text) that are a duration the other side (the unit's text there
// otherUnit, starting at otherStart, its numerals others) gives in another
// unit: «7 дней» as "a week", «48 часов» as "two days", «12 месяцев» as
// "a year", "20 years" as «два десятилетия», «полчаса» for "30 minutes".
// A count written in digits on the other side is one of oppExtra, and
// goes too.
func dropDurations(own, otherUnit string, otherStart int, ns, oppExtra, others []lang.Numeral) ([]lang.Numeral, []lang.Numeral) {
	if len(ns) == 0 {
		return ns, oppExtra
	}
	var spoken []spokenDuration
	parsed := false
	keep := ns[:0:0]
	for _, n := range ns {
		u := -1
		if n.Kind == lang.Plain && !n.IsRange() && n.Value > 0 {
			u = durationAfter(own, n)
		}
		if u < 0 {
			keep = append(keep, n)
			continue
		}
		if !parsed {
			spoken, parsed = durationsIn(otherUnit, otherStart, others), true
		}
		amount, found := n.Value*durationUnits[u].size, false
		for _, d := range spoken {
			// The same unit is no conversion: "1 month" for «месяц» is
			// the lone one of loneOne.
			if d.unit == u || d.chain != durationUnits[u].chain || !sameFloat(d.amount, amount) {
				continue
			}
			found = true
			if d.counter >= 0 {
				o := others[d.counter]
				for j, e := range oppExtra {
					if e.Start == o.Start {
						oppExtra = append(oppExtra[:j:j], oppExtra[j+1:]...)
						break
					}
				}
			}
			break
		}
		if !found {
			keep = append(keep, n)
		}
	}
	return keep, oppExtra
}

// timeZones are the folded words that name a time zone after a time (5:47
// ET, «в 00:47 по московскому времени»): where one side has one, a time
// with the same minutes but another hour is the translator's conversion.
var timeZones = []string{"et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
	"msk", "ist", "мск", "московскому", "местному", "гринвичу", "киевскому", "local", "moscow", "kyiv", "kiev", "eastern", "pacific"}

// otherZone reports whether m and e are times of day (or whole hours)
// with the same minutes, one of them followed closely by a time zone.
func otherZone(p *Pair, m, e lang.Numeral) bool {
	minutes := func(n lang.Numeral) (float64, bool) {
		switch {
		case n.IsRange() || n.Word:
			return 0, false
		case n.Kind == lang.Time:
			return math.Round((n.Value - math.Trunc(n.Value)) * 100), true
		case n.Kind == lang.Plain && n.Value >= 0 && n.Value <= 24 && n.Value == math.Trunc(n.Value):
			return 0, true
		}
		return 0, false
	}
	mm, ok1 := minutes(m)
	em, ok2 := minutes(e)
	if !ok1 || !ok2 || mm != em || (m.Kind != lang.Time && e.Kind != lang.Time) {
		return false
	}
	return zoneAfter(p.Source.Text, m) || zoneAfter(p.Target.Text, e)
}

// zoneAfter reports whether a time zone is named within a few words after
// the numeral n of text.
func zoneAfter(text string, n lang.Numeral) bool {
	rest := text[n.End:]
	if len(rest) > 60 {
		rest = rest[:60]
	}
	for k, w := range strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if k >= 4 {
			break
		}
		if slices.Contains(timeZones, lang.Fold(w)) {
			return true
		}
	}
	return false
}

// decadeOf returns the first year of the decade the numeral n names
// (1990s, 20s, «1990-х», «90-е»), ok false for any other numeral.
func decadeOf(n lang.Numeral) (float64, bool) {
	if n.Kind != lang.Year || n.IsRange() || n.Word || math.Mod(n.Value, 10) != 0 {
		return 0, false
	}
	t := strings.TrimRight(n.Text, " \u00a0")
	return n.Value, strings.HasSuffix(t, "s") || strings.HasSuffix(t, "х") || strings.HasSuffix(t, "е")
}

// spansDecade reports whether the numeral n spans the decade from d as
// a range written out: 20–29 or «от 20 до 30».
func spansDecade(n lang.Numeral, d float64) bool {
	return n.IsRange() && n.Value == d && (n.Hi == d+9 || n.Hi == d+10)
}

// dropDecadeSpans removes a decade on one side and its span on the other:
// "in his 20s" is «в возрасте 20–29 лет» and «от 20 до 30 лет», "the
// 1990s" «1990–1999 годы». A span written as two numbers leaves its end
// (30 or 29) unmatched once the decade has matched its start; that end
// goes when the start is there. a and b are all the numerals of the
// unit's source and target.
func dropDecadeSpans(missing, extra, a, b []lang.Numeral) ([]lang.Numeral, []lang.Numeral) {
	decades := false
	for _, ns := range [][]lang.Numeral{a, b} {
		for _, n := range ns {
			_, ok := decadeOf(n)
			decades = decades || ok
		}
	}
	if !decades || len(missing) == 0 && len(extra) == 0 {
		return missing, extra // the common case, without allocating
	}
	missing, extra = pairOff(missing, extra, func(m, e lang.Numeral) bool {
		if d, ok := decadeOf(m); ok && spansDecade(e, d) {
			return true
		}
		d, ok := decadeOf(e)
		return ok && spansDecade(m, d)
	})
	// ends keeps the numerals of ns (of the side whose numerals are own)
	// that do not end a decade of the other side (others) begun in own.
	ends := func(ns, own, others []lang.Numeral) []lang.Numeral {
		out := ns[:0:0]
		for _, n := range ns {
			spanEnd := false
			for _, o := range others {
				d, ok := decadeOf(o)
				if !ok || n.IsRange() || n.Word || n.Value != d+9 && n.Value != d+10 {
					continue
				}
				for _, x := range own {
					if x.End <= n.Start && !x.IsRange() && x.Value == d && n.Start-x.End <= 24 {
						spanEnd = true
					}
				}
			}
			if !spanEnd {
				out = append(out, n)
			}
		}
		return out
	}
	return ends(missing, a, b), ends(extra, b, a)
}

// metricPrefixes are the prefixes of a unit that hold a scale ("32
// kilobases" is «32 тысяч нуклеотидов», "5 megatonnes" «5 млн тонн»),
// folded, with the scale each stands for.
var metricPrefixes = []struct {
	prefix string
	scale  float64
}{{"kilo", 1e3}, {"кило", 1e3}, {"mega", 1e6}, {"мега", 1e6}, {"giga", 1e9}, {"гига", 1e9}}

// prefixAfter returns the scale of the metric prefix of the word right
// after the numeral n of text, 0 for none.
func prefixAfter(text string, n lang.Numeral) float64 {
	rest := strings.TrimLeft(text[n.End:], " \u00a0\u202f-")
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	w := rest[:end]
	for _, mp := range metricPrefixes {
		if len(w) > len(mp.prefix) && strings.EqualFold(w[:len(mp.prefix)], mp.prefix) {
			return mp.scale
		}
	}
	return 0
}

// dropPrefixedUnits removes a source and a target numeral where one is
// the other's value in a unit with a metric prefix ("32 kilobases") and
// the other says the scale by a word («32 тысяч нуклеотидов») before a
// unit without that prefix: «32 тысячи километров» is still 32,000 km.
func dropPrefixedUnits(src, tgt string, missing, extra []lang.Numeral) ([]lang.Numeral, []lang.Numeral) {
	if len(missing) == 0 || len(extra) == 0 {
		return missing, extra
	}
	prefixed := false
	for _, m := range missing {
		prefixed = prefixed || prefixAfter(src, m) != 0
	}
	for _, e := range extra {
		prefixed = prefixed || prefixAfter(tgt, e) != 0
	}
	if !prefixed {
		return missing, extra // the common case, without allocating
	}
	scaled := func(x lang.Numeral, xText string, y lang.Numeral, yText string) bool {
		s := prefixAfter(xText, x)
		return s != 0 && !x.IsRange() && !y.IsRange() && x.Kind == lang.Plain && y.Kind == lang.Plain &&
			sameFloat(x.Value*s, y.Value) && prefixAfter(yText, y) == 0
	}
	return pairOff(missing, extra, func(m, e lang.Numeral) bool {
		return scaled(m, src, e, tgt) || scaled(e, tgt, m, src)
	})
}

// anaphors are the folded words by which a text says a number it gave
// already without repeating it: «столько же», "the same". The Latin c
// typed for the Cyrillic с at the start of a word, a common slip of a
// keyboard layout, is allowed for.
var anaphors = []string{"столько же", "стольких же", "стольким же", "столько-же", "cтолько же", "the same"}

// saidOnce tells why the numeral n of text, which its side (own, all the
// unit's numerals there) writes more often than the other side (other,
// the unit's text there), is no loss; "" when nothing explains it. A year
// said once for several dates («с 16 января по 3 марта 2020 г.» = "from
// 16 January 2020 to 3 March 2020"), a number glossed in parentheses
// right after it («2-го типа (SARS-CoV-2)», «Defender 2020 (Защитник-2020)»),
// and a number the other side repeats by a word («столько же», "the
// same") are all said once there.
func saidOnce(text string, n lang.Numeral, own []lang.Numeral, other string) string {
	if n.Kind == lang.Year && !n.IsRange() && n.Value >= 1000 {
		return "a year said once for several dates?"
	}
	for _, x := range own {
		for _, y := range own {
			if x.Word || y.Word || x.End > y.Start || x.Value != n.Value || y.Value != n.Value || x.Hi != n.Hi || y.Hi != n.Hi {
				continue
			}
			if between := text[x.End:y.Start]; len(between) <= 80 && strings.Contains(between, "(") && !strings.ContainsAny(between, ").;!?") {
				return "a name glossed in parentheses, said once on the other side?"
			}
		}
	}
	folded := lang.Fold(other)
	for _, w := range anaphors {
		if containsPhrase(folded, w) {
			return "the other side says it again by a word («столько же», \"the same\")?"
		}
	}
	return ""
}

// relativeYears are the folded phrases that name a year relative to the
// time of writing, which a translator may give as the year itself
// ("earlier this year" as «в начале 2021 года»).
var relativeYears = []string{"this year", "last year", "next year", "a year earlier", "a year ago", "the previous year", "the following year",
	"этом году", "этого года", "прошлом году", "прошлого года", "следующем году", "следующего года", "будущем году", "будущего года",
	"текущем году", "текущего года", "нынешнем году", "нынешнего года", "минувшем году", "минувшего года", "позапрошлом году",
	"уходящем году", "уходящего года", "годом ранее", "год назад", "years ago", "года назад", "лет назад"}

// relativeYear reports whether the year n, unmatched on its side, is one
// the other side (other, the unit's text there) names relative to the
// time of writing.
func relativeYear(n lang.Numeral, other string) bool {
	if n.Kind != lang.Year || n.IsRange() || n.Value < 1000 {
		return false
	}
	folded := lang.Fold(other)
	for _, phrase := range relativeYears {
		if containsPhrase(folded, phrase) {
			return true
		}
	}
	// «прошлогодние выборы» are "the 2020 election".
	return strings.Contains(folded, "прошлогодн")
}

// containsPhrase reports whether the folded phrase occurs in the folded
// text as whole words.
func containsPhrase(text, phrase string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], phrase)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(phrase):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		from = i + len(phrase)
	}
}

// inConversion reports whether the numeral n of text and a numeral next
// to it on its side (own, all of them) are one quantity and its
// conversion in parentheses, the other of the two being one the other
// side has (not among left, the side's unmatched numerals): the writer's
// conversion of an amount, a measure or a time ("$1.5bn (£1.1bn)", "10
// miles (16km)", "15:00 GMT (18:00 Moscow time)", «100 долларов (около 7
// тыс. рублей)»), which a translator may leave out and keep either.
func inConversion(text string, n lang.Numeral, own, left []lang.Numeral) bool {
	k := indexOfNumeral(own, n)
	if k < 0 {
		return false
	}
	// opens reports whether the text between x and y (x first) runs from
	// x's unit to an opening parenthesis and what leads up to y.
	opens := func(x, y lang.Numeral) bool {
		if x.End > y.Start {
			return false
		}
		between := text[x.End:y.Start]
		open := strings.LastIndexByte(between, '(')
		if open < 0 || open > 40 || len(between)-open > 20 || strings.ContainsAny(between, ")0123456789.;:!?") {
			return false
		}
		return len(strings.Fields(between[:open])) <= 3
	}
	// converts reports whether x and y are in different units or
	// currencies, each with one: «5 people (3 women)» is no conversion.
	converts := func(x, y lang.Numeral) bool {
		ux, uy := measureOf(text, x), measureOf(text, y)
		return ux != "" && uy != "" && (ux != uy || ux == "time")
	}
	kept := func(x lang.Numeral) bool { return indexOfNumeral(left, x) < 0 }
	return k > 0 && kept(own[k-1]) && opens(own[k-1], n) && converts(own[k-1], n) ||
		k+1 < len(own) && kept(own[k+1]) && opens(n, own[k+1]) && converts(n, own[k+1])
}

// currencyWords are the folded beginnings of the names of currencies
// written after an amount.
var currencyWords = []string{"доллар", "dollar", "фунт", "pound", "евро", "euro", "рубл", "roubl", "rubl", "юан", "yuan", "рупи", "rupee",
	"иен", "yen", "гривн", "hryvn", "тенге", "tenge", "франк", "franc", "лир", "lira", "шекел", "shekel", "usd", "eur", "gbp", "rub"}

// measureOf names what the numeral n of text measures, for telling a
// conversion: the currency sign before it ("$", "£"), "time" for a time
// of day, the unit of measure (unitAfter) or the currency named after it
// («долларов», "euros"); "" for none of these.
func measureOf(text string, n lang.Numeral) string {
	if n.Kind == lang.Time {
		return "time"
	}
	before := strings.TrimRight(text[:n.Start], " \u00a0\u202f")
	if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune("$£€¥₽₹₴", r) {
		return string(r)
	}
	if u, ok := unitAfter(text, n); ok {
		return u.name
	}
	rest := strings.TrimLeft(text[n.End:], " \u00a0\u202f")
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	w := lang.Fold(rest[:end])
	for _, c := range currencyWords {
		if strings.HasPrefix(w, c) {
			return c
		}
	}
	return ""
}

// placeNumbers are numbers that stand for a place or a service after one
// of the words before them (any word for none), and the folded words by
// which the other side names it instead: "No 10" and "Number 10" are
// Downing Street, the British prime minister's office, which Russian
// names «Даунинг-стрит»; "called 911" is «позвонил в службу спасения».
var placeNumbers = []struct {
	value  float64
	before []string
	place  []string
}{
	{10, []string{"no", "no.", "number"}, []string{"downing", "даунинг"}},
	{911, nil, []string{"emergency", "экстренн", "спасени", "скорую", "скорой", "полици", "police"}},
	{999, nil, []string{"emergency", "экстренн", "спасени", "скорую", "скорой", "полици", "police"}},
	{112, nil, []string{"emergency", "экстренн", "спасени", "скорую", "скорой", "полици", "police"}},
}

// monthOf returns the month (1–12) the word w names, in Russian (any
// case: «мая», «марта») or English ("May", "Mar."), in any letter case;
// 0 for none. It compares without folding, which would allocate.
func monthOf(w string) int {
	w = strings.TrimSuffix(w, ".")
	ru := []string{"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"}
	en := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for k := range ru {
		if k == 4 {
			for _, form := range []string{"май", "мая", "маю", "мае", "маем"} {
				if strings.EqualFold(w, form) {
					return 5
				}
			}
		} else if hasPrefixFold(w, ru[k]) && len(w) <= len(ru[k])+4 {
			return k + 1
		}
		if strings.EqualFold(w, en[k]) || (len(w) == 3 || strings.EqualFold(w, "sept")) && hasPrefixFold(en[k], w) {
			return k + 1
		}
	}
	return 0
}

// hasPrefixFold reports whether s starts with prefix, in any letter case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// monthsFromJanuary returns the last months of the spans from January the
// text names ("January-September", «в январе–сентябре», "Jan. to
// Sept."): «за 9 месяцев» of a year is its January to September.
func monthsFromJanuary(text string) []int {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '–' || r == '—' || r == ',' || r == '(' || r == ')'
	})
	var out []int
	for k, w := range words {
		if monthOf(w) != 1 {
			continue
		}
		for j := k + 1; j < len(words) && j <= k+2; j++ {
			if m := monthOf(words[j]); m > 1 {
				out = append(out, m)
				break
			}
			if !strings.EqualFold(words[j], "to") && !strings.EqualFold(words[j], "through") && !strings.EqualFold(words[j], "по") {
				break
			}
		}
	}
	return out
}

// holidays are the days a translator may name by the holiday instead of
// the date, with the folded words that name it in either language.
var holidays = []struct {
	day, month int
	names      []string
}{
	{9, 5, []string{"victory day", "день победы", "дня победы", "дню победы", "днем победы", "дне победы"}},
	{8, 3, []string{"women's day", "women’s day", "женский день", "женского дня", "женскому дню", "женским днем"}},
	{23, 2, []string{"defender of the fatherland", "defenders of the fatherland", "защитника отечества", "защитников отечества"}},
	{1, 1, []string{"new year", "новый год", "нового года", "новым годом", "новогод"}},
	{31, 12, []string{"new year's eve", "new year’s eve", "новогод", "канун нового года"}},
	{25, 12, []string{"christmas", "рождеств"}},
	{7, 1, []string{"christmas", "рождеств"}},
	{1, 5, []string{"may day", "labour day", "labor day", "первомай", "праздник весны и труда"}},
	{12, 6, []string{"russia day", "день россии", "дня россии"}},
	{4, 11, []string{"unity day", "народного единства"}},
	{4, 7, []string{"independence day", "день независимости", "дня независимости"}},
	{14, 2, []string{"valentine", "валентин"}},
	{1, 9, []string{"knowledge day", "день знаний", "дня знаний"}},
}

// namesOf returns the lists of folded names by which the other side may
// say the numeral n of text: the place a "No 10" stands for, the holiday
// of a day of a month («9 мая» is Victory Day).
func namesOf(text string, n lang.Numeral) [][]string {
	if n.IsRange() || n.Word || n.Value != math.Trunc(n.Value) || n.Value < 1 || n.Value > 999 {
		return nil
	}
	var out [][]string
	last := lastField(text[max(0, n.Start-24):n.Start])
	for _, pn := range placeNumbers {
		if n.Value != pn.value {
			continue
		}
		if pn.before == nil {
			out = append(out, pn.place)
		}
		for _, w := range pn.before {
			if strings.EqualFold(last, w) {
				out = append(out, pn.place)
				break
			}
		}
	}
	if n.Value > 31 {
		return out
	}
	// The month after the day (9 мая, 8 March) or before it (May 9).
	month := 0
	if after := strings.TrimLeft(text[n.End:min(len(text), n.End+24)], " \u00a0"); after != "" {
		if of, ok := strings.CutPrefix(after, "of "); ok {
			after = of // the 4th of July
		}
		if end := strings.IndexAny(after, " \u00a0,"); end >= 0 {
			after = after[:end]
		}
		month = monthOf(after)
	}
	if month == 0 {
		month = monthOf(last)
	}
	for _, h := range holidays {
		if month != 0 && h.month == month && float64(h.day) == n.Value {
			out = append(out, h.names)
		}
	}
	return out
}

// lastField returns the last run of s without spaces.
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// dropNamedNumbers removes the numerals of ns (of text) that the other
// side (other, the unit's text there) says by a name (namesOf): "No 10"
// as «Даунинг-стрит», «к 9 мая» as "by Victory Day".
func dropNamedNumbers(text string, ns []lang.Numeral, other string) []lang.Numeral {
	var folded string
	return keepNumerals(ns, func(n lang.Numeral) bool {
		for _, names := range namesOf(text, n) {
			if folded == "" {
				folded = lang.Fold(other)
			}
			for _, name := range names {
				if strings.Contains(folded, name) {
					return true
				}
			}
		}
		return false
	})
}

// keepNumerals returns the numerals of ns that drop does not take, in
// order; ns itself, without allocating, when it takes none (the common
// case of the rule's filters).
func keepNumerals(ns []lang.Numeral, drop func(lang.Numeral) bool) []lang.Numeral {
	for k, n := range ns {
		if !drop(n) {
			continue
		}
		// Those before k, in ns's array until the first append copies
		// them (the capacity ends at k, so nothing of ns is overwritten).
		out := ns[:k:k]
		for _, m := range ns[k+1:] {
			if !drop(m) {
				out = append(out, m)
			}
		}
		return out
	}
	return ns
}

// dropMonthSpans removes the numbers of months of ns (of text: «за 9
// месяцев», "in the first 9 months") that the other side (other, the
// unit's text there) gives as the months from January ("in
// January-September").
func dropMonthSpans(text string, ns []lang.Numeral, other string) []lang.Numeral {
	var spans []int
	parsed := false
	return keepNumerals(ns, func(n lang.Numeral) bool {
		if n.IsRange() || n.Kind != lang.Plain || n.Value < 2 || n.Value > 11 || n.Value != math.Trunc(n.Value) {
			return false
		}
		if u := durationAfter(text, n); u < 0 || durationUnits[u].chain != 1 || durationUnits[u].size != 1 {
			return false // not months
		}
		if !parsed {
			spans, parsed = monthsFromJanuary(other), true
		}
		return slices.Contains(spans, int(n.Value))
	})
}

// yearOfName reports whether the numeral n is written as a year, four
// digits from 1900 to 2100: as the number of a name (nameOf), an event
// named with its year («ЧМ-2018», «ПМЭФ-2021», «Евровидение-2021»),
// which a translation may name without it ("the World Cup"), where a
// model's number (Su-35) is the model.
func yearOfName(n lang.Numeral) bool {
	return !n.IsRange() && n.Value >= 1900 && n.Value <= 2100 && n.Value == math.Trunc(n.Value) && digitsOnly(strings.TrimSpace(n.Text)) && len(strings.TrimSpace(n.Text)) == 4
}
