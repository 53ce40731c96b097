package check

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// demonymRendered returns the word of a term's unit's target that renders
// a name of the source by its adjective, or "": «правительство
// Великобритании» is "the British government", «турнир Северной Кореи» a
// "North Korean tournament"; the other way round "UK plan" is «британский
// план», "China model" «китайская модель», "French Foreign Ministry"
// «французский МИД». One language says it with the name, the other with
// the adjective, which no glossary lists as the name's equivalent.
func demonymRendered(p *Pair, h TermHit, expected []string) string {
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	switch {
	case p.Source.Lang == lang.RU && p.Target.Lang == lang.EN:
		return englishDemonym(p, tokensIn(p.TargetTokens(), ts), expected)
	case p.Source.Lang == lang.EN && p.Target.Lang == lang.RU:
		return russianDemonym(p, tokensIn(p.TargetTokens(), ts), expected)
	}
	return ""
}

// englishDemonym returns the token of toks (or a part of a hyphenated
// one: "Russian-Chinese") that is the English adjective of one of the
// expected names, or "".
func englishDemonym(p *Pair, toks []lang.Token, expected []string) string {
	var names []string // the lang.NameStem of the last word of each expected name
	var irregular []string
	for _, e := range expected {
		toks := p.termTokens(e)
		if len(toks) == 0 {
			continue
		}
		last := toks[len(toks)-1]
		r, _ := utf8.DecodeRuneInString(last.Text)
		if !unicode.IsUpper(r) || last.Upper() {
			continue // not a name, or an abbreviation (US, UK: irregular only)
		}
		if stem := lang.NameStem(last.Key); stem != "" {
			names = append(names, stem)
		}
	}
	for _, e := range expected {
		irregular = append(irregular, demonyms[lang.Fold(e)]...)
	}
	if len(names) == 0 && len(irregular) == 0 {
		return ""
	}
	match := func(t lang.Token) bool {
		if r, _ := utf8.DecodeRuneInString(t.Text); !unicode.IsUpper(r) {
			return false
		}
		for _, d := range irregular {
			if t.Norm == d {
				return true
			}
		}
		for _, n := range names {
			// The adjective, or the people ("Italian", "Italians": one key).
			if lang.Demonym(n, t.Key) {
				return true
			}
		}
		return false
	}
	return firstWordOrPart(toks, match)
}

// russianDemonym returns the token of toks (or a part of a hyphenated
// one: «российско-китайский») that is the Russian adjective of one of
// the expected names, or "".
func russianDemonym(p *Pair, toks []lang.Token, expected []string) string {
	var names, irregular []string
	for _, e := range expected {
		irregular = append(irregular, ruDemonyms[lang.Fold(e)]...)
		et := p.termTokens(e)
		if len(et) != 1 || et[0].Upper() {
			continue // a name of several words, or an abbreviation: irregular only
		}
		if r, _ := utf8.DecodeRuneInString(et[0].Text); unicode.IsUpper(r) {
			if stem := lang.NameStem(et[0].Key); stem != "" {
				names = append(names, stem)
			}
		}
	}
	if len(names) == 0 && len(irregular) == 0 {
		return ""
	}
	match := func(t lang.Token) bool {
		if !ruAdjective(t.Norm) {
			return false
		}
		for _, d := range irregular {
			if strings.HasPrefix(t.Norm, d) {
				return true
			}
		}
		for _, n := range names {
			if lang.Demonym(n, t.Key) {
				return true
			}
		}
		return false
	}
	return firstWordOrPart(toks, match)
}

// firstWordOrPart returns the first word of toks that match accepts, by
// itself or by a part of it as a hyphenated compound («российско-китайский»,
// "the Lithuanian-Belorussian border"), or "".
func firstWordOrPart(toks []lang.Token, match func(lang.Token) bool) string {
	for _, t := range toks {
		if t.Kind != lang.Word {
			continue
		}
		if match(t) {
			return t.Text
		}
		for _, part := range t.Parts {
			if match(part) {
				return t.Text
			}
		}
	}
	return ""
}

// ruAdjEnd are the endings of Russian adjectives in -ский/-цкий, in any
// case, number and gender; ruAdjective looks for them after ск or цк.
var ruAdjEnd = []string{"ий", "ый", "ая", "ое", "ие", "ые", "ого", "ому", "ой", "ую", "им", "ым", "их", "ых", "ими", "ыми", "ом"}

