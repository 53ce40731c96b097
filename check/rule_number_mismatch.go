package check

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// numberMismatch reports numbers of a source segment with no equal in its
// target segment and the other way round, after normalising the ways
// both languages write them (lang.Numbers, lang.SameNumbers).
type numberMismatch struct{}

func (numberMismatch) Name() string { return "number-mismatch" }
func (numberMismatch) Description() string {
	return "The numbers of a source segment and its target segment differ, after normalising formats."
}
func (numberMismatch) DefaultSeverity() Severity { return Error }

// numeralsIn returns the numerals of d's text in span s, offsets made
// absolute. Numbers inside placeholders, addresses and paths (%1$@,
// {0}, /v2/, Box.com) are code, not numbers a reader checks.
func numeralsIn(d *Document, s Span) []lang.Numeral {
	text := lang.MaskPlaceholders(d.Text[s.Start:s.End])
	ns := lang.Numbers(text)
	for i := range ns {
		applyUnitScale(text, &ns[i])
		applyBasisPoints(text, &ns[i])
		ns[i].Start += s.Start
		ns[i].End += s.Start
	}
	return ns
}

// unitScales are units of measure written right after a number whose
// abbreviation holds a scale lang.Numbers does not read: "38 bcm" is 38
// billion cubic metres, which Russian writes «38 млрд кубометров».
var unitScales = map[string]float64{
	"bcm": 1e9, "tcm": 1e12, "mcm": 1e6, "bcf": 1e9, "tcf": 1e12, "mt": 1e6, "mtpa": 1e6, "mtoe": 1e6,
	"mb/d": 1e6, "mbd": 1e6, "bn": 1e9, "mln": 1e6,
}

// applyUnitScale multiplies a plain number followed by such a unit.
func applyUnitScale(text string, n *lang.Numeral) {
	if n.Kind != lang.Plain || n.IsRange() || n.Value >= 1e6 {
		return
	}
	rest := strings.TrimLeft(text[n.End:], " \u00a0\u202f")
	end := strings.IndexFunc(rest, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '/') })
	if end < 0 {
		end = len(rest)
	}
	if scale, ok := unitScales[strings.ToLower(rest[:end])]; ok {
		n.Value *= scale
		n.Hi *= scale
	}
}

// basisPoints are the folded beginnings of the words for a basis point
// after a number: a hundredth of a percentage point, which news writes
// either way ("a 25 basis point hike", «на 0,25 п.п.», «на 25 б.п.»).
// "bp" and "bps" must end a word.
var basisPoints = []string{"basis point", "basis-point", "базисн", "б.п.", "б. п.", "bps", "bp"}

// applyBasisPoints reads a plain number followed by basis points as the
// percentage points it is.
func applyBasisPoints(text string, n *lang.Numeral) {
	if n.Kind != lang.Plain || n.Word {
		return
	}
	rest := strings.TrimLeft(text[n.End:], " \u00a0\u202f-")
	if r, _ := utf8.DecodeRuneInString(rest); r != 'b' && r != 'B' && r != 'б' && r != 'Б' {
		return // the common case, without folding
	}
	for _, b := range basisPoints {
		if len(rest) < len(b) || lang.Fold(rest[:len(b)]) != b {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest[len(b):]); b[0] == 'b' && len(b) <= 3 && unicode.IsLetter(r) {
			continue // "bpm" is no basis point
		}
		n.Value /= 100
		n.Hi /= 100
		n.Kind = lang.Percent
		return
	}
}

