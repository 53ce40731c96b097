package lang

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// num describes an expected numeral: its text, kind, value and upper end
// (hi 0 means "same as value").
type num struct {
	text  string
	kind  NumeralKind
	value float64
	hi    float64
}

func (n num) String() string {
	if n.hi != 0 && n.hi != n.value {
		return fmt.Sprintf("%q %v %g–%g", n.text, n.kind, n.value, n.hi)
	}
	return fmt.Sprintf("%q %v %g", n.text, n.kind, n.value)
}

var numberTests = []struct {
	name string
	text string
	want []num
}{
	{"billions ru", "Товарооборот достиг 240 млрд долларов.", []num{{"240 млрд", Plain, 240e9, 0}}},
	{"billions en", "Trade reached 240 billion dollars.", []num{{"240 billion", Plain, 240e9, 0}}},
	{"USD bn glued", "Trade reached USD 240bn.", []num{{"240bn", Plain, 240e9, 0}}},
	{"dollar bn spaced", "Trade reached $240 bn.", []num{{"240 bn", Plain, 240e9, 0}}},
	{"dollar m", "a $5m grant", []num{{"5m", Plain, 5e6, 0}}},
	{"metres are not millions", "a 5 m wall", []num{{"5", Plain, 5, 0}}},
	{"млрд.", "5 млрд. рублей", []num{{"5 млрд.", Plain, 5e9, 0}}},
	{"decimal comma million", "1,5 млн человек", []num{{"1,5 млн", Plain, 1.5e6, 0}}},
	{"decimal point million", "1.5 million people", []num{{"1.5 million", Plain, 1.5e6, 0}}},
	{"inflected scale words", "итого: 2,5 миллиарда и 3 тысячи и 7 миллионов", []num{{"2,5 миллиарда", Plain, 2.5e9, 0}, {"3 тысячи", Plain, 3e3, 0}, {"7 миллионов", Plain, 7e6, 0}}},
	{"тыс. and k", "30 тыс. и 30k", []num{{"30 тыс.", Plain, 3e4, 0}, {"30k", Plain, 3e4, 0}}},
	{"trillion", "1,2 трлн и 1.2 trillion", []num{{"1,2 трлн", Plain, 1.2e12, 0}, {"1.2 trillion", Plain, 1.2e12, 0}}},
	{"percent ru", "Рост составил 26,3 %.", []num{{"26,3 %", Percent, 26.3, 0}}},
	{"percent NBSP", "Рост составил 26,3\u00a0%.", []num{{"26,3\u00a0%", Percent, 26.3, 0}}},
	{"percent glued", "Growth was 26.3%.", []num{{"26.3%", Percent, 26.3, 0}}},
	{"percent word en", "Growth was 26.3 percent.", []num{{"26.3 percent", Percent, 26.3, 0}}},
	{"per cent", "Growth was 26.3 per cent.", []num{{"26.3 per cent", Percent, 26.3, 0}}},
	{"процентов", "на 5 процентов", []num{{"5 процентов", Percent, 5, 0}}},
	{"percent range", "на 5–7 %", []num{{"5–7 %", Percent, 5, 7}}},
	{"a dash after a year is no minus", "в 2021 -48,2%", []num{{"2021", Year, 2021, 0}, {"48,2%", Percent, 48.2, 0}}},
	{"a spaced hyphen after a year", "в 2021 - 48,2%", []num{{"2021", Year, 2021, 0}, {"48,2%", Percent, 48.2, 0}}},
	{"a dash after a year introduces its figure", "в 2019 – 2 600 человек", []num{{"2019", Year, 2019, 0}, {"2 600", Plain, 2600, 0}}},
	{"a spaced dash between years is a range", "в 2020 – 2021 годах", []num{{"2020 – 2021", Range, 2020, 2021}}},
	{"a spaced dash, short upper year", "сезон 2023 — 24", []num{{"2023 — 24", Range, 2023, 2024}}},
	{"a minus after a word", "температура -5", []num{{"-5", Plain, -5, 0}}},
	{"a year keeps its kind before a percentage", "for 2023 and 6.5%", []num{{"2023", Year, 2023, 0}, {"6.5%", Percent, 6.5, 0}}},
	{"12-hour clock with a dot", "just before 5.30pm on Friday", []num{{"5.30pm", Time, 17.30, 0}}},
	{"12-hour clock with a dot and spaced marker", "at 11.45 a.m.", []num{{"11.45 a.m.", Time, 11.45, 0}}},
	{"a decimal is no time", "rose 5.30 percent", []num{{"5.30 percent", Percent, 5.3, 0}}},
	{"space thousands", "1 234 567 человек", []num{{"1 234 567", Plain, 1234567, 0}}},
	{"thin space thousands", "1\u2009234\u2009567", []num{{"1\u2009234\u2009567", Plain, 1234567, 0}}},
	{"NBSP thousands decimal", "1\u00a0234,5 тонны", []num{{"1\u00a0234,5", Plain, 1234.5, 0}}},
	{"comma thousands", "1,234,567 people", []num{{"1,234,567", Plain, 1234567, 0}}},
	{"comma thousands dot decimal", "1,234.5 tons", []num{{"1,234.5", Plain, 1234.5, 0}}},
	{"dot thousands comma decimal", "1.234,5 тонны", []num{{"1.234,5", Plain, 1234.5, 0}}},
	{"1,234 in English is thousands", "There were 1,234 delegates.", []num{{"1,234", Plain, 1234, 0}}},
	{"1,234 in Russian is decimal", "Было 1,234 тонны.", []num{{"1,234", Plain, 1.234, 0}}},
	{"0,125 decimal even in English", "a ratio of 0,125", []num{{"0,125", Plain, 0.125, 0}}},
	{"list is not thousands", "1, 2, 3", []num{{"1", Plain, 1, 0}, {"2", Plain, 2, 0}, {"3", Plain, 3, 0}}},
	{"two years are not a group", "в 2023 2024", []num{{"2023", Year, 2023, 0}, {"2024", Year, 2024, 0}}},
	{"year", "В 2025 г. саммит", []num{{"2025", Year, 2025, 0}}},
	{"year range ru", "в 2023–2024 гг.", []num{{"2023–2024", Range, 2023, 2024}}},
	{"year range short", "in 2023-24", []num{{"2023-24", Range, 2023, 2024}}},
	{"range spaced en dash", "в 2023 – 2024 годах", []num{{"2023 – 2024", Range, 2023, 2024}}},
	{"range of millions", "5–7 млн", []num{{"5–7 млн", Range, 5e6, 7e6}}},
	{"decreasing is no range", "счёт 3-1", []num{{"3", Plain, 3, 0}, {"1", Plain, 1, 0}}},
	{"negative", "температура -5 и −3,5", []num{{"-5", Plain, -5, 0}, {"−3,5", Plain, -3.5, 0}}},
	{"decade ru", "в 1990-х годах", []num{{"1990-х", Year, 1990, 0}}},
	{"decade en", "in the 1990s", []num{{"1990s", Year, 1990, 0}}},
	{"ordinal ru", "21-й век и 5-го числа", []num{{"21-й", Ordinal, 21, 0}, {"5-го", Ordinal, 5, 0}}},
	{"cardinal ending ru", "в 2-х странах и 5-ти городах", []num{{"2-х", Plain, 2, 0}, {"5-ти", Plain, 5, 0}}},
	{"ordinal en", "the 21st century and the 3rd time", []num{{"21st", Ordinal, 21, 0}, {"3rd", Ordinal, 3, 0}}},
	{"ordinal en teens", "the 11th, 12th, 13th and 111th", []num{{"11th", Ordinal, 11, 0}, {"12th", Ordinal, 12, 0}, {"13th", Ordinal, 13, 0}, {"111th", Ordinal, 111, 0}}},
	{"an ending that disagrees is no ordinal", "he weighed 20st, then 11st", []num{{"20", Plain, 20, 0}, {"11", Plain, 11, 0}}},
	{"roman century", "XXI век", []num{{"XXI", Ordinal, 21, 0}}},
	{"roman century abbreviated", "в XX в. и XV–XVI вв.", []num{{"XX", Ordinal, 20, 0}, {"XV–XVI", Ordinal, 15, 16}}},
	{"roman century en", "the XXI century", []num{{"XXI", Ordinal, 21, 0}}},
	{"cyrillic Х in century", "ХХ век", []num{{"ХХ", Ordinal, 20, 0}}},
	{"regnal", "Николай II и World War II", []num{{"II", Ordinal, 2, 0}, {"II", Ordinal, 2, 0}}},
	{"pronoun I is not a numeral", "Then I said", nil},
	{"DC is not a numeral", "Washington DC", nil},
	{"caps word", "MIX VIVID CIVIL", nil},
	{"glued to letters", "G20 и MH17", nil},
	{"hyphenated model", "Су-35 и COVID-19", []num{{"35", Plain, 35, 0}, {"19", Plain, 19, 0}}},
	{"date", "05.01.2013", []num{{"05.01.2013", Date, 20130105, 0}}},
	{"section number skipped", "п. 1.2.3 устава", nil},
	{"decimal dot", "6.00 до 00.20", []num{{"6.00", Plain, 6, 0}, {"00.20", Plain, 0.2, 0}}},
	{"time", "в 23:45 и 6:05", []num{{"23:45", Time, 23.45, 0}, {"6:05", Time, 6.05, 0}}},
	{"12-hour clock", "at 3:30\u00a0pm, 11:05 a.m., 12:10 AM and 12:00 p.m.", []num{{"3:30\u00a0pm", Time, 15.30, 0}, {"11:05 a.m.", Time, 11.05, 0}, {"12:10 AM", Time, 0.10, 0}, {"12:00 p.m.", Time, 12, 0}}},
	{"bare hour", "at 3 pm, в 5 часов утра, 12 p.m. and 13 pm", []num{{"3 pm", Time, 15, 0}, {"5 часов утра", Time, 5, 0}, {"12 p.m.", Time, 12, 0}, {"13", Plain, 13, 0}}},
	{"days are not afternoons", "за 3 дня и 2 ночи", []num{{"3", Plain, 3, 0}, {"2", Plain, 2, 0}}},
	{"am is a word only alone", "at 3:30 amid talks", []num{{"3:30", Time, 3.30, 0}}},
	{"no meridiem on a 24-hour time", "at 15:30 pm", []num{{"15:30", Time, 15.30, 0}}},
	{"decade short", "в 90-е годы, the 80s", []num{{"90-е", Year, 90, 0}, {"80s", Year, 80, 0}}},
	{"score is not a time", "счёт 1:0 и 2:15:30", []num{{"1", Plain, 1, 0}, {"0", Plain, 0, 0}, {"2:15", Time, 2.15, 0}, {"30", Plain, 30, 0}}},
	{"percent adjective", "66-процентное большинство", []num{{"66-процентное", Percent, 66, 0}}},
	{"currency range", "£3,000-£5,000", []num{{"3,000-£5,000", Range, 3000, 5000}}},
	{"shared scale ru", "от 3 до 5 тыс. человек", []num{{"3", Plain, 3000, 0}, {"5 тыс.", Plain, 5000, 0}}},
	{"shared scale and", "вложили 2 и 1,4 млрд фунтов", []num{{"2", Plain, 2e9, 0}, {"1,4 млрд", Plain, 1.4e9, 0}}},
	{"shared scale en", "between 3 and 5 million", []num{{"3", Plain, 3e6, 0}, {"5 million", Plain, 5e6, 0}}},
	{"shared percent", "5 или 6 %", []num{{"5", Percent, 5, 0}, {"6 %", Percent, 6, 0}}},
	{"no sharing across words", "в 2020 году 3 млн", []num{{"2020", Year, 2020, 0}, {"3 млн", Plain, 3e6, 0}}},
	{"no sharing downwards", "с 10 до 5 млн", []num{{"10", Plain, 10, 0}, {"5 млн", Plain, 5e6, 0}}},
	{"percentage points", "на 2 п.п.", []num{{"2 п.п.", Percent, 2, 0}}},
	{"dimensions with x", "фото 16x12 и 60х100 см", []num{{"16", Plain, 16, 0}, {"12", Plain, 12, 0}, {"60", Plain, 60, 0}, {"100", Plain, 100, 0}}},
	{"dimensions with ×", "60×100 cm", []num{{"60", Plain, 60, 0}, {"100", Plain, 100, 0}}},
	{"a decimal without its zero", "to .08% in New Zealand", []num{{".08%", Percent, 0.08, 0}}},
	{"a plus before the scale", "a $300+ billion impact", []num{{"300+ billion", Plain, 300e9, 0}}},
	{"a tilde range", "in 10~20% cases", []num{{"10~20%", Percent, 10, 20}}},
	{"an equal score is no range", "drew 1-1 at home", []num{{"1", Plain, 1, 0}, {"1", Plain, 1, 0}}},
	{"a season with a slash", "сезон 2019/20 и 2020/2021", []num{{"2019/20", Range, 2019, 2020}, {"2020/2021", Range, 2020, 2021}}},
	{"a fraction is no season", "rated 4/5", []num{{"4", Plain, 4, 0}, {"5", Plain, 5, 0}}},
	{"an ISO date", "on 2021-05-03", []num{{"2021-05-03", Date, 20210503, 0}}},
	{"a date with slashes", "starting 14/02/2021", []num{{"14/02/2021", Date, 20210214, 0}}},
	{"an American date with slashes", "on 2/14/2021", []num{{"2/14/2021", Date, 20210214, 0}}},
	{"Indian grouping", "2,06,737 cases and 12,34,56,789", []num{{"2,06,737", Plain, 206737, 0}, {"12,34,56,789", Plain, 123456789, 0}}},
	{"lakh", "1.5 lakh people, 4.67 lakh and Rs 2 crore", []num{{"1.5 lakh", Plain, 150000, 0}, {"4.67 lakh", Plain, 467000, 0}, {"2 crore", Plain, 2e7, 0}}},
	{"lakh ru", "14 лакхов", []num{{"14 лакхов", Plain, 1.4e6, 0}}},
	{"hours and minutes in words", "в 17 часов 47 минут", []num{{"17 часов 47 минут", Time, 17.47, 0}}},
	{"military time", "at 0500 sharp and 1200 GMT", []num{{"0500", Time, 5, 0}, {"1200", Time, 12, 0}}},
	{"a four-digit number is no time", "1200 people", []num{{"1200", Year, 1200, 0}}},
	{"hyphen time", "с 10-00 до 22-00, в 04-30", []num{{"10-00", Time, 10, 0}, {"22-00", Time, 22, 0}, {"04-30", Time, 4.30, 0}}},
	{"a rising hyphen pair is a range", "с 17-30 лет", []num{{"17-30", Range, 17, 30}}},
	{"arabic century", "с начала 19 века", []num{{"19", Ordinal, 19, 0}}},
	{"a time with a look-alike colon", "в 01։23 и 5∶30", []num{{"01։23", Time, 1.23, 0}, {"5∶30", Time, 5.30, 0}}},
	{"a mixed fraction", "cost 2 1/2 million dollars", []num{{"2 1/2 million", Plain, 2.5e6, 0}}},
	{"a fraction character", "a 2½-inch cut and 5¾ miles", []num{{"2½", Plain, 2.5, 0}, {"5¾", Plain, 5.75, 0}}},
	{"a mixed fraction in thirds", "3 2/3 cups", []num{{"3 2/3", Plain, 3 + 2.0/3, 0}}},
	{"an improper fraction is two numbers", "scored 2 3/2 today", []num{{"2", Plain, 2, 0}, {"3", Plain, 3, 0}, {"2", Plain, 2, 0}}},
	{"a rating after a number is no fraction", "rated 8 4/5 by critics", []num{{"8", Plain, 8, 0}, {"4", Plain, 4, 0}, {"5", Plain, 5, 0}}},
	{"a date after a number is no fraction", "on 3 1/2/2021", []num{{"3", Plain, 3, 0}, {"1/2/2021", Date, 20210201, 0}}},
	{"a year before a half is no mixed number", "in 2020 1/2 of them", []num{{"2020", Year, 2020, 0}, {"1", Plain, 1, 0}, {"2", Plain, 2, 0}}},
	{"stoppage time", "на 90+3-й минуте, at 45+2", []num{{"90+3-й", Ordinal, 93, 0}, {"45+2", Plain, 47, 0}}},
	{"a sum is no stoppage time", "2+2 и 90+", []num{{"2", Plain, 2, 0}, {"2", Plain, 2, 0}, {"90", Plain, 90, 0}}},
	{"a stage of a tournament", "в 1/8 финала и в 1/2 финала", []num{{"1/8", Plain, 16, 0}, {"1/2", Plain, 4, 0}}},
	{"a stage of a tournament en", "in the 1/4 final", []num{{"1/4", Plain, 8, 0}}},
	{"a fraction before another word is no stage", "1/8 часть", []num{{"1", Plain, 1, 0}, {"8", Plain, 8, 0}}},
	{"pc for percent", "inflation of 5pc and 5 pcs", []num{{"5pc", Percent, 5, 0}, {"5", Plain, 5, 0}}},
	{"сто in its other cases", "более ста человек", []num{{"ста", Plain, 100, 0}}},
	{"empty", "", nil},
	{"no numbers", "Никаких чисел.", nil},
}

