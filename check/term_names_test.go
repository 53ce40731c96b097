package check

import (
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// TestNotTheConcept: a source term inside a longer name the target keeps
// as a name, a case-sensitive abbreviation in a line of capitals, and a
// short form of one state's body followed by another state's name are not
// the concept, and term-missing says nothing; the same terms in their own
// sense are still reported.
func TestNotTheConcept(t *testing.T) {
	const g = `
[usa]
domain: states and regions
ru: Соединённые Штаты Америки
ru: США | abbreviation case
en: United States of America
en: US | abbreviation case

[australia]
domain: states and regions
ru: Австралия
en: Australia

[russia]
domain: states and regions
ru: Российская Федерация
ru: Россия
en: Russian Federation
en: Russia

[colombia]
domain: states and regions
ru: Колумбия
en: Colombia

[india]
domain: states and regions
ru: Индия
en: India

[mexico]
domain: states and regions
ru: Мексика
en: Mexico

[canada]
domain: states and regions
ru: Канада
en: Canada

[eastern-europe]
domain: states and regions
ru: Восточная Европа
en: Eastern Europe

[energy-sources]
domain: energy
ru: источники энергии
en: energy sources

[moscow]
domain: states and regions
ru: Москва
en: Moscow

[presidential-executive-office]
domain: government bodies
ru: Администрация Президента Российской Федерации | preferred
ru: Администрация Президента | shortForm
en: Presidential Executive Office | preferred
`
	tests := []struct {
		name     string
		src, tgt string
		srcLang  lang.Lang
		missing  bool
	}{
		{"an airline kept as written", "I got stranded by US Air in Philadelphia.", "Я застрял в Филадельфии из-за US Air.", lang.EN, false},
		{"a firm kept as written", "Macquarie Australia raised its forecast.", "Компания Macquarie Australia повысила прогноз.", lang.EN, false},
		{"a newspaper transliterated", "Об этом пишет газета Вечерняя Москва.", "This was reported by the newspaper Vechernyaya Moskva.", lang.RU, false},
		{"a TV channel transliterated", "Передачу показал канал Россия 1 в субботу.", "The programme was shown by Rossiya 1 on Saturday.", lang.RU, false},
		{"a TV channel hyphenated", "Передачу показал канал Россия 24 в субботу.", "The programme was shown by Rossiya-24 on Saturday.", lang.RU, false},
		{"a US state hyphenated", "Last year he moved to New Mexico.", "В прошлом году он переехал в Нью-Мексико.", lang.EN, false},
		{"the country itself beside a hyphenated word", "Last year he moved to Mexico.", "В прошлом году он переехал в Нью-Йорк.", lang.EN, true},
		{"the country itself, dropped", "The plan was backed by Australia.", "План поддержала компания.", lang.EN, true},
		{"the country before a date, dropped", "В России 1 января вступил в силу закон.", "The law came into force on January 1.", lang.RU, true},
		{"a district named after a country", "Наш офис в округе Колумбия перешёл на удалённую работу.", "Our DC office moved to remote work.", lang.RU, false},
		{"a ship named after a country", "Ледокол «Россия» вышел в море.", "The icebreaker sailed.", lang.RU, false},
		{"the country after an ordinary noun", "Посольство Колумбия не открыло.", "The embassy was not opened.", lang.RU, true},
		{"a part of a compound", "Колумб приплыл в Вест-Индию.", "Columbus sailed to the West Indies.", lang.RU, false},
		{"a part of a compound of regions", "Находки сделаны на площадках Юго-Восточной Европы.", "The finds were made in southern Europe.", lang.RU, false},
		{"a body named by its abbreviation", "Цель слушаний Комиссии по телевидению, радиовещанию и телекоммуникациям Канады (CRTC) — работа с мнениями.", "The purpose of the CRTC hearings is to field responses.", lang.RU, false},
		{"a term inside a body's name", "Директор Международного агентства по возобновляемым источникам энергии (IRENA) уверен.", "The director of IRENA is certain.", lang.RU, false},
		{"the abbreviation not in the target", "Цель слушаний Комиссии по телевидению Канады (CRTC) — работа с мнениями.", "The purpose of the hearings is to field responses.", lang.RU, true},
		{"a pronoun in capitals", "ALL RETURNS ARE THE RESPONSIBILITY OF THE SENDER UNTIL THEY ARRIVE TO US", "ПОКУПАТЕЛЬ НЕСЕТ ОТВЕТСТВЕННОСТЬ ЗА ВСЕ ВОЗВРАЩАЕМЫЕ ТОВАРЫ, ПОКА ОНИ НЕ ПОСТУПИЛИ К НАМ", lang.EN, false},
		{"a currency's prefix", "It was over US$500.", "Это стоило больше 500 долларов.", lang.EN, false},
		{"the state's abbreviation opening an acronym", "Он выступил с базы ВВС США.", "He spoke from a USAF base.", lang.RU, false},
		{"the country in an ordinary line", "New sanctions were imposed by the US.", "Были введены новые санкции.", lang.EN, true},
		{"another state's administration", "Администрация президента США заявила об этом.", "The US administration said so.", lang.RU, false},
		{"the concept's own state", "Администрация президента России заявила об этом.", "The Kremlin said so.", lang.RU, true},
		{"the concept without a state", "Администрация президента заявила об этом.", "The administration said so.", lang.RU, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, g, tt.srcLang, tt.src, tt.tgt)
			var got []string
			for _, f := range res.Findings {
				if (f.Rule == "term-missing" || f.Rule == "term-partial") && f.Severity >= Warning {
					got = append(got, f.Message)
				}
			}
			if (len(got) > 0) != tt.missing {
				t.Errorf("term-missing %v, want %v: %s\n%s", len(got) > 0, tt.missing, strings.Join(got, "; "), describe(res.Findings))
			}
		})
	}
}