func (r numberMismatch) Check(p *Pair) []Finding {
	var out []Finding
	for i := range p.Units {
		u := &p.Units[i]
		ss, ok1 := u.SourceSpan()
		ts, ok2 := u.TargetSpan()
		if !ok1 || !ok2 {
			continue
		}
		a, b := numeralsIn(p.Source, ss), numeralsIn(p.Target, ts)
		if len(a) == 0 && len(b) == 0 {
			continue
		}
		missing, extra := lang.SameNumbers(a, b)
		if len(missing) == 0 && len(extra) == 0 {
			continue
		}
		// Phone numbers and ids grouped another way («229 62 01» =
		// "229-6201") leave both sides before the numbers are matched
		// again: matched as they stand, their groups would take the place
		// of the same small numbers elsewhere (the «01» of a phone number
		// that of «стр. 1»).
		if a2, b2, ok := dropSharedChains(p.Source.Text, p.Target.Text, a, b, missing, extra); ok {
			a, b = a2, b2
			missing, extra = lang.SameNumbers(a, b)
			if len(missing) == 0 && len(extra) == 0 {
				continue
			}
		}
		srcText, tgtText := p.Source.Text[ss.Start:ss.End], p.Target.Text[ts.Start:ts.End]
		// Numbers that are part of a glossary term are part of a name
		// (Договор СНВ-3, the New START Treaty): the term rules judge it.
		missing = dropInTerms(missing, p.SourceTerms)
		extra = dropInTerms(extra, p.TargetTerms)
		// Numbers written as words on the other side (2 → "two", «три» → 3).
		missing = dropSpelled(missing, p.Source.Text, tgtText, b, ts.Start)
		extra = dropSpelled(extra, p.Target.Text, srcText, a, ss.Start)
		// Digits glued to a name on the other side («Формулы-1» = "F1").
		missing = dropGlued(missing, tgtText)
		extra = dropGlued(extra, srcText)
		// A number that names a place ("No 10" = «Даунинг-стрит»), a
		// date a holiday («9 мая» = "Victory Day").
		missing = dropNamedNumbers(p.Source.Text, missing, tgtText)
		extra = dropNamedNumbers(p.Target.Text, extra, srcText)
		missing, extra = splitGroups(missing, extra)
		// A decade against its span («от 20 до 30 лет» = "in his 20s").
		missing, extra = dropDecadeSpans(missing, extra, a, b)
		// A number with a scale against one with a metric prefix («32
		// тысяч нуклеотидов» = "32 kilobases").
		missing, extra = dropPrefixedUnits(p.Source.Text, p.Target.Text, missing, extra)
		// Durations converted exactly («7 дней» = "a week", «48 часов» =
		// "two days").
		missing, extra = dropDurations(p.Source.Text, tgtText, ts.Start, missing, extra, b)
		extra, missing = dropDurations(p.Target.Text, srcText, ss.Start, extra, missing, a)
		// «за 9 месяцев» of a year as "January-September" and back.
		missing = dropMonthSpans(p.Source.Text, missing, tgtText)
		extra = dropMonthSpans(p.Target.Text, extra, srcText)
		missing, extra = dropClockTimes(p, missing, extra)
		missing, extra = dropSameWritten(missing, extra)
		if u.Low {
			// An unsure alignment: a number found in a neighbouring
			// segment is not evidence of a mismatch.
			missing = dropFoundNear(p, i, missing, false)
			extra = dropFoundNear(p, i, extra, true)
		}
		var special []Finding
		missing, extra, special = r.saidAsMultiple(p, i, a, b, missing, extra, special)
		missing, extra, special = r.saidAsRatio(p, i, a, b, missing, extra, special)
		missing, special = r.saidAsFraction(p, i, missing, tgtText, true, special)
		extra, special = r.saidAsFraction(p, i, extra, srcText, false, special)
		var other []Finding
		missing, extra, other = r.otherWays(p, i, a, b, missing, extra)
		special = append(special, other...)
		out = append(out, special...)
		n := max(len(missing), len(extra))
		for k := 0; k < n; k++ {
			f := Finding{Rule: r.Name(), Severity: Error, Unit: i}
			switch {
			case k < len(missing) && k < len(extra):
				m, e := missing[k], extra[k]
				f.Source = p.SourceLoc(i, m.Start, m.End)
				f.Target = p.TargetLoc(i, e.Start, e.End)
				f.Message = fmt.Sprintf("the source says %s but the target says %s", quote(p.Source.Lang, m.Text), quote(p.Target.Lang, e.Text))
				if sameWritten(m.Text, e.Text) {
					// Written alike, read differently: say how each reads.
					f.Message = fmt.Sprintf("%s reads %s in the source but %s in the target: the comma and the point mean different things in Russian and English",
						quote(p.Source.Lang, m.Text), formatValue(m), formatValue(e))
				}
				f.Suggestion = fmt.Sprintf("check %s against the source's %s", quote(p.Target.Lang, e.Text), quote(p.Source.Lang, m.Text))
			case k < len(missing):
				f = r.oneSided(p, i, missing[k], sourceOnly, a, b, missing, tgtText)
			default:
				f = r.oneSided(p, i, extra[k], targetOnly, b, a, extra, srcText)
			}
			out = append(out, f)
		}
	}
	return out
}

