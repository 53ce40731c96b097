package check

import (
	"slices"
	"testing"

	"tolmach/internal/lang"
)

// wantTermMissing checks src against tgt with glossary g and fails t
// unless the highest severity of the term-missing and term-partial
// findings is want (Off: none).
func wantTermMissing(t *testing.T, g, src, tgt string, want Severity) {
	t.Helper()
	res := checkText(t, g, lang.RU, src, tgt)
	got := Off
	for _, f := range res.Findings {
		if (f.Rule == "term-missing" || f.Rule == "term-partial") && f.Severity > got {
			got = f.Severity
		}
	}
	if got != want {
		t.Errorf("term-missing %v, want %v\n%s", got, want, describe(res.Findings))
	}
}

// TestNameAtSentenceStart: a one-word name at the start of a sentence
// that names nothing else of the glossary may be a common word (the vein,
// not Vienna): unrendered, it is info. The same name inside a sentence,
// or beside another term, is still an error.
func TestNameAtSentenceStart(t *testing.T) {
	const g = `
[vienna]
domain: states and regions
ru: Вена
en: Vienna

[russia]
domain: states and regions
ru: Россия
en: Russia

[abc]
domain: x
ru: АБВ | abbreviation case
en: ABC | abbreviation case
`
	tests := []struct {
		name     string
		src, tgt string
		want     Severity // of the term-missing finding; Off: none
	}{
		{"a common word at the start", "Вена на её шее выступает вперёд.", "A vein stands out on her neck.", Info},
		{"rendered", "Вена встретила гостей.", "Vienna welcomed the guests.", Off},
		{"beside another term", "Вена ждёт делегацию из России.", "The city awaits a delegation from Russia.", Error},
		{"inside a sentence", "Делегация прибыла в Вену утром.", "The delegation arrived in the morning.", Error},
		{"the second sentence's start", "Был холодный день. Вена на её шее вздулась.", "It was a cold day. A vein stood out on her neck.", Info},
		{"an abbreviation at the start", "АБВ выступила с заявлением.", "The group made a statement.", Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantTermMissing(t, g, tt.src, tt.tgt, tt.want) })
	}
}

// TestBuiltinEverydaySenses: the built-in glossary's general words with
// an everyday sense («договор», «переговоры», "talks", «тариф»,
// «повестка», «реализм», «декларация») count only in
// their context (data/glossary's context: lines), and a name with a
// homonym ("Georgia", the country and the US state) is rendered by
// either; in context, a missing rendering is still an error.
func TestBuiltinEverydaySenses(t *testing.T) {
	c := New(Options{Glossary: builtinGlossary(t)})
	tests := []struct {
		name     string
		srcLang  lang.Lang
		src, tgt string
		missing  bool
	}{
		{"a coalition contract", lang.RU, "Это записали в коалиционном договоре в 2005 году.", "It was written into a coalition contract in 2005.", false},
		{"a lease", lang.RU, "Мы подписали договор аренды квартиры.", "We signed the flat's lease.", false},
		{"a treaty between states", lang.RU, "Министры обсудили судьбу договора о ракетах.", "The ministers discussed the fate of the missile contract.", true},
		{"a concordat", lang.RU, "Исполнилось 87 лет со дня заключения договора между Ватиканом и Германией.", "It is 87 years since the contract between the Vatican and Germany was concluded.", true},
		{"business partners on Zoom", lang.RU, "Теперь они работают удалённо, а переговоры с партнёрами проводят по зуму.", "Now they work remotely and meet their partners via Zoom.", false},
		{"negotiations of delegations", lang.RU, "Делегации продолжили переговоры в Женеве.", "The delegations went on meeting in Geneva.", true},
		{"talks over coffee", lang.EN, "Who would pass up free coffee in exchange for talks and chats late at night?", "Кто откажется от бесплатного кофе в обмен на разговоры по ночам?", false},
		{"talks of delegations", lang.EN, "The delegations resumed talks in Geneva.", "Делегации возобновили встречи в Женеве.", true},
		{"electricity rates", lang.RU, "Тарифы на электричество будут меняться ежемесячно.", "Electricity prices will change monthly.", false},
		{"tariffs on steel", lang.RU, "США подняли тарифы на импорт стали.", "The US raised duties on steel imports.", true},
		{"a draft summons", lang.RU, "Ему вручили повестку в военкомат.", "He was handed a draft notice.", false},
		{"the agenda of talks", lang.RU, "Повестка дня заседания уже согласована.", "The meeting's programme has been agreed.", true},
		{"realism of a film", lang.RU, "Фильм обещает быть остросоциальным, его реализм жесток.", "The film promises a sharp social critique, brutal in its truthfulness.", false},
		{"an income statement", lang.RU, "Депутат подал декларацию о доходах.", "The deputy filed his income statement.", false},
		{"a declaration of ministers", lang.RU, "Министры подписали декларацию о сотрудничестве.", "The ministers signed a statement on cooperation.", true},
		{"the US state", lang.EN, "The storm hit Atlanta, Georgia, on Monday.", "В понедельник шторм обрушился на Атланту, штат Джорджия.", false},
		{"the country", lang.EN, "The minister arrived in Georgia on Monday.", "В понедельник министр прибыл в Армению.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := lang.RU
			if tt.srcLang == lang.RU {
				tl = lang.EN
			}
			res, err := c.Check(t.Context(), NewDocument("a."+string(tt.srcLang)+".txt", tt.srcLang, tt.src), NewDocument("a."+string(tl)+".txt", tl, tt.tgt))
			if err != nil {
				t.Fatal(err)
			}
			missing := false
			for _, f := range res.Findings {
				missing = missing || (f.Rule == "term-missing" || f.Rule == "term-partial") && f.Severity >= Warning &&
					f.Term != nil && (slices.Contains([]string{"treaty", "negotiations", "georgia", "tariff", "agenda", "realism", "declaration"}, f.Term.ID))
			}
			if missing != tt.missing {
				t.Errorf("term-missing %v, want %v\n%s", missing, tt.missing, describe(res.Findings))
			}
		})
	}
}

