package check_test

import (
	"context"
	"fmt"

	"tolmach/check"
	"tolmach/glossary"
	"tolmach/internal/lang"
)

func ExampleChecker_Check() {
	g, _ := glossary.Parse([]byte(`
[pivot-east]
ru: поворот на Восток | preferred phrase
en: pivot to the East | preferred phrase
`), "example.glossary", glossary.Native)
	c := check.New(check.Options{Glossary: g})
	res, err := c.Check(context.Background(),
		check.NewDocument("a.ru.txt", lang.RU, "Поворот на Восток продолжается. Товарооборот достиг 240 млрд долларов."),
		check.NewDocument("a.en.txt", lang.EN, "The eastward shift continues. Trade reached 204 billion dollars."))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Findings {
		fmt.Printf("%s:%d:%d %s %s: %s\n", f.Source.Path, f.Source.Line, f.Source.Column, f.Severity, f.Rule, f.Message)
	}
	// Output:
	// a.ru.txt:1:1 error term-missing: «Поворот на Восток» is not rendered as "pivot to the East"
	// a.ru.txt:1:53 error number-mismatch: the source says «240 млрд» but the target says "204 billion"
}