// numberSide names the side of a pair a one-sided numeral was found on, and
// how to say what may have happened to it, from that side's point of view:
// a number the source has and the target lacks was left out; one the
// target has and the source lacks was added.
type numberSide struct {
	this, that  string // "source", "target"
	source      bool   // the numeral is the source's
	suggest     string // the suggestion, with the numeral's %s
	repeatedWhy string // after "occurs more often in this than in that: "
	convertWhy  string // after "one of a quantity and its conversion in parentheses, "
	metricWhy   string // the metric unit in words, said from this side
	relYearWhy  string // the other side's relative year, said from this side
}

var (
	sourceOnly = numberSide{this: "source", that: "target", source: true,
		suggest:     "render %s in the target",
		repeatedWhy: "said once, or left out?",
		convertWhy:  "left out?",
		metricWhy:   "converted to a metric unit and rounded into words?",
		relYearWhy:  "said as this, last or next year?"}
	targetOnly = numberSide{this: "target", that: "source",
		suggest:     "check %s against the source",
		repeatedWhy: "repeated, or added?",
		convertWhy:  "added?",
		metricWhy:   "the source's metric unit in words, converted?",
		relYearWhy:  "the source says this, last or next year?"}
)

// oneSided reports numeral n of unit i, said on side s only: own are all
// the unit's numerals on that side, other those on the other side, left
// the numerals of that side still unmatched, and otherText the other
// side's text. It is an error unless a reading explains it (a rating's
// scale, a repetition, a conversion, a relative year, a name's number),
// and then a warning or info that says which.
func (r numberMismatch) oneSided(p *Pair, i int, n lang.Numeral, s numberSide, own, other, left []lang.Numeral, otherText string) Finding {
	f := Finding{Rule: r.Name(), Severity: Error, Unit: i}
	text, lng := p.Source.Text, p.Source.Lang
	if s.source {
		f.Source = p.SourceLoc(i, n.Start, n.End)
		f.Target = p.TargetLoc(i, 0, 0)
	} else {
		text, lng = p.Target.Text, p.Target.Lang
		f.Source = p.SourceLoc(i, 0, 0)
		f.Target = p.TargetLoc(i, n.Start, n.End)
	}
	q := quote(lng, n.Text)
	notIn := fmt.Sprintf("the number %s of the %s is not in the %s", q, s.this, s.that)
	moreOften := fmt.Sprintf("the number %s occurs more often in the %s than in the %s", q, s.this, s.that)
	f.Message = notIn
	f.Suggestion = fmt.Sprintf(s.suggest, q)
	switch name := nameOf(text, n, otherText); {
	case denominator(text, n):
		f.Severity = Info
		f.Message = notIn + ": the scale of a rating or a fraction, said another way?"
	case repeated(n, own, other):
		f.Severity = Warning
		f.Message = moreOften + ": " + s.repeatedWhy
		if why := saidOnce(text, n, own, otherText); why != "" {
			f.Severity = Info
			f.Message = moreOften + ": " + why
		}
	case inConversion(text, n, own, left):
		f.Severity = Info
		f.Message = notIn + ": one of a quantity and its conversion in parentheses, " + s.convertWhy
	case metricInWords(text, n, otherText):
		f.Severity = Info
		f.Message = notIn + ": " + s.metricWhy
	case relativeYear(n, otherText):
		f.Severity = Info
		f.Message = fmt.Sprintf("the year %s of the %s is not in the %s: %s", q, s.this, s.that, s.relYearWhy)
	case name != "" && yearOfName(n):
		f.Severity = Info
		f.Message = fmt.Sprintf("the year of the name %s is not in the %s: the event named without its year?", quote(lng, name), s.that)
	case name != "":
		f.Severity = Warning
		f.Message = fmt.Sprintf("the number of the name %s is not in the %s: the name rendered another way?", quote(lng, name), s.that)
	case loneOne(n):
		f.Severity = Info // «месяц» is one month, "a month" «1 месяц»
	}
	return f
}