// TestAnaphoricRendering: a body, a state or an instrument the target has
// named in an earlier sentence, referred back to there by a general noun
// ("the bank", "the country", «ведомство»), is info, not an error; the
// same noun with no earlier naming, or a noun of another kind, is not.
func TestAnaphoricRendering(t *testing.T) {
	const g = `
[bank-of-russia]
domain: economy
ru: Банк России
en: Bank of Russia

[france]
domain: states and regions
ru: Франция
en: France

[russian-mfa]
domain: government bodies
ru: Министерство иностранных дел Российской Федерации
ru: МИД России | abbreviation
en: Ministry of Foreign Affairs of the Russian Federation
en: Russian Foreign Ministry

[climate-change]
domain: environment
ru: изменение климата
en: climate change
`
	tests := []struct {
		name     string
		src, tgt string
		srcLang  lang.Lang
		want     string // the term-missing severity, or "" for none
	}{
		{"the bank, named before", "Банк России повысил ставку. Решение Банка России удивило рынок.", "The Bank of Russia raised its rate. The bank's decision surprised the market.", lang.RU, "info"},
		{"the bank, never named", "Ставка выросла. Решение Банка России удивило рынок.", "The rate went up. The bank's decision surprised the market.", lang.RU, "error"},
		{"another body named instead", "Банк России повысил ставку. Сообщение Банка России вышло утром.", "The Bank of Russia raised its rate. The Finance Ministry's message came out in the morning.", lang.RU, "error"},
		{"the country", "France voted against. Later France abstained.", "Франция проголосовала против. Позднее страна воздержалась.", lang.EN, "info"},
		{"the ministry as «ведомство»", "The Russian Foreign Ministry protested. The Russian Foreign Ministry said it would respond.", "МИД России выразил протест. В ведомстве заявили, что ответят.", lang.EN, "info"},
		{"a general concept is no name", "Изменение климата опасно. Изменение климата ускоряется.", "Climate change is dangerous. The climate is warming faster.", lang.RU, "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, g, tt.srcLang, tt.src, tt.tgt)
			got := ""
			for _, f := range res.Findings {
				if f.Rule == "term-missing" || f.Rule == "term-partial" {
					got = f.Severity.String()
				}
			}
			if got != tt.want {
				t.Errorf("term-missing %q, want %q\n%s", got, tt.want, describe(res.Findings))
			}
		})
	}
}

