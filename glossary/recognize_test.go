package glossary

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"tolmach/internal/lang"
)

const recognizeGlossary = `
[sco]
ru: Шанхайская организация сотрудничества | preferred fullForm
ru: ШОС | abbreviation case
en: Shanghai Cooperation Organisation | preferred fullForm
en: Shanghai Cooperation Organization | variant
en: SCO | abbreviation case

[sco-heads-of-state-council]
ru: Совет глав государств — членов ШОС
en: SCO Heads of State Council

[member-state]
ru: государство-член
en: member state

[mil-pol-alliance]
ru: военно-политический союз
en: military-political alliance

[north-south]
ru: Север — Юг | exact
en: North–South corridor

[sanctions]
ru: санкции
en: sanction

[eu]
ru: ЕС | abbreviation
en: EU | abbreviation

[mou]
en: MoU | abbreviation case

[partnership]
ru: всеобъемлющее партнёрство
en: comprehensive partnership

[it]
ru: он
en: it

[us]
en: US | abbreviation

[cooperation]
en: cooperation

[rats]
en: Regional Anti-Terrorist Structure

[npt]
en: non-proliferation

[china]
en: China

[cuba]
ru: Куба
en: Cuba

[turkey]
en: Turkey
`

func recognizeFixture(t testing.TB) *Glossary {
	t.Helper()
	g, err := Parse([]byte(recognizeGlossary), "recognize.glossary", Native)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// found renders matches as "id:matched text" for comparison.
func found(text string, ms []Match) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Concept.ID+":"+text[m.Start:m.End])
	}
	return strings.Join(out, " | ")
}

