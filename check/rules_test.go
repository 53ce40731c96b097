package check

import (
	"context"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// testGlossary is the glossary of the rule tests.
const testGlossary = `
[sco]
ru: Шанхайская организация сотрудничества | preferred fullForm
ru: ШОС | abbreviation case
en: Shanghai Cooperation Organisation | preferred fullForm
en: Shanghai Cooperation Organization | variant
en: SCO | abbreviation case

[three-evils]
ru: три силы зла | preferred phrase
en: three forces of evil | preferred phrase
en: three evil forces | deprecated phrase

[pivot-east]
ru: поворот на Восток | preferred phrase
en: pivot to the East | preferred phrase
en: turn to the East | admitted phrase

[sanctions]
ru: односторонние санкции | preferred fullForm
en: unilateral sanctions | preferred fullForm
en: illegal sanctions | forbidden

[treaty]
ru: договор | preferred fullForm
en: treaty | preferred fullForm

[russia]
ru: Россия | preferred shortForm
en: Russia | preferred shortForm

[mutual-trade]
ru: взаимная торговля
en: mutual trade

[veto]
ru: право вето
en: right of veto

[mpwo]
ru: многополярный миропорядок
ru: многополярное мироустройство
en: multipolar world order

[just-mpwo]
ru: более справедливый многополярный миропорядок
ru: более справедливое многополярное мироустройство
en: more just multipolar world order
en: fairer multipolar world order

[new-start]
ru: Договор СНВ-3
en: New START Treaty

[energy-security]
ru: энергобезопасность | preferred fullForm
en: energy security | preferred fullForm

[moscow]
ru: Москва
en: Moscow

[us-congress]
ru: Конгресс [США]
en: [US] Congress

[identity]
context: national, cultural, civilisational, национальный, культурный, цивилизационный
ru: идентичность
en: identity

[usa]
ru: США | preferred abbreviation case
en: United States | preferred shortForm
en: US | admitted abbreviation case
`

// want is an expected finding: the rule, and a text its message or a
// match must contain.
type want struct{ rule, text string }

func runCheck(t *testing.T, src, tgt string, srcLang lang.Lang) *Result {
	t.Helper()
	c := New(Options{Glossary: parseGlossary(t, testGlossary)})
	res, err := c.Check(context.Background(),
		NewDocument("a."+string(srcLang)+".txt", srcLang, src),
		NewDocument("a."+string(other(srcLang))+".txt", other(srcLang), tgt))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestRules(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt string
		srcLang  lang.Lang
		want     []want // exactly these findings, in order
	}{
		{"clean", "Шанхайская организация сотрудничества была создана в 2001 году.", "The Shanghai Cooperation Organisation was founded in 2001.", lang.RU, nil},
		{"inflected source term found", "Члены Шанхайской организации сотрудничества встретились.", "Members of the Shanghai Cooperation Organisation met.", lang.RU, nil},
		{"abbreviation renders the full form", "Шанхайская организация сотрудничества расширяется.", "The SCO is expanding.", lang.RU, nil},
		{"term-missing", "Поворот на Восток продолжается.", "The eastward shift continues.", lang.RU,
			[]want{{"term-missing", `"pivot to the East" or "turn to the East"`}}},
		{"term-missing en-ru", "The pivot to the East continues.", "Разворот к Азии продолжается.", lang.EN,
			[]want{{"term-missing", `«поворот на Восток»`}}},
		{"term-forbidden deprecated", "Они борются с «тремя силами зла».", `They fight the "three evil forces".`, lang.RU,
			[]want{{"term-forbidden", "deprecated; use \"three forces of evil\""}}},
		{"term-forbidden forbidden", "Односторонние санкции подрывают доверие.", "Illegal sanctions undermine trust.", lang.RU,
			[]want{{"term-forbidden", "forbidden; use \"unilateral sanctions\""}}},
		{"term-inconsistent", "Поворот на Восток начался давно. Поворот на Восток продолжается. Поворот на Восток важен.",
			"The pivot to the East began long ago. The turn to the East continues. The pivot to the East matters.", lang.RU,
			[]want{{"term-inconsistent", `"turn to the East" here`}}},
		{"full form beside abbreviation is consistent", "Шанхайская организация сотрудничества растёт. ШОС принимает новых членов.",
			"The Shanghai Cooperation Organisation is growing. The SCO admits new members.", lang.RU, nil},
		{"two spellings inconsistent", "Шанхайская организация сотрудничества растёт. Шанхайская организация сотрудничества крепнет. Шанхайская организация сотрудничества важна.",
			"The Shanghai Cooperation Organisation is growing. The Shanghai Cooperation Organization is getting stronger. The Shanghai Cooperation Organisation matters.", lang.RU,
			[]want{{"term-inconsistent", "Organization"}}},
		{"number-mismatch", "Товарооборот достиг 240 млрд долларов.", "Trade reached 204 billion dollars.", lang.RU,
			[]want{{"number-mismatch", "«240 млрд» but the target says \"204 billion\""}}},
		{"numbers normalised", "Рост составил 26,3 % в 2023–2024 гг., а оборот — 1 234 567 рублей.", "Growth was 26.3 percent in 2023–2024, and turnover 1,234,567 roubles.", lang.RU, nil},
		{"currency's country", "Бюджет составил 5 000 долларов США, а взнос — 200 долл. США.", "The budget was $5,000 and the fee USD 200.", lang.RU, nil},
		{"country outside a currency", "Делегация США прибыла за 5 000 долларов.", "The delegation arrived for $5,000.", lang.RU,
			[]want{{"term-missing", `«США» is not rendered`}}},
		{"one word shortened", "Энергобезопасность важна.", "Security matters.", lang.RU,
			[]want{{"term-partial", `rendered only in part: the target has "Security" but not "energy security"`}}},
		{"inconsistent inside a longer formula", "A multipolar world order is emerging. A multipolar world order needs rules. Russia wants a fairer multipolar world order.",
			"Складывается многополярный миропорядок. Многополярному миропорядку нужны правила. Россия хочет более справедливого многополярного мироустройства.", lang.EN,
			[]want{{"term-inconsistent", "«многополярного мироустройства» here but as «многополярный миропорядок» elsewhere"}}},
		{"consistent inside a longer formula", "A multipolar world order is emerging. Russia wants a fairer multipolar world order.",
			"Складывается многополярный миропорядок. Россия хочет более справедливого многополярного миропорядка.", lang.EN, nil},
		{"adjective dropped", "Взаимная торговля растёт.", "Trade is growing.", lang.RU,
			[]want{{"term-partial", `«Взаимная торговля» is rendered only in part: the target has "Trade"`}}},
		{"a longer term in part is missing", "The right of veto remains.", "Право решающего голоса сохраняется.", lang.EN,
			[]want{{"term-missing", `"right of veto" is not rendered as «право вето»`}}},
		{"one word not rendered", "Энергобезопасность важна.", "Stability matters.", lang.RU,
			[]want{{"term-missing", `«Энергобезопасность» is not rendered as "energy security"`}}},
		{"a number inside a term is part of a name", "Договор СНВ-3 ограничил число боезарядов до 1550.", "The New START Treaty limited warheads to 1,550.", lang.RU, nil},
		{"a number outside terms still counts", "Договор СНВ-3 ограничил число боезарядов до 1550.", "The New START Treaty limited warheads to 1,500.", lang.RU,
			[]want{{"number-mismatch", `«1550» but the target says "1,500"`}}},
		{"number words", "Стороны подписали два соглашения.", "The parties signed 2 agreements.", lang.RU, nil},
		{"number words over twelve", "A young, energetic 18-year-old.", "Молодой, энергичный, восемнадцатилетний парень.", lang.EN, nil},
		{"a day is 24 hours", "Двадцать человек скончались за сутки.", "Twenty died in 24 hours.", lang.RU, nil},
		{"a quarter", "Во II квартале 2022 г. выделили 100 млрд руб.", "In Q2 2022, 100 bln rubles were allocated.", lang.RU, nil},
		{"a word inside a compound", "В городах-миллионниках 4,5 тысячи клубов.", "Cities of 1 million have 4500 clubs.", lang.RU, nil},
		{"a year, a dash, its figure", "Доля выросла: в 2021 -48,2%, в 2022 - 50,1%.", "The share grew: in 2021, 48.2%, in 2022, 50.1%.", lang.RU, nil},
		{"a year beside percentages", "Ставка 7,0-9,0% годовых на 2023 г. и 6,5 - 7,5% годовых на 2024 г.", "The rate is 7.0%-9.0% per annum for 2023 and 6.5%-7.5% per annum for 2024.", lang.RU, nil},
		{"a scale shared from a neighbour is reported once, by the neighbour", "Геном вмещает от 26 до 32 тысяч нуклеотидов.", "The genome holds 26 to 32 bases.", lang.RU,
			[]want{{"number-mismatch", `«32 тысяч» but the target says "32"`}}},
		{"written alike, read differently", "Прибыли 60,000 туристов.", "60,000 tourists arrived.", lang.RU,
			[]want{{"number-mismatch", `«60,000» reads 60 in the source but 60000 in the target`}}},
		{"an hour in words", "The warning comes into force from 9pm on Sunday.", "Предупреждение вступает в силу к девяти часам вечера в воскресенье.", lang.EN, nil},
		{"12-hour clock with a dot", "He was found just before 5.30pm on Friday.", "Его нашли в пятницу незадолго до 17:30.", lang.EN, nil},
		{"untranslated run", "Стороны обсудили создание собственных платёжных механизмов.", "The parties discussed the creation of собственных платёжных механизмов.", lang.RU,
			[]want{{"untranslated", "собственных платёжных механизмов"}}},
		{"a term left untranslated is reported once", "Они борются с тремя силами зла в регионе.", "They fight три силы зла in the region.", lang.RU,
			[]want{{"untranslated", "три силы зла"}}},
		{"untranslated sentence", "Ситуация осложнилась. Стороны договорились о встрече.", "Ситуация осложнилась. The parties agreed to meet.", lang.RU,
			[]want{{"untranslated", "in Russian"}}},
		{"transliteration in brackets kept", "Концепция «Русский мир» обсуждалась.", "The concept of the Russian world («Русский мир») was discussed.", lang.RU, nil},
		{"quote with gloss kept", "Он сказал: «Мы никому не угрожаем».", "He said «Мы никому не угрожаем» (we threaten no one).", lang.RU, nil},
		{"English title kept in Russian", "The Wall Street Journal wrote about it.", "Об этом на прошлой неделе подробно написала американская газета The Wall Street Journal.", lang.EN, nil},
		{"segment-missing", paragraph(ruSentences, -1, -1), paragraph(enSentences, 2, -1), lang.RU,
			[]want{{"segment-missing", "Ташкенте"}}},
		{"segment-extra", paragraph(ruSentences, 2, -1), paragraph(enSentences, -1, -1), lang.RU,
			[]want{{"segment-extra", "Tashkent"}}},
		{"segment-missing en-ru", paragraph(enSentences, -1, -1), paragraph(ruSentences, 2, -1), lang.EN,
			[]want{{"segment-missing", "Tashkent"}}},
		{"term-drift name", "Президент Си Цзиньпин прибыл в Астану. Позже Цзиньпин провёл переговоры. Затем Цзиньпин посетил выставку.",
			"President Xi Jinping arrived in Astana. Later Jinping held talks. Then Jinpin visited an exhibition.", lang.RU,
			[]want{{"term-drift", `"Jinpin" here but as "Jinping"`}}},
		{"a place and its adjective are one rendering", "The summit in Kazan: outcomes.\n\nFrom 22 to 24 October 2024, Kazan hosted the summit.\n\nThe leaders adopted the Kazan Declaration.",
			"Саммит в Казани: итоги.\n\nС 22 по 24 октября 2024 года в Казани прошёл саммит.\n\nЛидеры приняли Казанскую декларацию.", lang.EN, nil},
		{"name endings are one rendering", "Министр Лавров прибыл. Переговоры Лаврова прошли успешно. Визит Лаврову понравился.",
			"Minister Lavrov arrived. Lavrov's talks went well. Lavrov liked the visit.", lang.RU, nil},
		{"a name declined is one rendering (en-ru)", "Conway scored first. Later Conway passed to Murray. Then Murray found Conway again.",
			"Конвей забил первым. Позже Конвей отдал пас Мюррею. Затем Мюррей снова нашёл Конвея.", lang.EN, nil},
		{"a surname in the instrumental is one rendering", "Scholz arrived in Kyiv. Zelensky met Scholz. Zelensky thanked Scholz.",
			"Шольц прибыл в Киев. Зеленский встретился с Шольцем. Зеленский поблагодарил Шольца.", lang.EN, nil},
		{"an adjectival surname declined", "Zelensky spoke. The office of Zelensky replied. Zelensky left.",
			"Зеленский выступил. Офис Зеленского ответил. Зеленский уехал.", lang.EN, nil},
		{"two names spelled alike in one segment", "Сусанин прославился. Сусанин - как раз такой случай: «Иван, сын Сусанны». Сусанин погиб.",
			"Susanin became famous. Susanin is one such case: \"Ivan, son of Susanna\". Susanin died.", lang.RU, nil},
		{"two names spelled alike, en-ru", "Carbery kicked first. Carbery missed, and Wasps scored through Barbeary. Carbery left.",
			"Карбери ударил первым. Карбери промахнулся, и Осы забили благодаря Барбери. Карбери ушёл.", lang.EN, nil},
		{"a declined name misspelt still drifts", "Campbell scored. Later Campbell passed. Then Campbell scored again.",
			"Кэмпбелл забил. Позже Кэмпбелл отдал пас. Затем Кемпбелла снова заметили.", lang.EN,
			[]want{{"term-drift", "«Кемпбелла» here but as «Кэмпбелл»"}}},
		{"term-drift acronym", "Члены ОДКБ встретились в Минске. Позже ОДКБ провела учения. Затем ОДКБ приняла заявление.",
			"CSTO members met in Minsk. Later the CSTO held exercises. Then the OCST adopted a statement.", lang.RU,
			[]want{{"term-drift", `"OCST" here but as "CSTO"`}}},
		{"term-drift phrase", "Он назвал это «стратегическим терпением». Политика «стратегического терпения» продолжается. Критики отвергают «стратегическое терпение».",
			`He called it "strategic patience". The policy of "strategic patience" continues. Critics reject "strategic tolerance".`, lang.RU,
			[]want{{"term-drift", `"strategic tolerance" here but as "strategic patience"`}}},
		{"phrases rendered alike", "Он назвал это «стратегическим терпением». Политика «стратегического терпения» продолжается.",
			`He called it "strategic patience". The policy of "strategic patience" continues.`, lang.RU, nil},
		{"verb is not the noun term", "Стороны договорились о встрече.", "The parties agreed to meet.", lang.RU, nil},
		{"a name rendered by its adjective, en-ru", "The UK plan was rejected.", "Британский план был отвергнут.", lang.EN, nil},
		{"a name rendered by its adjective, regular, en-ru", "Russia offered a model.", "Российская модель была предложена.", lang.EN, nil},
		{"a name rendered by an adjective in a compound, en-ru", "Trade between Russia and the US fell.", "Российско-американская торговля упала.", lang.EN, nil},
		{"a name rendered by its adjective, ru-en", "Правительство России ответило.", "The Russian government replied.", lang.RU, nil},
		{"a capital for the state is info", "The plan was rejected by Russia.", "План был отвергнут Москвой.", lang.EN,
			[]want{{"term-missing", "rendered by «Москвой»"}}},
		{"a seat of power for the state is info, ru-en", "США ответили на предложение.", "Washington replied to the proposal.", lang.RU,
			[]want{{"term-missing", "rendered by \"Washington\""}}},
		{"the state for its capital is info", "Москва ответила на предложение.", "Russia replied to the proposal.", lang.RU,
			[]want{{"term-missing", "rendered by \"Russia\""}}},
		{"a name not rendered at all is still an error", "The plan was rejected by Russia.", "План был отвергнут.", lang.EN,
			[]want{{"term-missing", "is not rendered as «Россия»"}}},
		{"an optional word left out of the target", "The US Congress passed the bill.", "Конгресс принял закон.", lang.EN, nil},
		{"an optional word left out of the source", "Конгресс принял закон.", "Congress passed the bill.", lang.RU, nil},
		{"the term in full", "Конгресс США принял закон.", "The US Congress passed the bill.", lang.RU, nil},
		{"a term with optional words not rendered", "Конгресс принял закон.", "The parliament passed the bill.", lang.RU,
			[]want{{"term-missing", `«Конгресс» is not rendered as "[US] Congress"`}}},
		{"a general word out of its context", "The identity of the player was not confirmed.", "Личность игрока не раскрывается.", lang.EN, nil},
		{"a general word in its context", "National identity matters.", "Национальная самобытность важна.", lang.EN,
			[]want{{"term-missing", `"identity" is not rendered as «идентичность»`}}},
		{"attributive name", "US missiles were deployed in Europe.", "Американские ракеты были размещены в Европе.", lang.EN, nil},
		{"deprecated term not also missing", "Они борются с «тремя силами зла».", `They fight the "three evil forces".`, lang.RU,
			[]want{{"term-forbidden", "three evil forces"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCheck(t, tt.src, tt.tgt, tt.srcLang)
			var got []want
			for _, f := range res.Findings {
				got = append(got, want{f.Rule, f.Message})
			}
			ok := len(got) == len(tt.want)
			for i := 0; ok && i < len(got); i++ {
				f := res.Findings[i]
				text := f.Message
				for _, l := range []*Location{f.Source, f.Target} {
					if l != nil {
						text += " " + l.Match
					}
				}
				ok = got[i].rule == tt.want[i].rule && strings.Contains(text, tt.want[i].text)
			}
			if !ok {
				t.Errorf("findings:\n%s\nwant:\n%v", describe(res.Findings), tt.want)
			}
		})
	}
}

// Sentences of a paragraph translated one by one, for the segment rules.
var (
	ruSentences = []string{
		"Саммит ШОС прошёл в Астане 3–4 июля 2024 года.",
		"Лидеры подписали Астанинскую декларацию и утвердили стратегию развития до 2035 года.",
		"Региональная антитеррористическая структура в Ташкенте получит новые полномочия в борьбе с терроризмом.",
		"Беларусь стала десятым членом организации.",
		"Следующий саммит пройдёт в Китае в 2025 году.",
	}
	enSentences = []string{
		"The SCO summit was held in Astana on 3–4 July 2024.",
		"The leaders signed the Astana Declaration and approved the development strategy until 2035.",
		"The Regional Anti-Terrorist Structure in Tashkent will receive new powers in the fight against terrorism.",
		"Belarus became the tenth member of the organisation.",
		"The next summit will be held in China in 2025.",
	}
)

// paragraph joins the sentences, leaving out the one at index skip (-1
// for none) and, with a second index, that one too.
func paragraph(ss []string, skip, skip2 int) string {
	var out []string
	for i, s := range ss {
		if i != skip && i != skip2 {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

func describe(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.Rule + ": " + f.Message + "\n")
	}
	return b.String()
}

func TestFindingShape(t *testing.T) {
	res := runCheck(t, "Первая строка.\n\nПоворот на Восток продолжается.", "First line.\n\nThe eastward shift continues.", lang.RU)
	if len(res.Findings) != 1 {
		t.Fatalf("findings:\n%s", describe(res.Findings))
	}
	f := res.Findings[0]
	if f.Source == nil || f.Source.Line != 3 || f.Source.Column != 1 || f.Source.Match != "Поворот на Восток" || f.Source.EndColumn != 18 {
		t.Errorf("source location %+v", f.Source)
	}
	if f.Target == nil || f.Target.Line != 3 || f.Target.Match != "" || f.Target.Text != "The eastward shift continues." {
		t.Errorf("target location %+v", f.Target)
	}
	if f.Term == nil || f.Term.ID != "pivot-east" || f.Term.Source != "поворот на Восток" || strings.Join(f.Term.Expected, "|") != "pivot to the East|turn to the East" {
		t.Errorf("term %+v", f.Term)
	}
	if f.Related == nil || f.Fingerprint == "" || f.Suggestion == "" {
		t.Errorf("related %v, fingerprint %q, suggestion %q", f.Related, f.Fingerprint, f.Suggestion)
	}
}

func TestSeverityOverrides(t *testing.T) {
	g := parseGlossary(t, testGlossary)
	src := NewDocument("a.ru.txt", lang.RU, "Поворот на Восток продолжается. Товарооборот достиг 240 млрд долларов.")
	tgt := NewDocument("a.en.txt", lang.EN, "The eastward shift continues. Trade reached 204 billion dollars.")
	tests := []struct {
		name string
		sev  map[string]Severity
		want string
	}{
		{"defaults", nil, "term-missing:error number-mismatch:error"},
		{"warning", map[string]Severity{"term-missing": Warning}, "term-missing:warning number-mismatch:error"},
		{"off", map[string]Severity{"number-mismatch": Off}, "term-missing:error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(Options{Glossary: g, Severities: tt.sev}).Check(context.Background(), src, tgt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Rule+":"+f.Severity.String())
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}

func TestSuppressions(t *testing.T) {
	g := parseGlossary(t, testGlossary)
	src := "Поворот на Восток продолжается.\n\nТоварооборот достиг 240 млрд долларов."
	tests := []struct {
		name    string
		tgt     string
		ignores []Ignore
		want    int
	}{
		{"none", "The eastward shift continues.\n\nTrade reached 204 billion dollars.", nil, 2},
		{"config rule", "The eastward shift continues.\n\nTrade reached 204 billion dollars.", []Ignore{{Rule: "term-missing"}}, 1},
		{"config term id", "The eastward shift continues.\n\nTrade reached 204 billion dollars.", []Ignore{{Term: "pivot-east"}}, 1},
		{"config other file", "The eastward shift continues.\n\nTrade reached 204 billion dollars.", []Ignore{{Rule: "term-missing", File: "other/*.txt"}}, 2},
		{"config file glob", "The eastward shift continues.\n\nTrade reached 204 billion dollars.", []Ignore{{File: "*.en.md"}}, 0},
		{"inline next paragraph", "<!-- tolmach:ignore term-missing pivot-east -->\nThe eastward shift continues.\n\nTrade reached 204 billion dollars.", nil, 1},
		{"inline wrong term", "<!-- tolmach:ignore term-missing sco -->\nThe eastward shift continues.\n\nTrade reached 204 billion dollars.", nil, 2},
		{"inline file", "<!-- tolmach:ignore-file number-mismatch -->\nThe eastward shift continues.\n\nTrade reached 204 billion dollars.", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, ign, file := stripMarkdown(tt.tgt)
			tgt := &Document{Path: "a.en.md", Lang: lang.EN, Format: Markdown, Raw: tt.tgt, Text: text, ignores: ign, ignoreFile: file}
			tgt.init()
			res, err := New(Options{Glossary: g, Ignores: tt.ignores}).Check(context.Background(), NewDocument("a.ru.txt", lang.RU, src), tgt)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Findings) != tt.want {
				t.Errorf("%d findings, want %d:\n%s", len(res.Findings), tt.want, describe(res.Findings))
			}
		})
	}
}

func TestBadPairs(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt *Document
		contains string
	}{
		{"same language", NewDocument("a.ru.txt", lang.RU, "Текст."), NewDocument("b.ru.txt", lang.RU, "Другой текст."), "same language"},
		{"empty target", NewDocument("a.ru.txt", lang.RU, "Текст."), NewDocument("b.en.txt", lang.EN, "  \n"), "target is empty"},
		{"empty source", NewDocument("a.ru.txt", lang.RU, "123"), NewDocument("b.en.txt", lang.EN, "Text."), "source is empty"},
		{"wrong language", NewDocument("a.ru.txt", lang.RU, "Текст статьи."), NewDocument("b.en.txt", lang.EN, "Тоже русский текст."), "in Russian, not English"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Options{}).Check(context.Background(), tt.src, tt.tgt)
			if err == nil || !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("error %v, want one containing %q", err, tt.contains)
			}
		})
	}
}