// ruAdjective reports whether the folded word is an adjective in -ский,
// -цкий or (a short stem) -ской: британский, турецкого, французской.
func ruAdjective(w string) bool {
	for _, e := range ruAdjEnd {
		if stem, ok := strings.CutSuffix(w, e); ok && (strings.HasSuffix(stem, "ск") || strings.HasSuffix(stem, "цк")) {
			return true
		}
	}
	return false
}

// ruDemonyms are the beginnings of Russian adjectives of names that the
// rule of isRuDemonym does not give, by the folded name.
var ruDemonyms = map[string][]string{
	"великобритания": {"британск", "английск"}, "британия": {"британск"}, "соединенное королевство": {"британск"},
	"соединенное королевство великобритании и северной ирландии": {"британск"},
	"сша": {"американск"}, "соединенные штаты": {"американск"}, "соединенные штаты америки": {"американск"},
	"германия": {"германск", "немецк"}, "фрг": {"германск", "немецк"}, "федеративная республика германия": {"германск", "немецк"},
	"беларусь": {"белорусск"}, "белоруссия": {"белорусск"}, "республика беларусь": {"белорусск"},
	"ес": {"европейск"}, "евросоюз": {"европейск"}, "европейский союз": {"европейск"},
	"кнр": {"китайск"}, "китайская народная республика": {"китайск"},
	"кндр": {"северокорейск", "корейск"}, "северная корея": {"северокорейск"}, "южная корея": {"южнокорейск"},
	"республика корея": {"южнокорейск", "корейск"}, "юар": {"южноафриканск"}, "южно-африканская республика": {"южноафриканск"},
	"российская федерация": {"российск"}, "рф": {"российск"}, "греция": {"греческ"}, "чехия": {"чешск"},
	"дания": {"датск"}, "швеция": {"шведск"}, "норвегия": {"норвежск"}, "финляндия": {"финск", "финляндск"},
	"нидерланды": {"нидерландск", "голландск"}, "оаэ": {"эмиратск"}, "объединенные арабские эмираты": {"эмиратск"},
	"саудовская аравия": {"саудовск"}, "новая зеландия": {"новозеландск"}, "англия": {"английск"},
	"бельгия": {"бельгийск"}, "египет": {"египетск"}, "пакистан": {"пакистанск"}, "афганистан": {"афганск"},
	"таджикистан": {"таджикск"}, "узбекистан": {"узбекск"}, "киргизия": {"киргизск"}, "кыргызстан": {"кыргызск", "киргизск"},
	"туркменистан": {"туркменск"}, "азербайджан": {"азербайджанск"}, "иран": {"иранск"}, "ирак": {"иракск"},
	"исламская республика иран": {"иранск"}, "турецкая республика": {"турецк"}, "турция": {"турецк"},
	"молдова": {"молдавск"}, "республика молдова": {"молдавск"}, "ссср": {"советск"}, "советский союз": {"советск"},
	"союз советских социалистических республик": {"советск"},
}

// metonymRendered returns the words of a term's unit's target that name
// the capital or the seat of power of the country an expected term names
// («Москва», "the Kremlin" for Russia, "Washington" for the United
// States, «Пекин» for China), or the country where the expected term is
// its capital («Москва ответила» as "Russia responded"), or "":
// diplomatic writing puts the capital for the state all the time, and a
// translator may undo it. It is no error; term-missing reports it as
// info, saying what was found.
func metonymRendered(p *Pair, h TermHit, expected []string) string {
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	byName, byMetonym := metonymKeys(p.Target.Lang)
	var want [][]string
	for _, e := range expected {
		// The state's name where the glossary expects its capital, or the
		// capital where it expects the name: either way round.
		want = append(want, byName[lang.Fold(e)]...)
		want = append(want, byMetonym[lang.Fold(e)]...)
	}
	if len(want) == 0 {
		return ""
	}
	toks := tokensIn(p.TargetTokens(), ts)
	for i := range toks {
	next:
		for _, keys := range want {
			if i+len(keys) > len(toks) {
				continue
			}
			for k, key := range keys {
				if toks[i+k].Key != key {
					continue next
				}
			}
			last := toks[i+len(keys)-1]
			return p.Target.Raw[toks[i].Start:last.End]
		}
	}
	return ""
}

