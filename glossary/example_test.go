package glossary_test

import (
	"fmt"
	"os"

	"tolmach/glossary"
)

const exampleGlossary = `
[sco]
domain: international organizations
ru: Шанхайская организация сотрудничества | preferred
ru: ШОС | abbreviation case
en: Shanghai Cooperation Organisation | preferred
en: SCO | abbreviation case

[belt-and-road]
ru: инициатива «Пояс и путь» | preferred
en: Belt and Road Initiative | preferred
en: One Belt, One Road | deprecated
`

func ExampleParse() {
	g, err := glossary.Parse([]byte(exampleGlossary), "example.glossary", glossary.Native)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := g.Lookup("belt-and-road")
	for _, t := range c.TermsIn("en") {
		fmt.Printf("%s: %s\n", t.Text, c.EffectiveStatus(t))
	}
	fmt.Println("suggested:", c.Preferred("en").Text)
	// Output:
	// Belt and Road Initiative: preferred
	// One Belt, One Road: deprecated
	// suggested: Belt and Road Initiative
}

func ExampleParse_error() {
	_, err := glossary.Parse([]byte("[eu]\nen: European Union | prefered\n"), "eu.glossary", glossary.Native)
	fmt.Println(err)
	// Output:
	// eu.glossary:2:22: unknown attribute "prefered" (want preferred, admitted, deprecated, forbidden, fullForm, abbreviation, shortForm, phrase, variant, case or exact)
}

func ExampleMatcher_Find() {
	g, _ := glossary.Parse([]byte(exampleGlossary), "example.glossary", glossary.Native)
	m := glossary.NewMatcher(g, "ru")
	text := "Саммит Шанхайской организации сотрудничества: лидеры ШОС обсудили инициативу «Пояс и путь»."
	for _, match := range m.Find(text) {
		fmt.Printf("%s %q (term %q)\n", match.Concept.ID, text[match.Start:match.End], match.Term.Text)
	}
	// Output:
	// sco "Шанхайской организации сотрудничества" (term "Шанхайская организация сотрудничества")
	// sco "ШОС" (term "ШОС")
	// belt-and-road "инициативу «Пояс и путь" (term "инициатива «Пояс и путь»")
}

func ExampleWrite() {
	g, _ := glossary.Parse([]byte("id,ru,en,en_status\npeace,мир,peace,preferred\n"), "terms.csv", glossary.CSV)
	if err := glossary.Write(os.Stdout, g, glossary.Native); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # tolmach glossary
	//
	// [peace]
	// ru: мир
	// en: peace | preferred
}

func ExampleLint() {
	g, _ := glossary.Parse([]byte("[p]\nru: партнерство\nru: партнёрство\nen: partnership\n"), "p.glossary", glossary.Native)
	for _, p := range glossary.Lint(g) {
		fmt.Println(p)
	}
	// Output:
	// p.glossary:3: warning: "партнерство" and "партнёрство" differ only in ё/е, which matching ignores; keep one [yo-variant]
}

func ExampleMerge() {
	a, _ := glossary.Parse([]byte("[peace]\nru: мир\nen: peace\n"), "a.glossary", glossary.Native)
	b, _ := glossary.Parse([]byte("[peace]\nru: покой\nen: calm\n"), "b.glossary", glossary.Native)
	for _, c := range glossary.Merge(a, b).Concepts {
		fmt.Println(c.ID, c.Origin)
	}
	// Output:
	// peace a.glossary:1
	// peace-2 b.glossary:1
}