// otherWays pairs a missing and an extra numeral of unit i that are
// probably one quantity written another way, and reports each pair at a
// lower severity, saying what was found: a measure converted between
// imperial and metric units (info), a number rounded (info), a number
// whose separator the other language reads as a decimal mark (warning:
// «42.000» in an English text reads 42). a and b are all the unit's
// numerals, for the units of measure a number shares with the one before.
func (r numberMismatch) otherWays(p *Pair, i int, a, b, missing, extra []lang.Numeral) ([]lang.Numeral, []lang.Numeral, []Finding) {
	if len(missing) == 0 || len(extra) == 0 {
		return missing, extra, nil
	}
	var out []Finding
	pair := func(m, e lang.Numeral, sev Severity, msg string) {
		out = append(out, Finding{Rule: r.Name(), Severity: sev, Unit: i, Message: msg,
			Source:     p.SourceLoc(i, m.Start, m.End),
			Target:     p.TargetLoc(i, e.Start, e.End),
			Suggestion: fmt.Sprintf("check %s against the source's %s", quote(p.Target.Lang, e.Text), quote(p.Source.Lang, m.Text))})
	}
	// A measure in two imperial units (5ft 10in) against its metric
	// conversion («178 см»): the second numeral goes with the pair.
	var second []lang.Numeral
	compound := func(text string, ns []lang.Numeral, x lang.Numeral, otherText string, others []lang.Numeral, y lang.Numeral) bool {
		v, metric, next, ok := compoundMeasure(text, ns, indexOfNumeral(ns, x))
		if !ok {
			return false
		}
		u, ok := unitOf(otherText, others, indexOfNumeral(others, y))
		if !ok || u.metric != "" {
			return false
		}
		base, f := metricBase(u.name)
		if mb, mf := metricBase(metric); mb != base || y.Value == 0 || math.Abs(v*mf-y.Value*f) > 0.03*math.Abs(v*mf) {
			return false
		}
		second = append(second, ns[next])
		return true
	}
	// whole is the text of x with the numeral after it in its measure.
	whole := func(text string, x lang.Numeral) string {
		if len(second) > 0 && second[len(second)-1].Start >= x.End && second[len(second)-1].Start-x.End <= 12 {
			end := second[len(second)-1].End
			for end < len(text) && (text[end] >= 'a' && text[end] <= 'z' || text[end] == '"') {
				end++ // the unit: 10in, 4lb
			}
			return text[x.Start:end]
		}
		return x.Text
	}
	missing, extra = pairOff(missing, extra, func(m, e lang.Numeral) bool {
		if compound(p.Source.Text, a, m, p.Target.Text, b, e) || compound(p.Target.Text, b, e, p.Source.Text, a, m) {
			pair(m, e, Info, fmt.Sprintf("%s and %s are one measure converted between imperial and metric units",
				quote(p.Source.Lang, whole(p.Source.Text, m)), quote(p.Target.Lang, whole(p.Target.Text, e))))
			return true
		}
		return false
	})
	if len(second) > 0 {
		drop := func(ns []lang.Numeral) []lang.Numeral {
			out := ns[:0:0]
			for _, n := range ns {
				if indexOfNumeral(second, n) < 0 {
					out = append(out, n)
				}
			}
			return out
		}
		missing, extra = drop(missing), drop(extra)
	}
	missing, extra = pairOff(missing, extra, func(m, e lang.Numeral) bool {
		um, ok1 := unitOf(p.Source.Text, a, indexOfNumeral(a, m))
		ue, ok2 := unitOf(p.Target.Text, b, indexOfNumeral(b, e))
		if !ok1 || !ok2 {
			return false
		}
		v, ok := converted(m, um, e, ue)
		if ok {
			from, to := um, ue
			if um.metric == "" {
				from, to = ue, um
			}
			pair(m, e, Info, fmt.Sprintf("%s and %s are one measure converted between %s and %s (%s %s)",
				quote(p.Source.Lang, m.Text), quote(p.Target.Lang, e.Text), from.name, from.metric, formatMeasure(v), to.name))
		}
		return ok
	})
	missing, extra = pairOff(missing, extra, func(m, e lang.Numeral) bool {
		if !otherZone(p, m, e) {
			return false
		}
		pair(m, e, Info, fmt.Sprintf("the source says %s and the target %s: the time converted to another time zone?", quote(p.Source.Lang, m.Text), quote(p.Target.Lang, e.Text)))
		return true
	})
	missing, extra = pairOff(missing, extra, func(m, e lang.Numeral) bool {
		if !rounded(m, e) {
			return false
		}
		pair(m, e, Info, fmt.Sprintf("the source says %s and the target %s: rounded", quote(p.Source.Lang, m.Text), quote(p.Target.Lang, e.Text)))
		return true
	})
	missing, extra = pairOff(missing, extra, func(m, e lang.Numeral) bool {
		if !otherSeparator(m, e) || sameWritten(m.Text, e.Text) {
			return false // written alike: the error below says how each reads
		}
		pair(m, e, Warning, fmt.Sprintf("%s reads %s in the source but %s reads %s in the target: a comma or a point before three digits is a decimal mark in one language and groups thousands in the other",
			quote(p.Source.Lang, m.Text), formatValue(m), quote(p.Target.Lang, e.Text), formatValue(e)))
		return true
	})
	return missing, extra, out
}