// TestShortFormRendering: a body named in the English target by the
// capitalised head noun of its name alone ("the House", "House seats")
// is info; the head inside another name ("the White House", "House of
// Lords", "Federal Monopoly Service") or in small letters ("a house") is
// still an error.
func TestShortFormRendering(t *testing.T) {
	const g = `
[us-house]
domain: US state bodies
ru: Палата представителей Конгресса США | preferred fullForm
ru: Палата представителей | admitted
en: US House of Representatives | preferred fullForm
en: House of Representatives | admitted

[fas-russia]
domain: government bodies
ru: Федеральная антимонопольная служба
en: Federal Antimonopoly Service

[state-duma]
domain: government bodies
ru: Государственная дума
en: State Duma

[food-security]
domain: economy
ru: продовольственная безопасность
en: food security

[north-caucasus]
domain: states and regions
ru: Северный Кавказ
en: North Caucasus
`
	tests := []struct {
		name     string
		src, tgt string
		want     string // the term-missing severity, or "" for none
	}{
		{"House seats", "Республиканцы получили 34 места в Палате представителей.", "Republicans gained 34 House seats.", "info"},
		{"the House", "Закон приняла Палата представителей.", "The House passed the bill.", "info"},
		{"the Duma", "Закон приняла Государственная дума.", "The Duma passed the law.", "info"},
		{"the US House", "Закон приняла Палата представителей.", "The US House passed the bill.", "info"},
		{"the head inside another name", "Закон обсудили в Палате представителей.", "The bill was discussed at the White House.", "error"},
		{"the head before of", "Закон обсудили в Палате представителей.", "The bill was discussed in the House of Lords.", "error"},
		{"the head in small letters", "Закон обсудили в Палате представителей.", "The bill was discussed in a house nearby.", "error"},
		{"the head of a wrong name", "Дело возбудила Федеральная антимонопольная служба.", "The Federal Monopoly Service opened a case.", "error"},
		{"a place's head is another place", "Это Северный Кавказ.", "This is the Caucasus.", "error"},
		{"no name, no short form", "Продовольственная безопасность важна.", "Enough Food matters.", "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, g, lang.RU, tt.src, tt.tgt)
			got := ""
			for _, f := range res.Findings {
				if f.Rule == "term-missing" || f.Rule == "term-partial" {
					got = f.Severity.String()
				}
			}
			if got != tt.want {
				t.Errorf("term-missing %q, want %q\n%s", got, tt.want, describe(res.Findings))
			}
		})
	}
}

// checkText checks src (in srcLang) against its translation tgt with the
// native glossary g.
func checkText(t *testing.T, g string, srcLang lang.Lang, src, tgt string) *Result {
	t.Helper()
	tl := lang.RU
	if srcLang == lang.RU {
		tl = lang.EN
	}
	c := New(Options{Glossary: parseGlossary(t, g)})
	res, err := c.Check(t.Context(), NewDocument("a."+string(srcLang)+".txt", srcLang, src), NewDocument("a."+string(tl)+".txt", tl, tgt))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSiblingRendering: a general term rendered by the glossary's term of
// a neighbouring concept of its domain, which the source does not name,
// is info; a name rendered by another name, or a general term rendered by
// a word the glossary does not hold, is still an error.
func TestSiblingRendering(t *testing.T) {
	const g = `
[treaty]
domain: international law
ru: договор
en: treaty

[agreement]
domain: international law
ru: соглашение
en: agreement

[france]
domain: states and regions
ru: Франция
en: France

[germany]
domain: states and regions
ru: Германия
en: Germany
`
	tests := []struct {
		name     string
		src, tgt string
		srcLang  lang.Lang
		want     string
	}{
		{"a contract as an agreement", "Издательство заключило с автором договор на три тома.", "The publisher entered into an agreement with the author for three volumes.", lang.RU, "info"},
		{"an agreement as a treaty", "Это нарушало мирное соглашение.", "This violated the peace treaty.", lang.RU, "info"},
		{"both named in the source", "Договор и соглашение подписаны.", "The agreement and the agreement were signed.", lang.RU, "error"},
		{"a treaty as a contract", "Договор между Ватиканом и Германией подписан.", "The contract between the Vatican and Germany was signed.", lang.RU, "error"},
		{"a name for another name", "Войска вошли во Францию.", "The troops entered Germany.", lang.RU, "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, g, tt.srcLang, tt.src, tt.tgt)
			got := ""
			for _, f := range res.Findings {
				if f.Rule == "term-missing" && (got == "" || f.Severity.String() == "error") {
					got = f.Severity.String()
				}
			}
			if got != tt.want {
				t.Errorf("term-missing %q, want %q\n%s", got, tt.want, describe(res.Findings))
			}
		})
	}
}