// TestQuote: text is quoted in its language's marks, with the runs of
// white space a document's markup or line breaks leave shown as one space.
func TestQuote(t *testing.T) {
	tests := []struct {
		l        lang.Lang
		in, want string
	}{
		{lang.RU, "240 млрд", "«240 млрд»"},
		{lang.RU, "240      млрд", "«240 млрд»"},
		{lang.EN, "204\u00a0billion", `"204 billion"`},
		{lang.EN, "three forces\nof evil", `"three forces of evil"`},
		{lang.RU, "«три силы зла»", "«три силы зла»"},
	}
	for _, tt := range tests {
		if got := quote(tt.l, tt.in); got != tt.want {
			t.Errorf("quote(%s, %q) = %q, want %q", tt.l, tt.in, got, tt.want)
		}
	}
}

// TestSeverityModel: error where the target has no rendering of the
// concept at all; warning where it renders it in part; info where it
// names the state by its capital; nothing where it uses the name's
// adjective. A configured severity never raises what the rule rated
// lower.
func TestSeverityModel(t *testing.T) {
	g := parseGlossary(t, testGlossary)
	tests := []struct {
		name     string
		src, tgt string
		srcLang  lang.Lang
		sev      map[string]Severity
		want     string
	}{
		{"no rendering at all", "The plan was rejected by Russia.", "План был отвергнут.", lang.EN, nil, "term-missing:error"},
		{"a metonym", "The plan was rejected by Russia.", "План был отвергнут Кремлём.", lang.EN, nil, "term-missing:info"},
		{"an adjective", "The plan of Russia was rejected.", "Российский план был отвергнут.", lang.EN, nil, ""},
		{"in part", "Энергобезопасность важна.", "Security matters.", lang.RU, nil, "term-partial:warning"},
		{"configured up, a metonym stays info", "The plan was rejected by Russia.", "План был отвергнут Кремлём.", lang.EN,
			map[string]Severity{"term-missing": Error}, "term-missing:info"},
		{"configured down", "The plan was rejected by Russia.", "План был отвергнут.", lang.EN,
			map[string]Severity{"term-missing": Warning}, "term-missing:warning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := NewDocument("a."+string(tt.srcLang)+".txt", tt.srcLang, tt.src)
			tgt := NewDocument("a."+string(other(tt.srcLang))+".txt", other(tt.srcLang), tt.tgt)
			res, err := New(Options{Glossary: g, Severities: tt.sev}).Check(context.Background(), src, tgt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Rule+":"+f.Severity.String())
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got %v, want %q\n%s", got, tt.want, describe(res.Findings))
			}
		})
	}
}
