package check

import (
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// TestOtherRenderingsBuiltin checks, with the built-in glossary, renderings
// of a term that a professional translation writes and the glossary's own
// terms do not cover — each reported as info saying what was found, or
// not at all where the data now lists it — beside the cases that must
// stay errors and warnings.
func TestOtherRenderingsBuiltin(t *testing.T) {
	c := New(Options{Glossary: builtinGlossary(t)})
	tests := []struct {
		name     string
		src      lang.Lang
		in, out  string
		severity string // of the term-missing or term-partial finding; "" for none
		found    string // a word the info finding's message must quote
	}{
		// A one-word name written in small letters.
		{"name in small letters", lang.EN, "Congress approved the bill.", "конгресс одобрил законопроект.", "info", "«конгресс»"},
		{"name not rendered", lang.EN, "Congress approved the bill.", "Парламент одобрил законопроект.", "error", ""},
		// A post named before, then a pronoun.
		{"post as a pronoun", lang.RU, "Посол заявил об этом. «Переговоры продолжатся», — сказал посол.",
			"The ambassador said so. \"Talks will continue,\" he said.", "info", `"he"`},
		{"pronoun, post not named before", lang.RU, "Переговоры идут. «Переговоры продолжатся», — сказал посол.",
			"Talks are going on. \"Talks will continue,\" he said.", "error", ""},
		{"post as a pronoun, into Russian", lang.EN, "The ambassador spoke first. \"We will go on,\" the ambassador said.",
			"Посол выступил первым. «Мы продолжим», — сказал он.", "info", "«он»"},
		// A term's words apart.
		{"words apart", lang.RU, "Коллапс банков привёл к бегству капитала.", "The collapse of banks led to a flight of capital.", "info", `"flight"`},
		{"adverb of the adjective", lang.RU, "Он посетил Германию с частным визитом.", "He visited Germany privately.", "info", `"privately"`},
		{"weather and climate changes", lang.EN, "Along with unique weather and climate changes, the game changes.",
			"Вместе с уникальными изменениями погоды и климата игра меняется.", "info", "«климата»"},
		{"a loose derivation stays an error", lang.EN, "It speaks of strategic autonomy.", "Речь идёт о стратегической автономности.", "error", ""},
		{"one word of two", lang.RU, "Это вопрос национальной безопасности.", "This is a homeland security issue.", "warning", ""},
		// Adjectives of names.
		{"adjective in a compound", lang.RU, "Задержка была вызвана обстановкой на границе Литвы с Белоруссией.",
			"The delay was caused by the situation on the Lithuanian-Belorussian border.", "", ""},
		{"EU as European", lang.RU, "Страны ЕС договорились о санкциях.", "European countries agreed on sanctions.", "", ""},
		{"West as Western", lang.RU, "Запад ввёл санкции против России.", "Western countries imposed sanctions on Russia.", "", ""},
		{"USSR as Soviet", lang.EN, "The USSR economy was weak.", "Советская экономика была слабой.", "", ""},
		{"a wrong adjective stays an error", lang.RU, "Страны ЕС договорились о санкциях.", "Asian countries agreed on sanctions.", "error", ""},
		// A capital for the state, rendered by the state's adjective; the
		// seat of a government for the government.
		{"capital as the adjective", lang.RU, "Заявление Москвы было жёстким.", "The Russian statement was harsh.", "info", `"Russian"`},
		{"capital as the adjective, into Russian", lang.EN, "The statement from Beijing was harsh.", "Заявление китайских властей было жёстким.", "info", "«китайских»"},
		{"capital as another state's adjective", lang.EN, "The statement from Beijing was harsh.", "Заявление японских властей было жёстким.", "error", ""},
		{"White House as the administration", lang.EN, "The White House denied it.", "Администрация Байдена это опровергла.", "info", "«Администрация»"},
		// A state made plain by the holder's name or the body it qualifies.
		{"post before its holder's name", lang.EN, "Russian President Vladimir Putin said so.", "Президент Владимир Путин заявил об этом.", "info", "«Президент»"},
		{"post before its holder's name, into English", lang.RU, "Президент России Владимир Путин заявил об этом.", "President Vladimir Putin said so.", "info", `"President"`},
		{"post and holder both dropped", lang.RU, "Президент России Владимир Путин заявил об этом.", "Vladimir Putin said so.", "error", ""},
		{"state of a named holder", lang.EN, "US President Joe Biden said so.", "Президент Джо Байден заявил об этом.", "info", "«Байден»"},
		{"state of a body the glossary lacks, into Russian", lang.EN, "The UK Parliament voted.", "Парламент проголосовал.", "info", "«Парламент»"},
		{"state of a rendered body", lang.RU, "Госдума РФ приняла закон.", "The State Duma passed the law.", "info", `"State Duma"`},
		{"state of a body not rendered", lang.RU, "Вчера Госдума РФ приняла закон.", "Yesterday the parliament passed the law.", "error", ""},
		{"state of a body the glossary lacks", lang.RU, "Минздрав РФ сообщил о новых случаях.", "The Health Ministry reported new cases.", "info", `"Ministry"`},
		{"state of a body, no body in the target", lang.RU, "Минздрав РФ сообщил о новых случаях.", "Doctors reported new cases.", "error", ""},
		{"the state named before, then nationwide", lang.RU, "Россия ввела новые меры. По всей России ввели ограничения.",
			"Russia introduced new measures. Restrictions were introduced nationwide.", "info", `"nationwide"`},
		{"nationwide, the state not named before", lang.RU, "По всей России ввели ограничения.", "Restrictions were introduced nationwide.", "error", ""},
		{"Britons", lang.RU, "Граждане Великобритании смогут въехать в страну.", "Britons will be able to enter the country.", "", ""},
		{"capital of North Korea", lang.RU, "КНДР провела испытание.", "Pyongyang conducted a test.", "info", `"Pyongyang"`},
		{"member countries", lang.EN, "NATO member countries increased spending.", "Страны-члены НАТО увеличили расходы.", "", ""},
		// A body named by its head, rendered as the post.
		{"head of the Pentagon", lang.RU, "Глава Пентагона выступил.", "The US Defense Secretary spoke.", "info", `"Secretary"`},
		{"ministry chief", lang.EN, "The Foreign Ministry chief spoke.", "Глава дипломатического ведомства выступил.", "info", "«Глава»"},
		{"head of the ministry", lang.EN, "The head of the Foreign Ministry spoke.", "Глава дипломатического ведомства выступил.", "info", "«Глава»"},
		{"no head, in part", lang.EN, "The Foreign Ministry spoke.", "Дипломатическое ведомство выступило.", "warning", ""},
		{"head of, and no post", lang.RU, "Глава Пентагона выступил.", "The general spoke.", "error", ""},
		{"no head, a post", lang.RU, "Вчера Пентагон выступил с заявлением.", "Yesterday the Defense Secretary made a statement.", "error", ""},
		// General English words that name a concept only in its context.
		{"balancing a budget", lang.EN, "They balanced the budget by balancing costs and revenue.", "Они сбалансировали бюджет, уравновесив расходы и доходы.", "", ""},
		{"balancing a power", lang.EN, "Balancing against China is the strategy.", "Стратегия — сдерживать Китай.", "error", ""},
		{"party convention", lang.EN, "The party convention opened on Monday.", "Съезд партии открылся в понедельник.", "", ""},
		{"UN convention", lang.EN, "The convention was signed by 50 states.", "Документ подписали 50 государств.", "error", ""},
		{"in conjunction with", lang.EN, "He works in conjunction with the police.", "Он работает совместно с полицией.", "", ""},
		// Known variants in the data.
		{"Duma Speaker", lang.RU, "Спикер Госдумы Вячеслав Володин выступил.", "Duma Speaker Vyacheslav Volodin spoke.", "", ""},
		{"Minsk arrangements", lang.EN, "The sides discussed the Minsk agreements.", "Стороны обсудили Минские договорённости.", "", ""},
		{"nuclear watchdog", lang.RU, "МАГАТЭ направило инспекторов.", "The UN nuclear watchdog sent inspectors.", "", ""},
		{"Mideast", lang.RU, "Ситуация на Ближнем Востоке обострилась.", "The situation in the Mideast has escalated.", "", ""},
		{"the alliance is NATO", lang.RU, "Североатлантический альянс расширяется.", "NATO is expanding.", "", ""},
		{"head of the State Department", lang.EN, "Secretary of State Antony Blinken spoke.", "Глава Госдепартамента Энтони Блинкен выступил.", "", ""},
		{"a state's presidency", lang.EN, "Trump's presidency has ended.", "Президентство Трампа завершилось.", "", ""},
		{"a body's presidency", lang.EN, "India's G20 presidency has ended.", "Председательство Индии в G20 завершилось.", "", ""},
		{"head of the MFA", lang.RU, "Глава МИД России Сергей Лавров прибыл в Анкару.", "Russian Foreign Minister Sergei Lavrov arrived in Ankara.", "", ""},
		{"foreign policy agency", lang.EN, "The Foreign Ministry said so.", "Внешнеполитическое ведомство заявило об этом.", "", ""},
		{"veto as a verb", lang.EN, "The President said he would veto the bill.", "Президент заявил, что наложит вето на законопроект.", "", ""},
		{"UN chief", lang.RU, "Генсек ООН заявил об этом.", "The UN chief said so.", "", ""},
		{"the Community", lang.EN, "The EU imposed sanctions. The EU also expelled diplomats.",
			"Евросоюз ввёл санкции. Сообщество также выслало дипломатов.", "info", "«Сообщество»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcName, tgtName, tgt := "a.en.txt", "a.ru.txt", lang.RU
			if tt.src == lang.RU {
				srcName, tgtName, tgt = "a.ru.txt", "a.en.txt", lang.EN
			}
			res, err := c.Check(t.Context(), NewDocument(srcName, tt.src, tt.in), NewDocument(tgtName, tgt, tt.out))
			if err != nil {
				t.Fatal(err)
			}
			var got []Finding
			for _, f := range res.Findings {
				if f.Rule == "term-missing" || f.Rule == "term-partial" {
					got = append(got, f)
				}
			}
			if tt.severity == "" {
				if len(got) > 0 {
					t.Errorf("want no finding, got\n%s", describe(got))
				}
				return
			}
			// The most severe finding is the one the case is about; a
			// second term of the segment may have one too.
			var top *Finding
			for i := range got {
				if top == nil || got[i].Severity > top.Severity {
					top = &got[i]
				}
			}
			switch {
			case top == nil:
				t.Errorf("want a %s finding, got none", tt.severity)
			case top.Severity.String() != tt.severity:
				t.Errorf("want %s, got %s: %s", tt.severity, top.Severity, top.Message)
			case !strings.Contains(top.Message, tt.found):
				t.Errorf("message %q does not quote %s", top.Message, tt.found)
			}
		})
	}
}