// TestRenderedInAnotherSense: a source word that is a term of two
// concepts is rendered when the target has either's term, even the one
// whose context the sentence lacks; and an English noun in -ment is
// rendered by its verb.
func TestRenderedInAnotherSense(t *testing.T) {
	const g = `
[deterrence]
domain: security
context: infection, инфекция, nuclear, ядерный
ru: сдерживание
en: deterrence

[containment]
domain: IR theory
context: policy, политика
ru: сдерживание
en: containment
`
	tests := []struct {
		name     string
		src, tgt string
		missing  bool
	}{
		{"the sense without its context", "Нужны меры по сдерживанию инфекции.", "Containment measures for the infection are needed.", false},
		{"the verb of a noun in -ment", "Это политика сдерживания вируса.", "This policy aims to contain the virus.", false},
		{"neither sense", "Нужны меры по сдерживанию инфекции.", "Measures against the infection are needed.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, g, lang.RU, tt.src, tt.tgt)
			missing := false
			for _, f := range res.Findings {
				missing = missing || f.Rule == "term-missing" && f.Severity >= Warning
			}
			if missing != tt.missing {
				t.Errorf("term-missing %v, want %v\n%s", missing, tt.missing, describe(res.Findings))
			}
		})
	}
}

// TestStateDropped: a state's body rendered without the state, in a text
// that names the state elsewhere, is info; with the state never named,
// or with the rest of the term not there either, it is an error.
func TestStateDropped(t *testing.T) {
	const g = `
[uk]
domain: states and regions
ru: Великобритания
en: United Kingdom
en: UK | abbreviation case

[uk-foreign-secretary]
domain: government bodies
ru: министр иностранных дел Великобритании
en: UK Foreign Secretary
en: Foreign Secretary of the United Kingdom
`
	tests := []struct {
		name     string
		src, tgt string
		want     string
	}{
		{"the state named before", "Britain's envoy arrived. The UK Foreign Secretary said so.", "Прибыл посланник Великобритании. Министр иностранных дел сказал об этом.", "info"},
		{"the state named by its adjective", "The envoy arrived. The UK Foreign Secretary said so.", "Прибыл британский посланник. Министр иностранных дел сказал об этом.", "info"},
		{"the state never named", "The envoy arrived. The UK Foreign Secretary said so.", "Прибыл посланник. Министр иностранных дел сказал об этом.", "error"},
		{"the rest missing too", "Britain's envoy arrived. The UK Foreign Secretary said so.", "Прибыл посланник Великобритании. Министр сказал об этом.", "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, g, lang.EN, tt.src, tt.tgt)
			got := ""
			for _, f := range res.Findings {
				if f.Rule == "term-missing" && f.Term != nil && f.Term.ID == "uk-foreign-secretary" {
					got = f.Severity.String()
				}
			}
			if got != tt.want {
				t.Errorf("term-missing %q, want %q\n%s", got, tt.want, describe(res.Findings))
			}
		})
	}
}

// TestOtherWaysOfSaying: an acronym of the expected term, a word of a
// quoted title (info), and a verb spelt like the term's plural noun.
func TestOtherWaysOfSaying(t *testing.T) {
	const g = `
[fas]
domain: Russian state bodies
ru: Федеральная антимонопольная служба
en: Federal Antimonopoly Service

[barda]
domain: US state bodies
ru: Управление перспективных биомедицинских исследований и разработок
en: Biomedical Advanced Research and Development Authority

[russia]
domain: states and regions
ru: Россия
en: Russia

[negotiations]
domain: diplomacy
ru: переговоры
en: negotiations
en: talks | exact
`
	tests := []struct {
		name     string
		src, tgt string
		srcLang  lang.Lang
		want     string
	}{
		{"an acronym in English", "Федеральная антимонопольная служба возбудила дело.", "FAS opened a case.", lang.RU, ""},
		{"an acronym in Russian", "The Federal Antimonopoly Service opened a case.", "ФАС возбудила дело.", lang.EN, ""},
		{"an acronym without «and»", "The Biomedical Advanced Research and Development Authority paid.", "Управление BARDA заплатило.", lang.EN, ""},
		{"another acronym", "Федеральная антимонопольная служба возбудила дело.", "FSB opened a case.", lang.RU, "error"},
		{"a word of a quoted title", "Он снял фильм «Сердце России зимой».", "He made the film Heart of Winter.", lang.RU, "info"},
		{"direct speech is no title", "Он сказал: «Россия ответит».", "He said: 'We will respond.'", lang.RU, "error"},
		{"the verb", "Everyone smiles at me, talks to me.", "Все мне улыбаются, разговаривают со мной.", lang.EN, ""},
		{"the verb after a pronoun", "He talks a lot.", "Он много говорит.", lang.EN, ""},
		{"the noun", "The talks ended.", "Встреча закончилась.", lang.EN, "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, g, tt.srcLang, tt.src, tt.tgt)
			got := ""
			for _, f := range res.Findings {
				if f.Rule == "term-missing" && (got == "" || f.Severity == Error) {
					got = f.Severity.String()
				}
			}
			if got != tt.want {
				t.Errorf("term-missing %q, want %q\n%s", got, tt.want, describe(res.Findings))
			}
		})
	}
}