func TestMatcherFind(t *testing.T) {
	g := recognizeFixture(t)
	ru, en := NewMatcher(g, "ru"), NewMatcher(g, "en-GB")
	tests := []struct {
		name string
		m    *Matcher
		text string
		want string
	}{
		{"ru nominative", ru, "Шанхайская организация сотрудничества расширяется.", "sco:Шанхайская организация сотрудничества"},
		{"ru genitive", ru, "саммит Шанхайской организации сотрудничества", "sco:Шанхайской организации сотрудничества"},
		{"ru dative", ru, "по Шанхайской организации сотрудничества", "sco:Шанхайской организации сотрудничества"},
		{"ru accusative", ru, "вступить в Шанхайскую организацию сотрудничества", "sco:Шанхайскую организацию сотрудничества"},
		{"ru instrumental", ru, "с Шанхайской организацией сотрудничества", "sco:Шанхайской организацией сотрудничества"},
		{"ru prepositional", ru, "о Шанхайской организации сотрудничества", "sco:Шанхайской организации сотрудничества"},
		{"ru abbreviation inflected", ru, "в рамках ШОС и для ШОСа", "sco:ШОС | sco:ШОСа"},
		{"ru abbreviation lower case is not it", ru, "шос", ""},
		{"compound inflected", ru, "лидеры государств-членов", "member-state:государств-членов"},
		{"compound with dash and spaces", ru, "государства – члены", "member-state:государства – члены"},
		{"hyphenated adjective inflected", ru, "создание военно-политического союза", "mil-pol-alliance:военно-политического союза"},
		{"nested: longest wins", ru, "заседание Совета глав государств — членов ШОС в Астане", "sco-heads-of-state-council:Совета глав государств — членов ШОС"},
		{"quotes and punctuation inside", ru, "«Шанхайская» организация, сотрудничества", "sco:Шанхайская» организация, сотрудничества"},
		{"ё and е", ru, "всеобъемлющее партнерство", "partnership:всеобъемлющее партнерство"},
		{"exact term as written", ru, "маршрут Север — Юг", "north-south:Север — Юг"},
		{"exact term not inflected", ru, "маршрута Севера — Юга", ""},
		{"short term exact only", ru, "она и он", "it:он"},
		{"short abbreviation by case", ru, "страны ЕС, а не ес", "eu:ЕС"},
		{"plural of a stem", ru, "санкций и санкциями", "sanctions:санкций | sanctions:санкциями"},
		{"en full and abbreviation", en, "The Shanghai Cooperation Organisation (SCO) met.", "sco:Shanghai Cooperation Organisation | sco:SCO"},
		{"en variant spelling", en, "the Shanghai Cooperation Organization", "sco:Shanghai Cooperation Organization"},
		{"en possessive abbreviation", en, "the SCO's charter", "sco:SCO's"},
		{"en lower-case sco is not it", en, "a sco of this", ""},
		{"en plural", en, "new sanctions", "sanctions:sanctions"},
		{"en plural of phrase", en, "two member states", "member-state:member states"},
		{"en spaces vs hyphen", en, "the North-South Corridor and North South corridors", "north-south:North-South Corridor | north-south:North South corridors"},
		{"en case pattern", en, "an MoU, not an MOU or mou", "mou:MoU"},
		{"en US is not us", en, "tell us about the US", "us:US"},
		{"en nested abbreviation", en, "the SCO Heads of State Council", "sco-heads-of-state-council:SCO Heads of State Council"},
		{"en sentence-initial capital", en, "Sanctions were lifted.", "sanctions:Sanctions"},
		{"en compound in the text, solid term", en, "closer co-operation with states in co‑operations", "cooperation:co-operation | cooperation:co‑operations"},
		{"en solid word in the text, compound term", en, "the Regional Antiterrorist Structure met", "rats:Regional Antiterrorist Structure"},
		{"en both ways", en, "nonproliferation, non-proliferation and non proliferation", "npt:nonproliferation | npt:non-proliferation | npt:non proliferation"},
		{"en part of a compound", en, "Russia–China trade and the China-led bank", "china:China | china:China"},
		{"ru compounds are not joined", ru, "военнополитического союза", ""},
		{"a one-word name needs a capital", ru, "вывезли 340 тыс. кубов снега на Кубу", "cuba:Кубу"},
		{"a one-word name in capitals", ru, "КУБА И РОССИЯ", "cuba:КУБА"},
		{"en one-word name needs a capital", en, "roast turkey in Turkey", "turkey:Turkey"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(tt.text, tt.m.Find(tt.text))
			if got != tt.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestMatcherFindAll(t *testing.T) {
	g := recognizeFixture(t)
	ru := NewMatcher(g, "ru")
	text := "Совет глав государств — членов ШОС"
	want := "sco-heads-of-state-council:Совет глав государств — членов ШОС | member-state:государств — членов | sco:ШОС"
	if got := found(text, ru.FindAll(text)); got != want {
		t.Errorf("FindAll\n got %s\nwant %s", got, want)
	}
}

// TestMatcherFindAllCompounds: a compound found both part by part and as
// written solid is one match, not two.
func TestMatcherFindAllCompounds(t *testing.T) {
	en := NewMatcher(recognizeFixture(t), "en")
	for text, want := range map[string]string{
		"non-proliferation":         "npt:non-proliferation",
		"the co-operation of China": "cooperation:co-operation | china:China",
		"China-led":                 "china:China",
	} {
		if got := found(text, en.FindAll(text)); got != want {
			t.Errorf("FindAll(%q)\n got %s\nwant %s", text, got, want)
		}
	}
}

func TestMatcherTokens(t *testing.T) {
	g := recognizeFixture(t)
	text := "Лидеры стран ШОС обсудили работу государств-членов."
	toks := lang.Analyze(text)
	ms := NewMatcher(g, "ru").FindTokens(toks)
	if len(ms) != 2 {
		t.Fatalf("matches = %s", found(text, ms))
	}
	if ms[0].First != 2 || ms[0].Last != 2 || ms[1].First != 5 || ms[1].Last != 5 {
		t.Errorf("token indexes = %d..%d, %d..%d", ms[0].First, ms[0].Last, ms[1].First, ms[1].Last)
	}
	if ms[0].Term.Text != "ШОС" || ms[0].Concept.ID != "sco" {
		t.Errorf("first match = %+v", ms[0])
	}
}

func TestMatcherSameWordsTwoConcepts(t *testing.T) {
	g, err := Parse([]byte("[a]\nen: security council\n[b]\nen: Security Council\nen: UNSC\n"), "t.glossary", Native)
	if err != nil {
		t.Fatal(err)
	}
	text := "the Security Council"
	if got := found(text, NewMatcher(g, "en").Find(text)); got != "a:Security Council | b:Security Council" {
		t.Errorf("got %s", got)
	}
}

// TestMatcherAlikeTerms: terms written alike in several concepts are
// analysed once (firstAlike) but each keeps its own flags, which change
// its writings: the exact one matches its own form only, the
// case-sensitive one its own capitals only, and each concept is found.
func TestMatcherAlikeTerms(t *testing.T) {
	g, err := Parse([]byte(`[a]
ru: нота
en: Mir
[b]
ru: нота | exact
en: Mir | case
[c]
ru: нота
en: Mir
[d]
ru: Нота
en: MIR
`), "t.glossary", Native)
	if err != nil {
		t.Fatal(err)
	}
	ru, en := NewMatcher(g, "ru"), NewMatcher(g, "en")
	for _, tc := range []struct {
		m          *Matcher
		text, want string
	}{
		{ru, "вручил ноту", "a:ноту | c:ноту"},
		{ru, "вручил нота", "a:нота | b:нота | c:нота"},
		{ru, "вручил Ноту", "a:Ноту | c:Ноту | d:Ноту"},
		{en, "the Mir station", "a:Mir | b:Mir | c:Mir"},
		{en, "the MIR station", "a:MIR | c:MIR | d:MIR"},
		{en, "a mir of peasants", ""},
	} {
		if got := found(tc.text, tc.m.Find(tc.text)); got != tc.want {
			t.Errorf("%s: %q: got %q, want %q", tc.m.lang, tc.text, got, tc.want)
		}
	}
	if ru.Len() != 4 || en.Len() != 4 {
		t.Errorf("Len = %d, %d, want 4, 4", ru.Len(), en.Len())
	}
}

// TestFirstAlike: each term points to the first term of its text and
// flags, and only those are counted as firsts.
func TestFirstAlike(t *testing.T) {
	terms := []*Term{
		{Text: "союз"}, {Text: "союз", Exact: true}, {Text: "союз"}, {Text: "Союз"},
		{Text: "союз", CaseSensitive: true}, {Text: "союз", Exact: true}, {Text: "союз", CaseSensitive: true},
	}
	ts := make([]termAt, len(terms))
	for i, tm := range terms {
		ts[i] = termAt{Term: tm}
	}
	first, firsts := firstAlike(ts)
	want := []int32{0, 1, 0, 3, 4, 1, 4}
	if fmt.Sprint(first) != fmt.Sprint(want) || firsts != 4 {
		t.Errorf("firstAlike = %v, %d firsts; want %v, 4", first, firsts, want)
	}
}

func TestMatcherClosestTermOfConcept(t *testing.T) {
	g, err := Parse([]byte("[p]\nru: партнерство\nru: партнёрство\n"), "t.glossary", Native)
	if err != nil {
		t.Fatal(err)
	}
	ms := NewMatcher(g, "ru").Find("партнёрство")
	if len(ms) != 1 || ms[0].Term.Text != "партнёрство" {
		t.Errorf("matches = %+v", ms)
	}
}

// benchCorpus returns about size bytes of real Russian text (FLORES,
// TICO) or, without shared data, generated text.
func benchCorpus(b *testing.B, size int) string {
	var src []string
	dir := sharedData(b)
	for _, p := range []string{"flores200_ru_en/*ru*", "tico19_ru_en/*ru*", "ud_pud_ru_en/*ru*"} {
		files, _ := filepath.Glob(filepath.Join(dir, p))
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				src = append(src, string(data))
			}
		}
	}
	corpus := strings.Join(src, "\n")
	if corpus == "" {
		b.Skip("no Russian text in shared data")
	}
	var sb strings.Builder
	for sb.Len() < size {
		sb.WriteString(corpus)
	}
	return sb.String()[:size]
}

// bigGlossary makes n concepts of one to three consecutive words taken
// from text, distinct by matching key, single words of four letters or
// more: a glossary far denser in the text than a real one.
func bigGlossary(text string, n int) *Glossary {
	words := strings.Fields(text)
	r := rand.New(rand.NewSource(1))
	g := &Glossary{}
	seen := map[string]bool{}
	for len(g.Concepts) < n {
		k := 1 + r.Intn(3)
		at := r.Intn(len(words) - k)
		term := strings.Join(words[at:at+k], " ")
		key := lang.MatchKey(term)
		if seen[key] || k == 1 && len([]rune(term)) < 4 {
			continue
		}
		seen[key] = true
		g.Concepts = append(g.Concepts, &Concept{ID: fmt.Sprint("c", len(g.Concepts)), Terms: []*Term{{Lang: "ru", Text: term}}})
	}
	return g
}

// BenchmarkMatcher scans 1 MB of Russian text with a 10,000-concept
// glossary, tokens analysed beforehand: the cost of recognition beyond
// tokenisation (target: a few ms per MB).
func BenchmarkMatcher(b *testing.B) {
	text := benchCorpus(b, 1<<20)
	m := NewMatcher(bigGlossary(text, 10000), "ru")
	toks := lang.Analyze(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = len(m.FindTokens(toks))
	}
	b.ReportMetric(float64(n), "matches")
}

// BenchmarkAnalyze is the tokenisation BenchmarkMatcher leaves out, for
// comparison.
func BenchmarkAnalyze(b *testing.B) {
	text := benchCorpus(b, 1<<20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		lang.Analyze(text)
	}
}

func BenchmarkNewMatcher(b *testing.B) {
	text := benchCorpus(b, 1<<20)
	g := bigGlossary(text, 10000)
	for b.Loop() {
		NewMatcher(g, "ru")
	}
}

// TestFindBothAgrees: FindBothTokens gives what FindTokens and
// FindAllTokens give.
func TestFindBothAgrees(t *testing.T) {
	g := recognizeFixture(t)
	texts := []string{
		"заседание Совета глав государств — членов ШОС в Астане и саммит Шанхайской организации сотрудничества",
		"лидеры государств-членов, военно-политического союза и ЕС",
		"The Shanghai Cooperation Organisation (SCO) and the SCO Heads of State Council met; new sanctions.",
		"closer co-operation, the Regional Antiterrorist Structure, non-proliferation and Russia–China trade",
		"",
	}
	for _, l := range []string{"ru", "en"} {
		m := NewMatcher(g, l)
		for _, text := range texts {
			toks := lang.Analyze(text)
			longest, all := m.FindBothTokens(toks)
			if a, b := found(text, longest), found(text, m.FindTokens(toks)); a != b {
				t.Errorf("%s %q: longest\n got %s\nwant %s", l, text, a, b)
			}
			if a, b := found(text, all), found(text, m.FindAllTokens(toks)); a != b {
				t.Errorf("%s %q: all\n got %s\nwant %s", l, text, a, b)
			}
		}
	}
}

// TestLetterCase: the quick answer for Latin and Russian letters is
// unicode's, and so is every other rune's (it falls through to unicode).
func TestLetterCase(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		letter, upper := letterCase(r)
		if letter != unicode.IsLetter(r) || letter && upper != unicode.IsUpper(r) {
			t.Errorf("letterCase(%U) = %v, %v; unicode: %v, %v", r, letter, upper, unicode.IsLetter(r), unicode.IsUpper(r))
		}
	}
}

