package align_test

import (
	"fmt"

	"tolmach/internal/lang"
	"tolmach/tm/align"
)

func ExampleAlignTexts() {
	ru := "В 2024 году Россия председательствовала в БРИКС. Саммит прошёл в Казани.\n\nЛавров провёл переговоры."
	en := "In 2024, Russia chaired BRICS and hosted the summit in Kazan.\n\nLavrov held talks."
	a, err := align.AlignTexts(ru, en, lang.RU, lang.EN, align.Options{})
	if err != nil {
		panic(err)
	}
	for _, p := range a.Pairs {
		fmt.Printf("%s  %q\n      %q\n", p.Kind(), a.SourceText(p), a.TargetText(p))
	}
	// Output:
	// 2-1  "В 2024 году Россия председательствовала в БРИКС. Саммит прошёл в Казани."
	//       "In 2024, Russia chaired BRICS and hosted the summit in Kazan."
	// 1-1  "Лавров провёл переговоры."
	//       "Lavrov held talks."
}
