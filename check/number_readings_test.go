package check

import (
	"fmt"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// TestNumbersWrittenOtherWays holds number-mismatch to the ways real
// translations write one number: each kind in both directions, with the
// severity it deserves (none: the same number; info: another way a
// professional may choose; warning: unsure) and, beside it, a real change
// of the same kind that must stay an error.
func TestNumbersWrittenOtherWays(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt string
		srcLang  lang.Lang
		want     []string // "severity: text of the message", in order
	}{
		{"digits glued to a name", "Популярна «Формула-1» и интерлейкин-6.", "F1 and IL6 are popular.", lang.RU, nil},
		{"digits glued to a name en-ru", "I cleaned the port of my Watch4 yesterday.", "Вчера я почистил порт на своих часах Watch 4.", lang.EN, nil},
		{"a name with another number", "Популярна «Формула-3».", "F2 is popular.", lang.RU, []string{"error: «3»"}},
		{"a phone number grouped another way", "Телефон: +7 (495) 229 62 01.", "Telephone: +7 (495) 229-6201.", lang.RU, nil},
		{"a phone number grouped another way en-ru", "Call +7 (495) 229-6201.", "Звоните: +7 (495) 229 62 01.", lang.EN, nil},
		{"a phone number changed", "Телефон: +7 (495) 229 62 01.", "Telephone: +7 (495) 229-6202.", lang.RU, []string{"error: «229»", "error: «62»", "error: «01»"}},
		{"a space group read apart", "Матрас Combi 16 100x185 см", "Combi 16 mattress 100x185 cm", lang.RU, nil},
		{"a space group read apart en-ru", "Combi 16 mattress 100x185 cm", "Матрас Combi 16 100x185 см", lang.EN, nil},
		{"miles converted", "The flight covered over 50 nautical miles at 16mph, then 65.", "Полёт дальше 92 км со скоростью 25 км/ч, потом 105 км/ч.", lang.EN,
			[]string{"info: converted between nautical miles and km", "info: converted between mph and km/h", "info: converted between mph and km/h"}},
		{"kilometres converted", "Пробег составил 160 км.", "The run was 100 miles.", lang.RU, []string{"info: converted between miles and km"}},
		{"Fahrenheit converted", "It was 86°F outside.", "На улице было 30 °C.", lang.EN, []string{"info: converted between °F and °C"}},
		{"feet converted", "a wall 10 feet high", "стена высотой 3 метра", lang.EN, []string{"info: converted between feet and m"}},
		{"a wrong conversion stays an error", "The flight covered 50 miles.", "Полёт был длиной 60 км.", lang.EN, []string{"error:"}},
		{"rounded", "Индекс вырос на 3,14 %.", "The index rose 3.1%.", lang.RU, []string{"info: rounded"}},
		{"rounded en-ru", "1,234,567 people voted.", "Проголосовали 1,2 млн человек.", lang.EN, []string{"info: rounded"}},
		{"a rounding of one digit is a change", "Доля выросла до 15 %.", "The share rose to 20%.", lang.RU, []string{"error:"}},
		{"a different figure is no rounding", "Договор ограничил число боезарядов до 1550.", "The treaty limited warheads to 1,500.", lang.RU, []string{"error:"}},
		{"the other separator", "В хакатоне участвовали более 42 000 человек.", "More than 42.000 people took part.", lang.RU, []string{"warning: a decimal mark in one language"}},
		{"the other separator en-ru", "More than 42,000 people took part.", "Участвовали более 42.000 человек.", lang.EN, []string{"warning: a decimal mark in one language"}},
		{"a number said once", "Вирус SARS-CoV-2 (коронавирус 2-го типа) опасен.", "The SARS-CoV-2 virus is dangerous.", lang.RU, []string{"warning: occurs more often in the source"}},
		{"a number repeated", "С 16 января по 3 марта 2020 г.", "From 16 January 2020 to 3 March 2020.", lang.RU, []string{"warning: occurs more often in the target"}},
		{"a singular noun for one", "Дали гарантию (месяц).", "They gave a guarantee (1 month).", lang.RU, []string{"info: \"1\""}},
		{"the other way, a real change", "Дали гарантию на 2 месяца.", "They gave a 3-month guarantee.", lang.RU, []string{"error:"}},
		{"times on both clocks", "Сигнал поступил в 17 часов 47 минут.", "The call came at 5:47 PM.", lang.RU, nil},
		{"times on both clocks en-ru", "The call came at 5.47pm.", "Сигнал поступил в 17:47.", lang.EN, nil},
		{"a time changed", "Сигнал поступил в 17 часов 47 минут.", "The call came at 5:57 PM.", lang.RU, []string{"error:"}},
		{"a season", "В сезоне 2019/20 клуб выиграл.", "The club won in the 2019-20 season.", lang.RU, nil},
		{"a score", "They won 3-1.", "Они победили со счётом 3:1.", lang.EN, nil},
		{"a score drawn", "Матч завершился вничью 1:1.", "The match ended in a 1-1 draw.", lang.RU, nil},
		{"lakh", "Over 1.5 lakh people attended.", "Пришли более 150 тысяч человек.", lang.EN, nil},
		{"lakh changed", "Over 4.67 lakh people attended.", "Пришли 4 670 000 человек.", lang.EN, []string{"error:"}},
		{"around the clock", "Работает круглосуточно.", "Open 24/7.", lang.RU, nil},
		{"an age in a compound word", "A 25-year-old man was detained.", "Задержан двадцатипятилетний мужчина.", lang.EN, nil},
		{"an age changed in a compound word", "A 25-year-old man was detained.", "Задержан двадцатишестилетний мужчина.", lang.EN, []string{"error: \"25\""}},
		{"a million in m", "Some 1.5m people voted.", "Проголосовали около 1,5 млн человек.", lang.EN, nil},
		{"24 hours as a day", "За 24 часа выпало 50 мм осадков.", "50 mm of rain fell in a day.", lang.RU, nil},
		{"24 hours as around the clock", "Staff worked 24 hours a day.", "Персонал работал круглосуточно.", lang.EN, nil},
		{"24 people are no day", "Погибли 24 человека в тот день.", "42 people died that day.", lang.RU, []string{"error: «24»"}},
		{"a rating", "Кухня на четверку, рыба не удалась.", "Food was a 4/5, the fish wasn't good.", lang.RU, []string{"info: the scale of a rating"}},
		{"a rating changed", "Кухня на тройку.", "Food was a 4/5.", lang.RU, []string{"error: \"4\"", "info: the scale of a rating"}},
		{"military time", "We move out at 0500.", "Мы выдвигаемся в 5 утра.", lang.EN, nil},
		{"a name's number", "Число случаев коронавируса растёт.", "COVID-19 cases are rising.", lang.RU, []string{"warning: the name \"COVID-19\""}},
		{"a name's number en-ru", "The Su-35 fighters took off.", "Истребители «Сухой» взлетели.", lang.EN, []string{"warning: the name \"Su-35\""}},
		{"a name's number changed", "Взлетели истребители Су-35.", "The Su-57 fighters took off.", lang.RU, []string{"error: «35»"}},
		{"a time with an Armenian colon", "Землетрясение произошло в 01։23.", "The earthquake struck at 1:23 am.", lang.RU, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCheck(t, tt.src, tt.tgt, tt.srcLang)
			var got []string
			for _, f := range res.Findings {
				if f.Rule == "number-mismatch" {
					got = append(got, fmt.Sprintf("%s: %s", f.Severity, f.Message))
				}
			}
			ok := len(got) == len(tt.want)
			for i := 0; ok && i < len(got); i++ {
				sev, text, _ := strings.Cut(tt.want[i], ":")
				ok = strings.HasPrefix(got[i], sev+": ") && strings.Contains(got[i], strings.TrimSpace(text))
			}
			if !ok {
				t.Errorf("number findings:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// FuzzNumberReadings feeds the helpers of number-mismatch text of any
// shape (they slice around numerals, decode runes backwards, look for
// units after them): none may panic, and a text's numerals never differ
// from themselves.
func FuzzNumberReadings(f *testing.F) {
	f.Add("Телефон: +7 (495) 229 62 01, 16x12\", 50 nautical miles", "Call 229-6201, 16 × 12, 92 км")
	f.Add("COVID-19 4/5 1.5m 0500 GMT «01։23»", "коронавирус на четвёрку 1,5 млн в 5 утра")
	f.Add("86°F, 10 feet, 3,14 %", "30 °C, 3 метра, 3.1%")
	f.Fuzz(func(t *testing.T, a, b string) {
		na, nb := lang.Numbers(a), lang.Numbers(b)
		missing, extra := lang.SameNumbers(na, nb)
		missing = dropGlued(missing, b)
		extra = dropGlued(extra, a)
		ca, cb := digitChains(a, na), digitChains(b, nb)
		missing = dropChains(missing, na, ca, chainSet(cb))
		extra = dropChains(extra, nb, cb, chainSet(ca))
		missing, extra = splitGroups(missing, extra)
		for _, m := range missing {
			nameOf(a, m, b)
			denominator(a, m)
			loneOne(m)
			repeated(m, na, nb)
			um, ok1 := unitOf(a, na, indexOfNumeral(na, m))
			for _, e := range extra {
				rounded(m, e)
				otherSeparator(m, e)
				if ue, ok2 := unitOf(b, nb, indexOfNumeral(nb, e)); ok1 && ok2 {
					converted(m, um, e, ue)
				}
			}
		}
		for _, e := range extra {
			nameOf(b, e, a)
			denominator(b, e)
		}
		if m, e := lang.SameNumbers(na, na); len(m)+len(e) > 0 {
			t.Fatalf("numerals of %q differ from themselves: %v %v", a, m, e)
		}
	})
}