// metonyms are the capitals and seats of power that stand for a state,
// by the state's names in both languages.
var metonyms = []struct {
	names []string
	ru    []string
	en    []string
}{
	{[]string{"Россия", "Российская Федерация", "РФ", "Russia", "Russian Federation"}, []string{"Москва", "Кремль"}, []string{"Moscow", "Kremlin"}},
	{[]string{"США", "Соединённые Штаты", "Соединённые Штаты Америки", "United States", "United States of America", "US", "USA", "U.S."}, []string{"Вашингтон", "Белый дом"}, []string{"Washington", "White House"}},
	{[]string{"Китай", "КНР", "Китайская Народная Республика", "China", "People's Republic of China", "PRC"}, []string{"Пекин"}, []string{"Beijing", "Peking"}},
	{[]string{"Украина", "Ukraine"}, []string{"Киев"}, []string{"Kiev", "Kyiv"}},
	{[]string{"Великобритания", "Соединённое Королевство", "United Kingdom", "UK", "Britain", "Great Britain"}, []string{"Лондон", "Даунинг-стрит"}, []string{"London", "Downing Street", "Whitehall"}},
	{[]string{"Франция", "France"}, []string{"Париж", "Елисейский дворец"}, []string{"Paris", "Elysee", "Élysée"}},
	{[]string{"Германия", "ФРГ", "Germany"}, []string{"Берлин"}, []string{"Berlin"}},
	{[]string{"Япония", "Japan"}, []string{"Токио"}, []string{"Tokyo"}},
	{[]string{"Индия", "India"}, []string{"Нью-Дели", "Дели"}, []string{"New Delhi", "Delhi"}},
	{[]string{"Турция", "Turkey", "Türkiye"}, []string{"Анкара"}, []string{"Ankara"}},
	{[]string{"Иран", "Iran"}, []string{"Тегеран"}, []string{"Tehran", "Teheran"}},
	{[]string{"Беларусь", "Белоруссия", "Belarus"}, []string{"Минск"}, []string{"Minsk"}},
	{[]string{"Казахстан", "Kazakhstan"}, []string{"Астана"}, []string{"Astana"}},
	{[]string{"Польша", "Poland"}, []string{"Варшава"}, []string{"Warsaw"}},
	{[]string{"Италия", "Italy"}, []string{"Рим"}, []string{"Rome"}},
	{[]string{"Сирия", "Syria"}, []string{"Дамаск"}, []string{"Damascus"}},
	{[]string{"Египет", "Egypt"}, []string{"Каир"}, []string{"Cairo"}},
	{[]string{"Израиль", "Israel"}, []string{"Иерусалим", "Тель-Авив"}, []string{"Jerusalem", "Tel Aviv"}},
	{[]string{"Грузия", "Georgia"}, []string{"Тбилиси"}, []string{"Tbilisi"}},
	{[]string{"Армения", "Armenia"}, []string{"Ереван"}, []string{"Yerevan"}},
	{[]string{"Азербайджан", "Azerbaijan"}, []string{"Баку"}, []string{"Baku"}},
	{[]string{"Северная Корея", "КНДР", "Корейская Народно-Демократическая Республика", "North Korea", "DPRK", "Democratic People's Republic of Korea"}, []string{"Пхеньян"}, []string{"Pyongyang"}},
	{[]string{"Южная Корея", "Республика Корея", "South Korea", "Republic of Korea"}, []string{"Сеул"}, []string{"Seoul"}},
	{[]string{"Афганистан", "Afghanistan"}, []string{"Кабул"}, []string{"Kabul"}},
	{[]string{"Ирак", "Iraq"}, []string{"Багдад"}, []string{"Baghdad"}},
	{[]string{"Саудовская Аравия", "Saudi Arabia"}, []string{"Эр-Рияд"}, []string{"Riyadh"}},
	{[]string{"Пакистан", "Pakistan"}, []string{"Исламабад"}, []string{"Islamabad"}},
	{[]string{"Молдова", "Молдавия", "Республика Молдова", "Moldova", "Republic of Moldova"}, []string{"Кишинёв"}, []string{"Chisinau", "Chișinău"}},
	{[]string{"Узбекистан", "Uzbekistan"}, []string{"Ташкент"}, []string{"Tashkent"}},
	{[]string{"Киргизия", "Кыргызстан", "Kyrgyzstan"}, []string{"Бишкек"}, []string{"Bishkek"}},
	{[]string{"Таджикистан", "Tajikistan"}, []string{"Душанбе"}, []string{"Dushanbe"}},
	{[]string{"Литва", "Lithuania"}, []string{"Вильнюс"}, []string{"Vilnius"}},
	{[]string{"Латвия", "Latvia"}, []string{"Рига"}, []string{"Riga"}},
	{[]string{"Эстония", "Estonia"}, []string{"Таллин"}, []string{"Tallinn"}},
	{[]string{"Канада", "Canada"}, []string{"Оттава"}, []string{"Ottawa"}},
	{[]string{"Венгрия", "Hungary"}, []string{"Будапешт"}, []string{"Budapest"}},
	{[]string{"Сербия", "Serbia"}, []string{"Белград"}, []string{"Belgrade"}},
	{[]string{"Куба", "Cuba"}, []string{"Гавана"}, []string{"Havana"}},
	{[]string{"Венесуэла", "Venezuela"}, []string{"Каракас"}, []string{"Caracas"}},
	{[]string{"Европейский союз", "ЕС", "Евросоюз", "European Union", "EU"}, []string{"Брюссель"}, []string{"Brussels"}},
	{[]string{"Ватикан", "Святой Престол", "Holy See", "Vatican"}, []string{"Ватикан"}, []string{"Vatican"}},
	// Seats of bodies, as the press names them: Capitol Hill for the US
	// Congress, the Pentagon for the US Department of Defense.
	{[]string{"Конгресс [США]", "Конгресс", "[US] Congress", "Congress"}, []string{"Капитолий"}, []string{"Capitol Hill", "Capitol"}},
	{[]string{"Министерство обороны США", "Минобороны США", "US Department of Defense", "Department of Defense"}, []string{"Пентагон"}, []string{"Pentagon"}},
	// The seat of a government for the government: "the White House said"
	// is the administration's word.
	{[]string{"Белый дом", "White House"}, []string{"администрация"}, []string{"administration"}},
}