func TestNumbers(t *testing.T) {
	for _, tt := range numberTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Numbers(tt.text)
			checkNumerals(t, tt.text, got)
			var gs, ws []string
			for _, n := range got {
				gs = append(gs, num{n.Text, n.Kind, n.Value, n.Hi}.String())
			}
			for _, w := range tt.want {
				if w.hi == 0 {
					w.hi = w.value
				}
				ws = append(ws, w.String())
			}
			if strings.Join(gs, "; ") != strings.Join(ws, "; ") {
				t.Errorf("Numbers(%q)\n got %s\nwant %s", tt.text, strings.Join(gs, "; "), strings.Join(ws, "; "))
			}
		})
	}
}

func TestNumberWords(t *testing.T) {
	tests := []struct {
		text  string
		kind  NumeralKind
		value float64
		span  string
	}{
		{"за четыре минуты", Plain, 4, "четыре"},
		{"из двух стран", Plain, 2, "двух"},
		{"в пятидесяти метрах", Plain, 50, "пятидесяти"},
		{"двадцать один год", Plain, 21, "двадцать один"},
		{"в двадцать первом веке", Ordinal, 21, "двадцать первом"},
		{"третьего числа", Ordinal, 3, "третьего"},
		{"два миллиарда рублей", Plain, 2e9, "два миллиарда"},
		{"полтора миллиона", Plain, 1.5e6, "полтора миллиона"},
		{"пять процентов", Percent, 5, "пять процентов"},
		{"Четверо из", Plain, 4, "Четверо"},
		{"about four minutes", Plain, 4, "four"},
		{"the twenty-first century", Ordinal, 21, "twenty-first"},
		{"two billion dollars", Plain, 2e9, "two billion"},
		{"two hundred people", Plain, 200, "two hundred"},
		{"five percent", Percent, 5, "five percent"},
		{"the thirteenth century", Ordinal, 13, "thirteenth"},
		{"около тысячи человек", Plain, 1000, "тысячи"},
		{"about a thousand people", Plain, 1000, "thousand"},
		{"half a million people", Plain, 5e5, "half a million"},
		{"полмиллиона человек", Plain, 5e5, "полмиллиона"},
		{"a dozen times", Plain, 12, "dozen"},
		{"десяток стран", Plain, 10, "десяток"},
		{"выросли вдвое", Plain, 2, "вдвое"},
		{"at noon", Time, 12, "noon"},
		{"в полночь", Time, 0, "полночь"},
		{"пятеро детей", Plain, 5, "пятеро"},
		{"двое суток", Plain, 2, "двое"},
		{"сто двадцать пять человек", Plain, 125, "сто двадцать пять"},
		{"девятьсот сорок лет", Plain, 940, "девятьсот сорок"},
		{"сто двадцать тысяч", Plain, 120000, "сто двадцать тысяч"},
		{"сто двадцать первый год", Ordinal, 121, "сто двадцать первый"},
		{"one hundred and twenty people", Plain, 120, "one hundred and twenty"},
		{"three hundred thousand people", Plain, 300000, "three hundred thousand"},
		{"two hundred and fifth", Ordinal, 205, "two hundred and fifth"},
		{"nineteen hundred", Plain, 1900, "nineteen hundred"},
		{"in the nineties", Year, 90, "nineties"},
		{"в девяностые", Ordinal, 90, "девяностые"},
		{"в нулевые", Year, 0, "нулевые"},
		{"два десятка стран", Plain, 20, "два десятка"},
		{"полтора десятка стран", Plain, 15, "полтора десятка"},
		{"две сотни человек", Plain, 200, "две сотни"},
		{"two dozen people", Plain, 24, "two dozen"},
		{"три с половиной миллиона", Plain, 3.5e6, "три с половиной миллиона"},
		{"two and a half years", Plain, 2.5, "two and a half"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ns := Numbers(tt.text)
			checkNumerals(t, tt.text, ns)
			if len(ns) != 1 {
				t.Fatalf("Numbers(%q) = %v, want one numeral", tt.text, ns)
			}
			n := ns[0]
			if !n.Word || n.Kind != tt.kind || n.Value != tt.value || n.Text != tt.span {
				t.Errorf("Numbers(%q) = %q %v %g word=%v, want %q %v %g word", tt.text, n.Text, n.Kind, n.Value, n.Word, tt.span, tt.kind, tt.value)
			}
		})
	}
	for _, text := range []string{"пятница", "семья", "seconds", "often", "стол", "сотрудник"} {
		if ns := Numbers(text); len(ns) != 0 {
			t.Errorf("Numbers(%q) = %v, want none", text, ns)
		}
	}
}

