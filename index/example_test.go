package index_test

import (
	"context"
	"fmt"

	"tolmach/glossary"
	"tolmach/index"
)

// A glossary index built in memory and looked up with an inflected
// Russian form, a lower-case abbreviation and an English typo.
func ExampleIndex_Lookup() {
	g := &glossary.Glossary{Concepts: []*glossary.Concept{{
		ID:     "sco",
		Domain: "international organizations",
		Terms: []*glossary.Term{
			{Text: "Шанхайская организация сотрудничества", Lang: "ru", Status: glossary.Preferred},
			{Text: "ШОС", Lang: "ru", Type: glossary.Abbreviation, CaseSensitive: true},
			{Text: "Shanghai Cooperation Organisation", Lang: "en", Status: glossary.Preferred},
		},
	}}}
	x, err := index.Build(context.Background(), g, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer x.Close()
	for _, q := range []string{"Шанхайской организации сотрудничества", "шос", "Shanghai Coopration Organisation"} {
		res, err := x.Lookup(context.Background(), index.Query{Text: q, Limit: 1})
		if err != nil || len(res) == 0 {
			fmt.Println(q, "→ nothing", err)
			continue
		}
		fmt.Printf("%s → %s (%s, «%s»)\n", q, res[0].Concept.ID, res[0].Kind, res[0].Term.Text)
	}
	// Output:
	// Шанхайской организации сотрудничества → sco (stemmed, «Шанхайская организация сотрудничества»)
	// шос → sco (exact, «ШОС»)
	// Shanghai Coopration Organisation → sco (fuzzy, «Shanghai Cooperation Organisation»)
}