// metonymStates returns the names, in language l, of the states whose
// capital or seat of power is one of the expected terms, in the order of
// metonyms. It is asked for every term a long pair leaves unrendered
// (thousands against a general dictionary), so the metonyms are found by
// their folded words (metonymsByWord), not by folding all of them again.
func metonymStates(l lang.Lang, expected []string) []string {
	byWord := metonymsByWord()
	var hit []int
	for _, e := range expected {
		hit = append(hit, byWord[lang.Fold(e)]...)
	}
	if len(hit) == 0 {
		return nil
	}
	slices.Sort(hit)
	var out []string
	for _, i := range slices.Compact(hit) {
		for _, n := range metonyms[i].names {
			if (lang.ScriptOf(n) == lang.Cyrillic) == (l == lang.RU) {
				out = append(out, n)
			}
		}
	}
	return out
}

// metonymsByWord maps each folded word of metonyms (Russian and English)
// to the indexes of the metonyms holding it, ascending.
var metonymsByWord = sync.OnceValue(func() map[string][]int {
	by := map[string][]int{}
	for i, m := range metonyms {
		for _, w := range append(append([]string(nil), m.ru...), m.en...) {
			f := lang.Fold(w)
			if k := by[f]; len(k) == 0 || k[len(k)-1] != i {
				by[f] = append(k, i)
			}
		}
	}
	return by
})

var (
	metonymOnce sync.Once
	// By target language: a folded state name → the matching keys of
	// its metonyms in that language, and a folded metonym (in either
	// language) → the matching keys of the state's names in that language.
	metonymByName, nameByMetonym map[lang.Lang]map[string][][]string
)