// TestWordCases: the case a term's word requires and whether it is
// written as a name.
func TestWordCases(t *testing.T) {
	for _, tc := range []struct {
		word    string
		cs      bool
		kind    uint8
		n       int32
		pattern string
		title   bool
	}{
		{"Куба", false, caseAny, 0, "", true},
		{"Куба", true, casePattern, 0, "Ulll", true},
		{"ШОС", false, caseUpper, 3, "", false},
		{"МИДа", false, caseAny, 0, "", false},
		{"МИДа", true, casePattern, 0, "UUUl", false},
		{"iPhone", false, caseAny, 0, "", false},
		{"Ёлка", false, caseAny, 0, "", true},
		{"ёлка", false, caseAny, 0, "", false},
		{"SCO's", false, caseAny, 0, "", false},
		{"SCO’s", true, casePattern, 0, "UUUl", false},
		{"O'Neill", false, caseAny, 0, "", false},
		{"Ä", false, caseAny, 0, "", false},
		{"Äbc", false, caseAny, 0, "", true},
		{"X", false, caseAny, 0, "", false},
		{"EU", false, caseUpper, 2, "", false},
		{"1990", false, caseAny, 0, "", false},
		{"Türkiye", false, caseAny, 0, "", true},
	} {
		c := caseOf(tc.word, tc.cs)
		if c.kind != tc.kind || c.n != tc.n || c.pattern != tc.pattern {
			t.Errorf("caseOf(%q, %v) = %+v, want kind %d n %d pattern %q", tc.word, tc.cs, c, tc.kind, tc.n, tc.pattern)
		}
		if got := titleCase(tc.word); got != tc.title {
			t.Errorf("titleCase(%q) = %v, want %v", tc.word, got, tc.title)
		}
	}
}