func checkNumerals(t *testing.T, text string, ns []Numeral) {
	t.Helper()
	prev := 0
	for _, n := range ns {
		if n.Start < prev || n.End <= n.Start || n.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %q", n.Start, n.End, prev, text)
		}
		if text[n.Start:n.End] != n.Text {
			t.Fatalf("Text %q != text[%d:%d] %q", n.Text, n.Start, n.End, text[n.Start:n.End])
		}
		if math.IsNaN(n.Value) || math.IsNaN(n.Hi) || n.Hi < n.Value {
			t.Fatalf("bad values %v–%v for %q", n.Value, n.Hi, n.Text)
		}
		prev = n.End
	}
}

func TestSameNumbers(t *testing.T) {
	tests := []struct {
		name           string
		a, b           string
		missing, extra []string
	}{
		{"billions", "Товарооборот достиг 240 млрд долларов", "Trade reached $240 bn", nil, nil},
		{"billions USD", "240 млрд", "USD 240bn", nil, nil},
		{"billion vs million", "240 млрд", "240 million", []string{"240 млрд"}, []string{"240 million"}},
		{"percent", "26,3 %", "26.3 percent", nil, nil},
		{"percent vs plain", "26,3 %", "26.3", []string{"26,3 %"}, []string{"26.3"}},
		{"millions", "1,5 млн", "1.5 million", nil, nil},
		{"thousands grouping", "1 234 567", "1,234,567", nil, nil},
		{"year range", "2023–2024 гг.", "2023–2024", nil, nil},
		{"short year range", "2023–2024 гг.", "2023-24", nil, nil},
		{"range split", "в 2023–2024 гг.", "from 2023 to 2024", nil, nil},
		{"range split reverse", "с 2023 по 2024 год", "in 2023-2024", nil, nil},
		{"century", "XXI век", "21st century", nil, nil},
		{"century arabic", "21 век", "the 21st century", nil, nil},
		{"date split", "05.01.2013", "January 5, 2013", nil, nil},
		{"multiset", "5 и 5 и 7", "5 and 7", []string{"5"}, nil},
		{"wrong digit", "в 2023 г. рост 3,5 %", "in 2024 growth was 3.5%", []string{"2023"}, []string{"2024"}},
		{"decade", "в 1990-х", "in the 1990s", nil, nil},
		{"float rounding", "0,1 млрд", "100 million", nil, nil},
		{"shared scale vs range", "от 3 до 5 тысяч фунтов", "£3,000-£5,000", nil, nil},
		{"shared scale vs separate", "2 и 1,4 млрд", "£2bn and £1.4bn", nil, nil},
		{"digits vs words", "за 4 минуты", "in four minutes", nil, nil},
		{"words vs digits", "Четверо из десяти", "Four in 10", nil, nil},
		{"words never reported", "один из послов", "the ambassador", nil, nil},
		{"wrong word still unmatched digit", "за 5 минут", "in four minutes", []string{"5"}, nil},
		{"century in words", "XIII век", "the thirteenth century", nil, nil},
		{"digits preferred over words", "2 и два", "2", nil, nil},
		{"time", "в 23:45", "at 23.45", nil, nil},
		{"12-hour clock", "в 15:30 и в 0:15", "at 3:30 pm and at 12:15 a.m.", nil, nil},
		{"12-hour clock ru", "в 8:30 вечера, в 11:00 ночи, в 2:00 ночи и в 3 часа дня", "at 20:30, at 11 pm, at 2:00 and at 15:00", nil, nil},
		{"12-hour clock ru both", "между 10:00 и 11:00 вечера", "between 10:00-11:00 pm", nil, nil},
		{"12-hour clock wrong", "в 15:30", "at 3:30 am", []string{"15:30"}, []string{"3:30 am"}},
		{"short decade", "в 90-е годы", "in the 1990s", nil, nil},
		{"short decade en", "в 1980-х", "in the 80s", nil, nil},
		{"short decade wrong", "в 90-е годы", "in the 1980s", []string{"90-е"}, []string{"1980s"}},
		{"percent adjective", "66-процентное", "66%", nil, nil},
		// Numbers written in other ways, both directions.
		{"clock words vs 12-hour clock", "в 17 часов 47 минут", "at 5:47 PM", nil, nil},
		{"12-hour clock vs clock words", "at 5:47 PM", "в 17 часов 47 минут", nil, nil},
		{"clock with a dot", "в 17.47", "at 5.47pm", nil, nil},
		{"clock with a colon vs a dot", "at 17:47", "в 17.47", nil, nil},
		{"clock words wrong", "в 17 часов 47 минут", "at 5:45 PM", []string{"17 часов 47 минут"}, []string{"5:45 PM"}},
		{"noon", "в 12:00", "at noon", nil, nil},
		{"midnight", "at midnight", "в 00:00", nil, nil},
		{"midnight as 24:00", "до 24:00", "until 0:00", nil, nil},
		{"military time", "at 0500 sharp", "в 5 утра", nil, nil},
		{"military time vs colon", "в 12:00 по Гринвичу", "at 1200 GMT", nil, nil},
		{"hyphen times", "с 10-00 до 22-00", "from 10:00 a.m. to 10:00 p.m.", nil, nil},
		{"season slash vs dash", "сезон 2019/20", "the 2019–20 season", nil, nil},
		{"season dash vs slash", "the 2019-20 season", "в сезоне 2019/2020", nil, nil},
		{"season vs years", "в 2019–2020 годах", "in 2019/20", nil, nil},
		{"season wrong", "сезон 2019/20", "the 2018–19 season", []string{"2019/20"}, []string{"2018–19"}},
		{"lakh vs digits", "1.5 lakh people", "150 000 человек", nil, nil},
		{"digits vs lakh", "150 тысяч человек", "1.5 lakh people", nil, nil},
		{"Indian grouping", "2,06,737 cases", "206 737 случаев", nil, nil},
		{"lakh wrong", "4.67 lakh", "4 670 000", []string{"4.67 lakh"}, []string{"4 670 000"}},
		{"crore", "Rs 2 crore", "20 млн рупий", nil, nil},
		{"score dash vs colon", "won 3-1", "победили 3:1", nil, nil},
		{"equal score", "drew 1-1", "сыграли 1:1", nil, nil},
		{"score wrong", "won 3-1", "победили 3:2", []string{"1"}, []string{"2"}},
		{"dozen", "a dozen countries", "12 стран", nil, nil},
		{"десяток", "около 10 стран", "about ten countries", nil, nil},
		{"пятеро", "пятеро погибших", "5 dead", nil, nil},
		{"вдвое", "выросли в 2 раза", "doubled twice", nil, nil},
		{"ordinal word vs digits", "в третий раз", "for the 3rd time", nil, nil},
		{"ordinal digits vs word", "the 3rd summit", "третий саммит", nil, nil},
		{"about a thousand", "about 1,000 people", "около тысячи человек", nil, nil},
		{"около тысячи", "около тысячи человек", "about 1000 people", nil, nil},
		{"half a million", "half a million people", "500 тыс. человек", nil, nil},
		{"полмиллиона", "полмиллиона человек", "500,000 people", nil, nil},
		{"per cent vs процентов", "26.3 per cent", "26,3 процента", nil, nil},
		{"проц.", "на 5 проц.", "by 5%", nil, nil},
		{"a plus before the scale", "$300+ billion", "300 миллиардов долларов", nil, nil},
		{"a decimal without its zero", "to .08%", "до 0,08%", nil, nil},
		{"a tilde range", "10~20% cases", "10–20% случаев", nil, nil},
		{"a range in words", "infects 2–3 others", "infects two to three others", nil, nil},
		{"a range vs ordinal words and digits", "seasons 1-3", "первые три сезона", nil, nil},
		{"dimensions", "16x12\" photos", "фото 16 × 12 дюймов", nil, nil},
		{"dimensions ru", "60×100 см", "60x100 cm", nil, nil},
		{"ISO date vs words", "on 2021-05-03", "3 мая 2021 года", nil, nil},
		{"slash date vs dotted", "starting 14/02/2021", "с 14.02.2021", nil, nil},
		{"American date vs dotted", "on 2/14/2021", "14.02.2021", nil, nil},
		{"ambiguous slash date read the other way", "on 3/4/2021", "4 марта 2021 г.", nil, nil},
		{"day and month vs words", "до 03.03", "by March 3", nil, nil},
		{"date in words", "March 3", "3 марта", nil, nil},
		{"arabic century vs the 1800s", "с начала 19 века", "since the 1800s", nil, nil},
		{"roman century vs the 1800s", "в XIX веке", "in the 1800s", nil, nil},
		{"the 19th century vs roman", "the 19th century", "XIX век", nil, nil},
		{"a carat is no thousand", "14 K gold", "золото 14 карат", nil, nil},
		{"a thousand in K", "5K followers", "5000 подписчиков", nil, nil},
		{"kelvin", "3000-6000K", "3000-6000К", nil, nil},
		{"thousands with a space, a comma, a point, no-break space", "1 234 567 и 1\u00a0234", "1,234,567 and 1234", nil, nil},
		{"decimal comma vs point", "3,14", "3.14", nil, nil},
		{"currency", "$5m", "5 млн долларов", nil, nil},
		{"pounds bn", "£1.8bn", "1,8 млрд фунтов", nil, nil},
		{"pounds bn wrong scale", "£1.8bn", "1,8 млн фунтов", []string{"1.8bn"}, []string{"1,8 млн"}},
		{"XX век vs 20th century", "XX век", "the 20th century", nil, nil},
		{"a million in m", "1.5m people", "1,5 млн человек", nil, nil},
		{"metres in m", "a 5 m wall", "стена высотой 5 м", nil, nil},
		{"an age", "a 25-year-old man", "25-летний мужчина", nil, nil},
		{"an age in words", "a 25-year-old man", "двадцатипятилетний мужчина", []string{"25"}, nil},
		{"around the clock", "open 24/7", "работает круглосуточно, 24 часа", nil, nil},
		{"the noughties", "back in the 00s", "в нулевые", nil, nil},
		{"a compound number in words", "сто двадцать пять человек", "125 people", nil, nil},
		{"a compound number in words, other digits", "сто двадцать пять человек", "152 people", nil, []string{"152"}},
		{"units do not compose", "two three-year terms", "2 срока по 3 года", nil, nil},
		{"the nineties", "в 90-х годах", "in the nineties", nil, nil},
		{"the nineties ru", "в девяностые", "in the 1990s", nil, nil},
		{"the nineties are no eighties", "в 80-х годах", "in the nineties", []string{"80-х"}, nil},
		{"clock abbreviations", "в 17 ч 47 мин", "at 5:47 p.m.", nil, nil},
		{"clock abbreviations wrong", "в 17 ч. 47 мин.", "at 6:47 p.m.", []string{"17 ч. 47 мин."}, []string{"6:47 p.m."}},
		{"12-hour clock changed", "at 5:47 PM", "в 18:47", []string{"5:47 PM"}, []string{"18:47"}},
		{"p.m without its last dot", "at 5 p.m", "в 17:00", nil, nil},
		{"o'clock in the evening", "at 9 o'clock in the evening", "в 21:00", nil, nil},
		{"o'clock in the morning wrong", "at 9 o'clock in the morning", "в 21:00", []string{"9 o'clock in the morning"}, []string{"21:00"}},
		{"a bare hour in the evening", "at 9 in the evening", "в 21:00", nil, nil},
		{"a bare Russian hour in the evening", "в 10 вечера", "at 10pm", nil, nil},
		{"a bare Russian hour in the afternoon", "в 3 дня", "at 3 p.m.", nil, nil},
		{"a bare Russian hour at night", "в 11 ночи", "at 11pm", nil, nil},
		{"three days stay three days", "через 3 дня", "in 3 days", nil, nil},
		{"a bare Russian hour in the evening changed", "в 10 вечера", "at 9pm", []string{"10"}, []string{"9pm"}},
		{"a hyphen time as a range's other reading", "в 14-30", "at 2:30 pm", nil, nil},
		{"a hyphen time still a range", "в 14-30 днях", "in 14 to 30 days", nil, nil},
		{"a fiscal year", "FY2019-20", "2019/20 финансовый год", nil, nil},
		{"a fiscal year in two digits", "in FY20", "в 2020 финансовом году", nil, nil},
		{"a fiscal year wrong", "FY2019-20", "2019/21", []string{"2019-20"}, []string{"2019", "21"}},
		{"a season wrong by its end", "сезон 2019/20", "the 2019/21 season", []string{"2019/20"}, []string{"2019", "21"}},
		{"lakh crore", "Rs 1.2 lakh crore", "1,2 трлн рупий", nil, nil},
		{"thousand crore", "Rs 5 thousand crore", "50 млрд рупий", nil, nil},
		{"percentage points", "0.5pp", "0,5 п.п.", nil, nil},
		{"a scale after a hyphen", "a Rs 500-crore project", "5 млрд рупий", nil, nil},
		{"a letter after a hyphen is no scale", "a 5-m wall", "стена в 5 м", nil, nil},
		{"a year in two digits after a name", "«Мисс США-86»", "Miss USA 1986", nil, nil},
		{"a year in two digits after an apostrophe", "in '21", "в 2021 году", nil, nil},
		{"a year in two digits changed", "«Мисс США-86»", "Miss USA 1987", []string{"86"}, []string{"1987"}},
		{"a season in two digits", "the 19/20 season", "сезон 2019/20", nil, nil},
		{"a season in two digits against years", "the 19/20 season", "в 2019–2020 годах", nil, nil},
		{"a season in two digits as written", "scored 19/20", "19 из 20", nil, nil},
		{"a season in two digits changed", "the 19/20 season", "сезон 2020/21", []string{"19/20"}, []string{"2020/21"}},
		{"minus in words", "minus 5 degrees", "-5 градусов", nil, nil},
		{"минус", "минус 5 градусов", "-5 degrees", nil, nil},
		{"minus lost", "-5 градусов", "5 degrees", []string{"-5"}, []string{"5"}},
		{"percentage points p.p.", "0.5 p.p.", "0,5 процентного пункта", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			missing, extra := SameNumbers(Numbers(tt.a), Numbers(tt.b))
			if got := numeralTexts(missing); strings.Join(got, "|") != strings.Join(tt.missing, "|") {
				t.Errorf("missing = %q, want %q", got, tt.missing)
			}
			if got := numeralTexts(extra); strings.Join(got, "|") != strings.Join(tt.extra, "|") {
				t.Errorf("extra = %q, want %q", got, tt.extra)
			}
		})
	}
}