// metonymKeys returns, for a target language, the matching keys of the
// metonyms of every state by the state's folded names, and of the
// state's names by its folded metonyms.
func metonymKeys(l lang.Lang) (byName, byMetonym map[string][][]string) {
	metonymOnce.Do(func() {
		metonymByName = map[lang.Lang]map[string][][]string{lang.RU: {}, lang.EN: {}}
		nameByMetonym = map[lang.Lang]map[string][][]string{lang.RU: {}, lang.EN: {}}
		keysOf := func(words []string) [][]string {
			var all [][]string
			for _, w := range words {
				var keys []string
				for _, t := range lang.Analyze(w) {
					if t.Kind == lang.Word {
						keys = append(keys, t.Key)
					}
				}
				all = append(all, keys)
			}
			return all
		}
		for _, m := range metonyms {
			var ruNames, enNames []string
			for _, n := range m.names {
				if lang.ScriptOf(n) == lang.Cyrillic {
					ruNames = append(ruNames, n)
				} else {
					enNames = append(enNames, n)
				}
			}
			for l, words := range map[lang.Lang][]string{lang.RU: m.ru, lang.EN: m.en} {
				for _, n := range m.names {
					metonymByName[l][lang.Fold(n)] = keysOf(words)
				}
			}
			for l, names := range map[lang.Lang][]string{lang.RU: ruNames, lang.EN: enNames} {
				for _, w := range append(append([]string(nil), m.ru...), m.en...) {
					nameByMetonym[l][lang.Fold(w)] = keysOf(names)
				}
			}
		}
	})
	return metonymByName[l], nameByMetonym[l]
}

// demonyms are the English adjectives of names that no suffix rule
// gives, by the folded name.
var demonyms = map[string][]string{
	"france": {"french"}, "french republic": {"french"},
	"united kingdom": {"british", "briton", "britons", "brits"}, "britain": {"british", "briton", "britons", "brits"},
	"great britain": {"british", "briton", "britons", "brits"}, "uk": {"british", "briton", "britons", "brits"},
	"united kingdom of great britain and northern ireland": {"british", "briton", "britons", "brits"},
	"united states": {"american"}, "united states of america": {"american"}, "us": {"american"}, "usa": {"american"}, "u.s.": {"american"},
	"netherlands": {"dutch"}, "switzerland": {"swiss"}, "greece": {"greek"}, "germany": {"german"},
	"federal republic of germany": {"german"}, "kazakhstan": {"kazakh", "kazakhstani"}, "uzbekistan": {"uzbek"},
	"kyrgyzstan": {"kyrgyz"}, "kyrgyz republic": {"kyrgyz"}, "tajikistan": {"tajik"}, "turkmenistan": {"turkmen"},
	"philippines": {"filipino", "philippine"}, "thailand": {"thai"}, "vietnam": {"vietnamese"},
	"viet nam": {"vietnamese"}, "turkey": {"turkish"}, "türkiye": {"turkish"}, "spain": {"spanish"}, "denmark": {"danish"},
	"sweden": {"swedish"}, "finland": {"finnish"}, "poland": {"polish"}, "ireland": {"irish"}, "norway": {"norwegian"},
	"belarus":             {"belarusian", "belorussian", "byelorussian", "belarussian"},
	"republic of belarus": {"belarusian", "belorussian", "byelorussian", "belarussian"}, "ukraine": {"ukrainian"}, "lebanon": {"lebanese"}, "sudan": {"sudanese"},
	"azerbaijan": {"azerbaijani", "azeri"}, "afghanistan": {"afghan"}, "iraq": {"iraqi"}, "israel": {"israeli"},
	"yemen": {"yemeni"}, "oman": {"omani"}, "qatar": {"qatari"}, "kuwait": {"kuwaiti"}, "saudi arabia": {"saudi"},
	"united arab emirates": {"emirati"}, "uae": {"emirati"}, "dprk": {"korean"}, "rok": {"korean"},
	"people's republic of china": {"chinese"}, "prc": {"chinese"}, "russian federation": {"russian"},
	"islamic republic of iran": {"iranian"}, "wales": {"welsh"}, "scotland": {"scottish"},
	"england": {"english"}, "peru": {"peruvian"}, "cyprus": {"cypriot"}, "malta": {"maltese"}, "portugal": {"portuguese"},
	"argentina": {"argentine", "argentinian"}, "morocco": {"moroccan"}, "monaco": {"monegasque"},
	"belgium": {"belgian"}, "czech republic": {"czech"}, "czechia": {"czech"}, "slovakia": {"slovak"},
	"iceland": {"icelandic"}, "montenegro": {"montenegrin"}, "croatia": {"croatian"}, "serbia": {"serbian"},
	"laos": {"lao", "laotian"}, "madagascar": {"malagasy"}, "luxembourg": {"luxembourgish"},
	// Not states, but named by their adjectives all the same: "European
	// sanctions" for the EU's, "Soviet troops", "Western countries" for
	// the political West.
	"european union": {"european"}, "eu": {"european"}, "soviet union": {"soviet"}, "ussr": {"soviet"},
	"west": {"western"},
}