// dropInTerms removes the numerals that lie inside a glossary term match.
func dropInTerms(ns []lang.Numeral, hits []TermHit) []lang.Numeral {
	if len(ns) == 0 || len(hits) == 0 {
		return ns
	}
	out := ns[:0:0]
	for _, n := range ns {
		k := sort.Search(len(hits), func(i int) bool { return hits[i].End > n.Start })
		inside := false
		for ; k < len(hits) && hits[k].Start <= n.Start; k++ {
			if n.End <= hits[k].End {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, n)
		}
	}
	return out
}

// dropFoundNear removes the numerals that a neighbouring unit's other side
// has.
func dropFoundNear(p *Pair, i int, ns []lang.Numeral, inSource bool) []lang.Numeral {
	var near []lang.Numeral
	for d := -1; d <= 1; d += 2 {
		k := i + d
		if k < 0 || k >= len(p.Units) {
			continue
		}
		if inSource {
			if s, ok := p.Units[k].SourceSpan(); ok {
				near = append(near, numeralsIn(p.Source, s)...)
			}
		} else if s, ok := p.Units[k].TargetSpan(); ok {
			near = append(near, numeralsIn(p.Target, s)...)
		}
	}
	if len(near) == 0 {
		return ns
	}
	left, _ := lang.SameNumbers(ns, near)
	return left
}