// TestDriftSameNameForms: a Russian name's forms that lose a fleeting
// vowel (Павел, Павла, Павлом) and a name beside a hyphenated name made
// from it (Xbox, Xbox-X) are not two renderings; a misspelling is.
func TestDriftSameNameForms(t *testing.T) {
	tests := []struct {
		name, src, tgt string
		drift          bool
	}{
		{"a fleeting vowel",
			"Pavel arrived today.\nThe talks with Pavel began.\nLater Pavel left.",
			"Павел прибыл сегодня.\nПереговоры с Павлом начались.\nПозже Павла проводили.",
			false},
		{"a misspelling",
			"Pavel arrived today.\nThe talks with Pavel began.\nLater Pavel left.",
			"Павел прибыл сегодня.\nПереговоры с Павелом начались.\nПозже Паверл уехал.",
			true},
		{"a hyphenated model name",
			"I bought an Xbox yesterday.\nThe Xbox is fast.\nI have used the Xbox X for a week.",
			"Вчера я купил Xbox.\nЭтот Xbox быстрый.\nЯ пользуюсь Xbox-X уже неделю.",
			false},
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

// TestStateInAnotherName: a state's name that ends a body's name the
// target writes by its abbreviation, or that the target transliterates as
// the name of something else, is info; the state dropped with no such
// reading is still an error.
func TestStateInAnotherName(t *testing.T) {
	const g = `
[usa]
domain: states and regions
ru: США | abbreviation case
en: United States
en: US | abbreviation case

[spain]
domain: states and regions
ru: Испания
en: Spain

[slovakia]
domain: states and regions
ru: Словакия
en: Slovakia

[slovenia]
domain: states and regions
ru: Словения
en: Slovenia
`
	tests := []struct {
		name     string
		src, tgt string
		want     Severity
	}{
		{"a body's abbreviation", "Так считают в Федеральной авиационной администрации США.", "That is what the FAA thinks.", Info},
		{"a body's abbreviation in the source too", "Так считают в Федеральной авиационной администрации США (FAA).", "That is what the FAA thinks.", Off},
		{"a one-word name before the state", "Так считают в Администрации США.", "That is what the FAA thinks.", Error},
		{"no abbreviation", "Так считают в Федеральной авиационной администрации США.", "That is what the aviation authority thinks.", Error},
		{"a transliterated name", "Происхождение названия Римская Испания спорно.", "The origin of the word Hispania is disputed.", Info},
		{"another state", "Делегация прибыла из Словакии.", "The delegation came from Slovenia.", Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantTermMissing(t, g, tt.src, tt.tgt, tt.want) })
	}
}