func numeralTexts(ns []Numeral) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Text)
	}
	return out
}

// TestSameNumbersPUD runs the number check over the 1000 UD PUD sentence
// pairs, which are faithful translations: most pairs must agree. It logs
// the rate (a measure of false number-mismatch alarms) and fails if more
// than a fifth of the pairs with numbers disagree. Set
// TOLMACH_NUMBER_ERRORS=1 to log the disagreements.
func TestSameNumbersPUD(t *testing.T) {
	rows := readDataLines(t, "ud_pud_ru_en/pud.ru-en.tsv")
	var withNumbers, disagree int
	shown := 0
	for _, row := range rows {
		f := strings.Split(row, "\t")
		if len(f) != 3 {
			continue
		}
		ru, en := Numbers(f[1]), Numbers(f[2])
		if len(ru) == 0 && len(en) == 0 {
			continue
		}
		withNumbers++
		if missing, extra := SameNumbers(ru, en); len(missing)+len(extra) > 0 {
			disagree++
			if os.Getenv("TOLMACH_NUMBER_ERRORS") != "" && shown < 40 {
				shown++
				t.Logf("missing %q extra %q\n  ru: %s\n  en: %s", numeralTexts(missing), numeralTexts(extra), f[1], f[2])
			}
		}
	}
	rate := float64(disagree) / float64(max(withNumbers, 1))
	t.Logf("PUD: %d of %d sentence pairs with numbers disagree (%.3f)", disagree, withNumbers, rate)
	if rate > 0.2 {
		t.Errorf("disagreement rate %.3f > 0.2", rate)
	}
}

func FuzzNumbers(f *testing.F) {
	for _, tt := range numberTests {
		f.Add(tt.text)
	}
	f.Add("-−1,2.3 4 567,8.9%–10 млрд XIV-XV вв. 2023-24 1990-х 3rd $5m")
	for _, text := range testdataTexts(f) {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ns := Numbers(text)
		checkNumerals(t, text, ns)
		missing, extra := SameNumbers(ns, ns)
		if len(missing)+len(extra) > 0 {
			t.Fatalf("numerals of %q do not match themselves: %v %v", text, missing, extra)
		}
	})
}