// numberWords are the folded beginnings of number words up to twelve in
// both languages, which lang.Numbers does not read.
var numberWords = map[float64][]string{
	1: {"один", "одна", "одно", "одног", "одном", "одной", "одним", "единствен", "one", "single", "first", "перв", "q1", "h1"},
	2: {"два", "две", "двух", "двум", "двумя", "оба", "обе", "обоих", "two", "twice", "both", "second", "втор", "пара", "couple", "двойк", "q2", "h2",
		"дву", "удво", "doubl", "twofold", "two-fold", "halv"}, // «в 2 раза» = doubled, halved
	3: {"три", "трех", "трем", "тремя", "трижды", "three", "thrice", "third", "трет", "тройк", "q3",
		"утроен", "утроил", "утроит", "tripl", "trebl", "threefold", "three-fold"},
	4:   {"четыре", "четырех", "four", "fourth", "четверт", "четверк", "q4", "учетвер", "quadrupl", "fourfold", "four-fold"},
	5:   {"пять", "пяти", "five", "fifth", "пят"}, // пятёрка too
	6:   {"шесть", "шести", "six", "sixth", "шест"},
	7:   {"семь", "семи", "seven", "seventh", "седьм"},
	8:   {"восемь", "восьми", "eight", "eighth", "восьм"},
	9:   {"девять", "девяти", "nine", "ninth", "девят"},
	10:  {"десять", "десяти", "ten", "tenth", "десят", "decade", "tenfold"},
	11:  {"одиннадцат", "eleven"},
	12:  {"двенадцат", "twelve", "dozen"},
	13:  {"тринадцат", "thirteen"},
	14:  {"четырнадцат", "fourteen"},
	15:  {"пятнадцат", "fifteen"},
	16:  {"шестнадцат", "sixteen"},
	17:  {"семнадцат", "seventeen"},
	18:  {"восемнадцат", "eighteen", "несовершеннолет", "совершеннолет", "underage", "under-age", "minors"}, // "under-18s" are minors
	19:  {"девятнадцат", "nineteen"},
	20:  {"двадцат", "twenty", "twentieth"},
	24:  {"сутк", "суточн", "круглосуточн"}, // «за сутки» = "in 24 hours"
	30:  {"тридцат", "thirty", "thirtieth"},
	40:  {"сорок", "сорока", "forty", "fortieth"},
	50:  {"пятьдесят", "пятидесят", "fifty", "fiftieth"},
	60:  {"шестидесят", "sixty", "sixtieth"},
	70:  {"семидесят", "seventy", "seventieth"},
	80:  {"восьмидесят", "eighty", "eightieth"},
	90:  {"девяност", "ninety", "ninetieth"},
	100: {"hundred", "сотн", "сотый", "сотая", "сотое", "столет", "стодневн", "centenary", "centennial"},
	// Hundreds as the first part of a compound: «трёхсотлетие», «пятисотый».
	200: {"двухсот", "bicentenary", "bicentennial"},
	300: {"трехсот", "tercentenary"},
	400: {"четырехсот"},
	500: {"пятисот", "полтысяч", "полутысяч"},
	600: {"шестисот"},
	700: {"семисот"},
	800: {"восьмисот"},
	900: {"девятисот"},
	1e3: {"thousand", "тысяч"},
	1e6: {"million", "миллион"},
	1e9: {"billion", "миллиард"},
	// Half a thousand, a million, a billion in one word.

	5e5: {"полмиллион", "полумиллион"},
	5e8: {"полмиллиард", "полумиллиард"},
}