// TestSameWordEndingGender: the feminine and masculine forms of a
// transliterated Russian surname, and a Russian name's forms that lose a
// fleeting vowel, are one name's forms, not a drift; a misspelling still
// is one.
func TestSameWordEndingGender(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"korostyshevskaya", "korostyshevsky", true},
		{"zakharova", "zakharov", true},
		{"korostyshevsky", "korostishevsky", false},
		{"loznitsa", "loznita", false},
		{"павел", "павл", true},  // Павел, Павла: the fleeting vowel
		{"марек", "марк", true},  // Марек, Марком
		{"лев", "льв", true},     // Лев, Льва
		{"павел", "павлу", true}, // a key with its ending left on
		{"павел", "пвел", false},
		{"тенук", "тенк", false}, // у does not fall out: a misspelling
		{"карел", "карл", true},
		{"заяц", "зайц", true}, // Заяц, Зайца
		{"заяц", "заиц", false},
	}
	for _, tt := range tests {
		if got := sameWordEnding(tt.a, tt.b); got != tt.same {
			t.Errorf("sameWordEnding(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// TestDeprecatedInFixedName: a deprecated name inside a fixed name made of
// it is info; on its own it is still a warning.
func TestDeprecatedInFixedName(t *testing.T) {
	const g = `
[beijing]
domain: states and regions
ru: Пекин
en: Beijing
en: Peking | deprecated
`
	tests := []struct {
		name, src, tgt, want string
	}{
		{"a convention's name", "Подписана Пекинская конвенция 1860 года.", "The Convention of Peking of 1860 was signed.", "info"},
		{"a university", "Он учился в Пекинском университете.", "He studied at Peking University.", "info"},
		{"the city", "Он прилетел в Пекин.", "He flew to Peking.", "warning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, g, lang.RU, tt.src, tt.tgt)
			got := ""
			for _, f := range res.Findings {
				if f.Rule == "term-forbidden" {
					got = f.Severity.String()
				}
			}
			if got != tt.want {
				t.Errorf("term-forbidden %q, want %q\n%s", got, tt.want, describe(res.Findings))
			}
		})
	}
}

// TestDriftCommonWordAtStart: a word capitalised at a sentence start and
// as a label, which the text also uses in small letters, is no name whose
// renderings drift; a name at a sentence start still is one.
func TestDriftCommonWordAtStart(t *testing.T) {
	tests := []struct {
		name, src, tgt string
		drift          bool
	}{
		{"a label and an imperative",
			"Sign out and then signing back in helps.\nUnder Settings, tap Sign out.\nThen tap Sign out again.",
			"Выйдите и войдите снова.\nВ настройках нажмите «Выйти».\nЗатем снова нажмите «Выйти».",
			false},
		{"a name",
			"Lavrov arrived today.\nThe talks with Lavrov began.\nLater Lavrov left.",
			"Лавров прибыл сегодня.\nПереговоры с Лавровым начались.\nПозже Лавроф уехал.",
			true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := checkText(t, "", lang.EN, tt.src, tt.tgt)
			drift := false
			for _, f := range res.Findings {
				drift = drift || f.Rule == "term-drift"
			}
			if drift != tt.drift {
				t.Errorf("term-drift %v, want %v\n%s", drift, tt.drift, describe(res.Findings))
			}
		})
	}
}