// dropSpelled removes the small numbers the other side spells out; own
// is the whole text the numerals were read from, other the unit's text on
// the other side, starting at offset otherStart of its document, whose
// numerals are otherNums. A word that is part of a number in words of
// another value there («двадцать» of «сто двадцать», "dozen" of "two
// dozen") spells that number, not this one.
func dropSpelled(ns []lang.Numeral, own, other string, otherNums []lang.Numeral, otherStart int) []lang.Numeral {
	if len(ns) == 0 {
		return ns
	}
	type spelledWord struct {
		norm string
		in   float64 // the value of the number in words the word is part of; NaN for none
	}
	var words []spelledWord
	inNumber := func(t lang.Token) float64 {
		for _, o := range otherNums {
			if o.Word && o.Start <= otherStart+t.Start && otherStart+t.End <= o.End {
				return o.Value
			}
		}
		return math.NaN()
	}
	for _, t := range lang.Analyze(other) {
		if t.Kind == lang.Word {
			in := inNumber(t)
			words = append(words, spelledWord{t.Norm, in})
			for _, part := range t.Parts {
				words = append(words, spelledWord{part.Norm, in}) // «городах-миллионниках»
			}
		}
	}
	// Roman numerals are compared as written: upper case only.
	for _, t := range lang.Analyze(other) {
		if t.Kind == lang.Word && t.Upper() {
			words = append(words, spelledWord{t.Text, math.NaN()})
		}
	}
	// A percentage is spelled only by a compound of its number and
	// "percent" («десятипроцентная скидка», «стопроцентный»).
	percentWord := func(w spelledWord) bool {
		return strings.Contains(w.norm, "процент") || strings.Contains(w.norm, "percent")
	}
	out := ns[:0:0]
	for _, n := range ns {
		spelled := false
		if !n.IsRange() && n.Kind == lang.Percent && n.Value == math.Trunc(n.Value) {
			for _, w := range words {
				if percentWord(w) && spelledBy(w.norm, n.Value) {
					spelled = true
				}
			}
		}
		if !n.IsRange() && n.Kind != lang.Percent {
			for _, w := range words {
				if v, ok := roman(w.norm); ok && float64(v) == n.Value {
					spelled = true // XVI саммит = 16th summit
				}
			}
			values := []float64{n.Value}
			if n.Kind == lang.Time && n.Value == math.Trunc(n.Value) && n.Value > 12 {
				values = append(values, n.Value-12) // 9pm is «девять часов вечера»
			}
			if n.Value == 24 && hoursAfter(own, n) {
				// «за 24 часа» is "in a day", "overnight", "around the clock".
				for _, w := range words {
					if w := w.norm; w == "day" || w == "days" || w == "overnight" || w == "clock" || strings.HasPrefix(w, "round-the-clock") {
						spelled = true
					}
				}
			}
			if whole := math.Trunc(n.Value); n.Value-whole == 0.5 && whole >= 1 && strings.Contains(lang.Fold(other), "and a half") {
				// "a year and a half" is «1,5 года», "two and a half" 2.5.
				for _, w := range words {
					if whole == 1 && (w.norm == "a" || w.norm == "one") || startsWithNumber(w.norm, whole) {
						spelled = true
					}
				}
			}
			for _, v := range values {
				for _, w := range words {
					// A word inside a number in words of another value
					// spells that number; a compound («двадцатипятилетний»
					// = "25-year-old") is one word of its own.
					if startsWithNumber(w.norm, v) && (math.IsNaN(w.in) || w.in == v) || compoundNumber(w.norm, v) {
						spelled = true
					}
				}
			}
		}
		if !spelled {
			out = append(out, n)
		}
	}
	return out
}

// spelledBy reports whether the folded word w starts with a number word
// of value v («десятипроцентный» for 10, «стопроцентный» for 100,
// «двадцатипятипроцентный» for 25).
func spelledBy(w string, v float64) bool {
	if v == 100 && strings.HasPrefix(w, "сто") {
		return true // the caller holds w to a compound with "percent"
	}
	return startsWithNumber(w, v) || compoundNumber(w, v)
}

// startsWithNumber reports whether the folded word w starts with one of
// the number words of value v.
func startsWithNumber(w string, v float64) bool {
	for _, prefix := range numberWords[v] {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// compoundNumber reports whether the folded word w starts with the tens
// and the units of v, 21 to 99, in one compound («двадцатипятилетний»,
// «семидесятипятилетие»).
func compoundNumber(w string, v float64) bool {
	if v <= 20 || v >= 100 || v != math.Trunc(v) || int(v)%10 == 0 {
		return false
	}
	for _, tens := range numberWords[math.Floor(v/10)*10] {
		if rest, ok := strings.CutPrefix(w, tens); ok {
			for _, unit := range numberWords[math.Mod(v, 10)] {
				if strings.HasPrefix(strings.TrimLeft(rest, "иа"), unit) {
					return true
				}
			}
		}
	}
	return false
}

// hoursAfter reports whether a word for hours follows the numeral n of
// text (24 часа, 24 hours, 24h).
func hoursAfter(text string, n lang.Numeral) bool {
	rest := strings.TrimLeft(text[n.End:], " \u00a0\u202f")
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	w := lang.Fold(rest[:end])
	return strings.HasPrefix(w, "час") || w == "hours" || w == "hour" || w == "h" || w == "hrs"
}

// roman reads an upper-case Roman numeral (II to MMM…); ok is false for
// anything else, single letters included (I, V and X are words too often).
func roman(s string) (int, bool) {
	if len(s) < 2 || strings.Trim(s, "IVXLCDM") != "" {
		return 0, false
	}
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(s); i++ {
		v := val[s[i]]
		if i+1 < len(s) && val[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total, total > 0
}

// dropClockTimes removes a source hour and a target hour that are the
// same time on the 24-hour and the 12-hour clock (23:35 = 11:35 p.m.).
func dropClockTimes(p *Pair, missing, extra []lang.Numeral) ([]lang.Numeral, []lang.Numeral) {
	isClock := func(d *Document, n lang.Numeral) bool {
		rest := d.Text[n.End:]
		return n.Kind == lang.Plain && !n.IsRange() && n.Value == math.Trunc(n.Value) && n.Value <= 24 &&
			len(rest) >= 3 && (rest[0] == ':' || rest[0] == '.') && isDigitByte(rest[1]) && isDigitByte(rest[2])
	}
	return pairOff(missing, extra, func(m, e lang.Numeral) bool {
		return isClock(p.Source, m) && isClock(p.Target, e) && int(m.Value)%12 == int(e.Value)%12 ||
			twelveHour(m, e) || twelveHour(e, m)
	})
}

// twelveHour reports whether the time x, written without a marker of the
// 12-hour clock (5:47), is the afternoon time y (17:47) on that clock:
// English news writes "at 5:47" where Russian writes «в 17:47».
func twelveHour(x, y lang.Numeral) bool {
	if x.Kind != lang.Time || y.Kind != lang.Time || x.IsRange() || y.IsRange() || x.Word || y.Word {
		return false
	}
	if x.Value < 1 || x.Value >= 13 || !sameFloat(y.Value, x.Value+12) {
		return false
	}
	return !strings.ContainsFunc(x.Text, unicode.IsLetter)
}

// pairOff removes from missing and extra each pair (the first unused
// extra numeral for each missing one, in order) that same accepts as one
// number, and returns what is left of both.
func pairOff(missing, extra []lang.Numeral, same func(m, e lang.Numeral) bool) ([]lang.Numeral, []lang.Numeral) {
	if len(missing) == 0 || len(extra) == 0 {
		return missing, extra
	}
	used := make([]bool, len(extra))
	var keepM []lang.Numeral
	for _, m := range missing {
		matched := false
		for j, e := range extra {
			if !used[j] && same(m, e) {
				used[j], matched = true, true
				break
			}
		}
		if !matched {
			keepM = append(keepM, m)
		}
	}
	var keepE []lang.Numeral
	for j, e := range extra {
		if !used[j] {
			keepE = append(keepE, e)
		}
	}
	return keepM, keepE
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// dropSameWritten removes a source numeral and a target numeral that are
// the same number written alike but read as different kinds from their
// context ("2023" a year on one side and taken for a percentage beside
// "6.5%" on the other): a finding that quotes the same number on both
// sides would be wrong by construction.
func dropSameWritten(missing, extra []lang.Numeral) ([]lang.Numeral, []lang.Numeral) {
	return pairOff(missing, extra, func(m, e lang.Numeral) bool {
		// Written alike in digits alone, they are dropped even when a
		// scale shared from a neighbour («от 26 до 32 тысяч») gave them
		// different values: the neighbour's own finding («32 тысяч»
		// against "32") shows the difference. Written alike with a
		// separator, they may really differ: «60,000» in a Russian text
		// is sixty, not sixty thousand.
		return sameWritten(m.Text, e.Text) && (m.Value == e.Value || digitsOnly(m.Text)) ||
			m.Value == e.Value && m.Hi == e.Hi && (m.Kind == lang.Year || e.Kind == lang.Year)
	})
}

// sameWritten reports whether two numerals read the same once folded and
// stripped of spaces: what a message would quote as the same on both
// sides.
func sameWritten(a, b string) bool {
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' {
				return -1
			}
			return r
		}, lang.Fold(s))
	}
	return strip(a) == strip(b)
}

// digitsOnly reports whether s is written in digits alone.
func digitsOnly(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// formatValue writes a numeral's value (and a range's upper end) in
// plain digits, for messages.
func formatValue(n lang.Numeral) string {
	v := strconv.FormatFloat(n.Value, 'f', -1, 64)
	if n.IsRange() {
		v += "–" + strconv.FormatFloat(n.Hi, 'f', -1, 64)
	}
	return v
}
